using System.Text.Json.Nodes;
using Cutroom.Agent.Execution;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;
using Cutroom.Engine.Common;

namespace Cutroom.Agent.Tests.Execution;

/// <summary>A bad highlights request through the agent: the engine's code, the tool argument of its field, a sentence in each language.</summary>
public sealed class MediaJobToolErrorTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("en", "highlights failed: min_ms: is 20 s, longer than 'cockatoo.mp4' (14 s long); ask for shorter clips.")]
    [InlineData("zh", "提取精彩片段失败：参数有误（min_ms，错误代码 out_of_range）。")]
    public async Task Clips_longer_than_the_video_are_out_of_range_at_min_ms(string language, string sentence)
    {
        var engine = EngineContext.CreateDefault();
        var session = new FolderSession(_dir.Path);
        var media = Assert.Single(await session.UploadAsync(engine, [TestMedia.Real("video/cockatoo.mp4")]));
        var call = new ToolCall("highlights", new JsonObject { ["media"] = media.Id, ["min_ms"] = 20000 });

        var outcome = await new ToolRunner(ToolRegistry.Default).RunAsync(call, new ToolContext(session, engine, language, new AgentOptions()));

        Assert.False(outcome.Succeeded);
        Assert.Equal(sentence, outcome.Text);
        Assert.Equal(("out_of_range", "bad_input", "min_ms"), ((string?)outcome.Data!["error"], (string?)outcome.Data["kind"], (string?)outcome.Data["field"]));
    }
}
