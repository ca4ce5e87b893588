using System.Text.Json;

namespace Cutroom.Cli.Tests;

/// <summary>
/// <c>cutroom export-timeline</c> and <c>import-timeline</c> as a user runs them (the built CLI
/// as a child process): a draft whose sources are files goes out as OTIO with <c>file://</c>
/// references and comes back with the same cuts and paths; bad input gets exit 2 and the field.
/// </summary>
[Trait("Tier", "Fast")]
public class TimelineCommandTests
{
    private const string Draft = """
        {"v":1,"w":1280,"h":720,"fps":25,"m":{"title":"Clips"},"t":[
          {"id":"v","tt":0,"sg":[
            {"id":"a","src":"a.mp4","st":0,"d":1040,"so":2000},
            {"id":"b","src":"b b.mp4","st":1040,"d":2000,"so":120,"m":{"tr":{"type":"fade","d":400}}}]},
          {"id":"t","tt":7,"sg":[{"id":"x","st":0,"d":1000,"m":{"text":"Hi"}}]}]}
        """;

    [Fact]
    public void A_draft_goes_out_as_otio_fcpxml_and_edl_and_the_otio_comes_back_with_the_same_cuts()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("a.mp4"), "not really a video: export only names files");
        File.WriteAllText(dir.File("b b.mp4"), "x");
        File.WriteAllText(dir.File("draft.json"), Draft);

        var (code, stdout, stderr) = CutroomCli.Run("export-timeline", dir.File("draft.json"), "-o", dir.File("cut.otio"), "--json");
        Assert.True(code == 0, stderr + stdout);
        using (var result = JsonDocument.Parse(stdout))
            Assert.Equal(("otio", 3), (result.RootElement.GetProperty("format").GetString(), result.RootElement.GetProperty("segments").GetInt32()));
        var otio = File.ReadAllText(dir.File("cut.otio"));
        Assert.Contains($"\"target_url\": \"{new Uri(dir.File("b b.mp4")).AbsoluteUri}\"", otio, StringComparison.Ordinal);

        (code, stdout, stderr) = CutroomCli.Run("import-timeline", dir.File("cut.otio"), "-o", dir.File("back.json"), "--json");
        Assert.True(code == 0, stderr + stdout);
        using var back = JsonDocument.Parse(File.ReadAllText(dir.File("back.json")));
        var segments = back.RootElement.GetProperty("t")[0].GetProperty("sg").EnumerateArray()
            .Select(s => (s.GetProperty("src").GetString(), s.GetProperty("st").GetInt64(), s.GetProperty("d").GetInt64(), s.GetProperty("so").GetInt64())).ToList();
        Assert.Equal([("a.mp4", 0L, 1040L, 2000L), ("b b.mp4", 1040L, 2000L, 120L)], segments);
        Assert.Equal("Hi", back.RootElement.GetProperty("t")[1].GetProperty("sg")[0].GetProperty("m").GetProperty("text").GetString());

        foreach (var ext in new[] { "fcpxml", "edl" })
        {
            (code, _, stderr) = CutroomCli.Run("export-timeline", dir.File("draft.json"), "-o", dir.File("cut." + ext));
            Assert.True(code == 0, stderr);
            Assert.True(new FileInfo(dir.File("cut." + ext)).Length > 100);
        }
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void Bad_input_is_exit_2_with_the_field()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("draft.json"), Draft.Replace("\"d\":2000", "\"d\":0", StringComparison.Ordinal));
        var (code, _, stderr) = CutroomCli.Run("export-timeline", dir.File("draft.json"), "-o", dir.File("cut.otio"));
        Assert.Equal(2, code);
        Assert.Contains("t[0].sg[1].d: must be > 0", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("cut.otio")));

        (code, _, stderr) = CutroomCli.Run("export-timeline", dir.File("draft.json"), "-o", dir.File("cut.txt"));
        Assert.Equal(2, code);
        Assert.Contains("--format:", stderr, StringComparison.Ordinal);

        File.WriteAllText(dir.File("nested.otio"), """
            {"OTIO_SCHEMA":"Timeline.1","name":"","metadata":{},"tracks":{"OTIO_SCHEMA":"Stack.1","metadata":{},"name":"","children":[
              {"OTIO_SCHEMA":"Track.1","kind":"Video","metadata":{},"name":"","children":[{"OTIO_SCHEMA":"Stack.1","metadata":{},"name":"","children":[]}]}]}}
            """);
        (code, _, stderr) = CutroomCli.Run("import-timeline", dir.File("nested.otio"), "-o", dir.File("d.json"));
        Assert.Equal(2, code);
        Assert.Contains("tracks.children[0].children[0]: a Stack.1 inside a track cannot be a draft segment", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("d.json")));
    }
}
