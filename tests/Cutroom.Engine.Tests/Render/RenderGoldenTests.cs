using Cutroom.Engine.Render;
using static Cutroom.Engine.Tests.Render.RenderTestKit;

namespace Cutroom.Engine.Tests.Render;

/// <summary>
/// Golden tests of the ffmpeg arguments compiled from drafts: one argument per line, machine paths
/// replaced by placeholders. A change here must be deliberate: regenerate with CUTROOM_UPDATE_GOLDEN=1
/// and review the diff. (The outputs themselves are proven by the rendering tests.)
/// </summary>
public class RenderGoldenTests
{
    public static TheoryData<string, string> Drafts => new()
    {
        { "two-clips-crossfade", $$$$"""
            {"v":1,"w":320,"h":240,"fps":30,"t":[{"id":"v","tt":0,"sg":[
              {"id":"a","src":"{{{{Solid("red")}}}}","st":0,"d":2000},
              {"id":"b","src":"{{{{Solid("blue")}}}}","st":2000,"d":2000,"so":500,"m":{"tr":{"type":"wipeleft","d":500}}}]}]}
            """ },
        { "photo-logo-music-title", $$$$"""
            {"v":1,"w":640,"h":360,"fps":25,"t":[
              {"id":"v","tt":0,"sg":[{"id":"p","src":"{{{{TestMedia.Real("image/photo-snow.jpg")}}}}","st":0,"d":3000,"m":{"fit":"cover","motion":"zoom-in"}}]},
              {"id":"l","tt":0,"sg":[{"id":"logo","src":"{{{{TestMedia.Real("image/logo-qt.jpg")}}}}","st":0,"d":3000,"m":{"scale":0.2,"pos":"bottom-right","opacity":0.8}}]},
              {"id":"m","tt":1,"sg":[{"id":"bgm","src":"{{{{TestMedia.Real("audio/music-its-a-game.mkv")}}}}","st":0,"d":3000,"vol":0.5,"m":{"fo":1000}}]},
              {"id":"t","tt":7,"sg":[{"id":"title","st":0,"d":2000,"m":{"text":"Sale: 50% \\ 中文","pos":"top","size":40,"color":"#FF0000","fi":200}}]}]}
            """ },
    };

    [Theory]
    [MemberData(nameof(Drafts))]
    public async Task The_compiled_command_matches_its_golden_file(string name, string json)
    {
        var draft = Parse(json);
        var request = new DraftRenderRequest(RenderableDraft.From(draft), "/OUT/x.mp4", s => File.Exists(s) ? s : null);
        var sources = await SourceCatalog.LoadAsync(request.Draft.Draft, request.ResolveMedia, Engine.Context, CancellationToken.None);
        var renderer = new DraftRenderer(Engine.Context);
        var frames = new TimelineClock(draft.Fps).Frames(Timeline.Model.DraftDuration.Compute(draft));
        using var work = new TempDir();
        var graph = renderer.Compile(request, sources, work.Path, "/OUT/x.mp4", frames, allowSeeking: true);
        var lines = graph.Command.Build().Arguments
            .Select(a => a.Replace(work.Path, "<work>", StringComparison.Ordinal).Replace(TestMedia.Root, "<media>", StringComparison.Ordinal)
                          .Replace(Path.GetTempPath().TrimEnd('/') + "/cutroom-test-media-" + Environment.ProcessId, "<generated>", StringComparison.Ordinal))
            .ToList();
        // The thread count is the machine's.
        for (var i = 0; i + 1 < lines.Count; i++) if (lines[i] == "-threads") lines[i + 1] = "<threads>";
        var actual = string.Join('\n', lines) + "\n";
        var golden = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "Render", "Golden", name + ".args");
        if (Environment.GetEnvironmentVariable("CUTROOM_UPDATE_GOLDEN") == "1") File.WriteAllText(golden, actual);
        Assert.Equal(File.ReadAllText(golden), actual);
    }
}
