using System.Xml.Linq;

namespace Cutroom.Contract.Tests.Rules;

/// <summary>
/// The layers reference only the layers below them (docs/architecture.md, "Layers"): read from the
/// project files, so a new upward or sideways reference fails here before anyone relies on it.
/// </summary>
[Trait("Tier", "Fast")]
public class LayerTests
{
    /// <summary>Each layer and every project it may reference.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Cutroom.Contract"] = [],
        ["Cutroom.Timeline"] = ["Cutroom.Contract"],
        ["Cutroom.FFmpeg"] = ["Cutroom.Contract"],
        ["Cutroom.Engine"] = ["Cutroom.FFmpeg", "Cutroom.Timeline"],
        ["Cutroom.Agent"] = ["Cutroom.Engine", "Cutroom.Timeline"],
        ["Cutroom.Server"] = ["Cutroom.Agent", "Cutroom.Engine", "Cutroom.Timeline"],
        ["Cutroom.Cli"] = ["Cutroom.Agent", "Cutroom.Engine", "Cutroom.Server"],
    };

    [Fact]
    public void Every_layer_references_only_layers_below_it()
    {
        var src = Path.Combine(EngineTextTests.RepoRoot(), "src");
        var projects = Directory.GetDirectories(src).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Allowed.Keys.Order(StringComparer.Ordinal), projects);
        foreach (var project in projects)
        {
            var csproj = XDocument.Load(Path.Combine(src, project!, project + ".csproj"));
            var references = csproj.Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))
                .Order(StringComparer.Ordinal).ToList();
            var wrong = references.Except(Allowed[project!]).ToList();
            Assert.True(wrong.Count == 0, $"{project} references {string.Join(", ", wrong)}, which is not below it");
        }
    }

    [Fact]
    public void The_contract_depends_on_no_package()
    {
        var csproj = XDocument.Load(Path.Combine(EngineTextTests.RepoRoot(), "src", "Cutroom.Contract", "Cutroom.Contract.csproj"));
        Assert.Empty(csproj.Descendants("PackageReference"));
        Assert.Empty(csproj.Descendants("ProjectReference"));
    }
}
