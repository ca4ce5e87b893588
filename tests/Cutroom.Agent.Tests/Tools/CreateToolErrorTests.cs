using System.Text.Json.Nodes;
using Cutroom.Agent.Execution;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;
using Cutroom.Engine.Common;

namespace Cutroom.Agent.Tests.Tools;

/// <summary>create_video reports the slideshow request's coded errors on the tool's own arguments.</summary>
public sealed class CreateToolErrorTests : IDisposable
{
    private static readonly EngineContext Engine = EngineContext.CreateDefault();
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("""{"media":["med_1"],"transition":"spin"}""", "unknown_value", "transition")]
    [InlineData("""{"media":["med_2"]}""", "unsupported_media", "media")]
    public async Task A_bad_slideshow_fails_with_the_code_on_the_argument_to_fix(string args, string code, string argument)
    {
        var session = new FolderSession(_dir.Path);
        await session.UploadAsync(Engine, [TestMedia.Real("image/photo-snow.jpg"), TestMedia.Real("audio/toy-mono.wav")]);
        var outcome = await new ToolRunner(ToolRegistry.Default).RunAsync(new ToolCall("create_video", JsonNode.Parse(args)!.AsObject()),
            new ToolContext(session, Engine, "en", new AgentOptions()));
        Assert.False(outcome.Succeeded, outcome.Text);
        Assert.Equal((code, argument), (outcome.Data["error"]?.GetValue<string>(), outcome.Data["field"]?.GetValue<string>()));
        Assert.DoesNotContain("--", outcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slideshow_shorter_than_the_requests_limit_is_refused_by_the_schema()
    {
        var session = new FolderSession(_dir.Path);
        var outcome = await new ToolRunner(ToolRegistry.Default).RunAsync(
            new ToolCall("create_video", JsonNode.Parse("""{"media":["med_1"],"duration_ms":999}""")!.AsObject()),
            new ToolContext(session, Engine, "en", new AgentOptions()));
        Assert.False(outcome.Succeeded);
        Assert.Contains("1000", outcome.Text, StringComparison.Ordinal);
    }
}
