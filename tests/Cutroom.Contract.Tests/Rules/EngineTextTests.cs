using System.Text.RegularExpressions;

namespace Cutroom.Contract.Tests.Rules;

/// <summary>
/// The Engine speaks no interface's language (issue 14): no string literal in
/// src/Cutroom.Engine names a command-line flag (<c>--</c> and a letter). The CLI maps a field
/// to its flag (CliErrors); the engine names the field.
/// </summary>
[Trait("Tier", "Fast")]
public partial class EngineTextTests
{
    [Fact]
    public void No_string_literal_in_the_engine_names_a_command_line_flag()
    {
        var engine = Path.Combine(RepoRoot(), "src", "Cutroom.Engine");
        var found = new List<string>();
        var files = Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
            foreach (var literal in CSharpLiterals.Of(File.ReadAllText(file)))
                if (Flag().IsMatch(literal.Text))
                    found.Add($"{Path.GetRelativePath(engine, file)}:{literal.Line}: \"{literal.Text}\"");
        Assert.True(found.Count == 0, $"{found.Count} engine strings name a CLI flag (name the neutral field instead; the CLI maps it):\n{string.Join('\n', found)}");
    }

    [Fact]
    public void The_scanner_reads_every_kind_of_literal_and_skips_comments_and_chars()
    {
        const string source = """"
            // "--in-a-comment"
            /* "--in-a-block" */
            var a = "regular \"--quoted\"";
            var b = @"verbatim ""--doubled"" \";
            var c = $"interp {x:0.0} {{--braced}} {f("--nested")}";
            var d = $@"both {y}";
            var e = """raw "--quoted" inside""";
            var f = $$"""raw {{z}} {not-a-hole}""";
            var g = '"'; var h = "after a char";
            var i = "utf8"u8;
            """";
        var texts = CSharpLiterals.Of(source).Select(l => l.Text).ToList();
        Assert.Equal([
            "regular \"--quoted\"",
            "verbatim \"--doubled\" \\",
            "--nested",
            "interp {…} {--braced} {…}",
            "both {…}",
            "raw \"--quoted\" inside",
            "raw {…} {not-a-hole}",
            "after a char",
            "utf8",
        ], texts);
        Assert.Equal(3, CSharpLiterals.Of(source).Single(l => l.Text == "regular \"--quoted\"").Line);
    }

    [Theory]
    [InlineData("use --mode exact", true)]
    [InlineData("--every must be 1 or more", true)]
    [InlineData("must be 1 or more", false)]
    [InlineData("-c:v", false)]
    [InlineData("2--3", false)]
    [InlineData("a -- b", false)]
    [InlineData("--", false)]
    public void A_flag_is_two_dashes_and_a_letter(string text, bool flag) => Assert.Equal(flag, Flag().IsMatch(text));

    /// <summary>The repository root: the nearest folder above the test assembly that holds Cutroom.sln.</summary>
    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cutroom.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Cutroom.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex("--[A-Za-z]")]
    private static partial Regex Flag();
}
