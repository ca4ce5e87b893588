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

    [Fact]
    public void The_preview_is_the_draft_at_360_lines_in_chunks_and_a_second_preview_renders_nothing_again()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("d.json"), $$$$"""
            {"v":1,"w":1280,"h":720,"fps":25,"t":[
              {"id":"v","tt":0,"sg":[
                {"id":"a","src":"{{{{TestMedia.Real("image/photo-skagen.jpg")}}}}","st":0,"d":4000,"m":{"fit":"cover","motion":"zoom-in"}},
                {"id":"b","src":"{{{{TestMedia.Real("image/photo-snow.jpg")}}}}","st":4000,"d":3000,"m":{"fit":"cover","tr":{"type":"fade","d":500}}},
                {"id":"c","src":"{{{{TestMedia.Real("image/photo-sunset.jpg")}}}}","st":7000,"d":3000,"m":{"fit":"contain","motion":"pan-left"}}]},
              {"id":"t","tt":7,"sg":[{"id":"x","st":0,"d":2000,"m":{"text":"Preview","size":90}}]}]}
            """);
        var (code, stdout, stderr) = CutroomCli.Run("render", dir.File("d.json"), "--preview", "-o", dir.File("p.mp4"), "--json");
        Assert.True(code == 0, stderr);
        using (var doc = JsonDocument.Parse(stdout))
        {
            Assert.Equal(640, doc.RootElement.GetProperty("width").GetInt32());
            Assert.Equal(360, doc.RootElement.GetProperty("height").GetInt32());
            Assert.Equal(250, doc.RootElement.GetProperty("frames").GetInt32());
            Assert.True(doc.RootElement.GetProperty("chunks").GetProperty("chunks").GetArrayLength() >= 2);
        }
        var (again, stdout2, stderr2) = CutroomCli.Run("render", dir.File("d.json"), "--preview", "-o", dir.File("p2.mp4"), "--json");
        Assert.True(again == 0, stderr2);
        using var doc2 = JsonDocument.Parse(stdout2);
        Assert.Equal(0, doc2.RootElement.GetProperty("chunks").GetProperty("rendered").GetInt32());
    }
}
