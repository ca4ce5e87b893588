using System.Text.Json;

namespace Cutroom.Cli.Tests;

/// <summary>The render command maps the renderer's coded failures: a field to a flag or a draft path, a kind to exit 2.</summary>
public class RenderCommandTests
{
    private const string UnknownMedia = """{"v":1,"w":320,"h":240,"fps":25,"t":[{"id":"v","tt":0,"sg":[{"id":"a","src":"med_x","st":0,"d":1000}]}]}""";

    [Fact]
    public void An_unknown_media_id_is_not_found_at_its_draft_path_and_exit_2()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("d.json"), UnknownMedia);
        var (code, stdout, _) = CutroomCli.Run("render", dir.File("d.json"), "-o", dir.File("x.mp4"), "--json");
        Assert.Equal(2, code);
        using var doc = JsonDocument.Parse(stdout);
        var error = doc.RootElement.GetProperty("error");
        Assert.Equal("not_found", error.GetProperty("code").GetString());
        Assert.Equal("t[0].sg[0].src", error.GetProperty("field").GetString());
        Assert.False(File.Exists(dir.File("x.mp4")));
    }

    [Theory]
    [InlineData("x.avi", "--output: must end in .mp4, .webm, .mov or .gif (got '.avi')")]
    [InlineData("x.mp4", "--lufs: must be between -70 and -5 LUFS", "--lufs", "3")]
    public void A_bad_output_or_loudness_names_its_flag_and_exits_2(string output, string line, params string[] extra)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("d.json"), UnknownMedia);
        var (code, _, stderr) = CutroomCli.Run(["render", dir.File("d.json"), "-o", dir.File(output), .. extra]);
        Assert.Equal(2, code);
        Assert.Contains(line, stderr, StringComparison.Ordinal);
    }
}
