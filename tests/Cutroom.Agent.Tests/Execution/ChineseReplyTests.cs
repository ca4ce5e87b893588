using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cutroom.Agent.Execution;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;
using Cutroom.Engine.Common;

namespace Cutroom.Agent.Tests.Execution;

/// <summary>A Chinese session's replies name colours and positions in Chinese (issue 21 item 9): no "center" or "red" inside a Chinese sentence.</summary>
public sealed partial class ChineseReplyTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex EnglishWord();

    [Fact]
    public async Task Adding_and_editing_a_text_is_told_in_chinese_words()
    {
        var session = new FolderSession(_dir.Path);
        var runner = new ToolRunner(ToolRegistry.Default);
        var ctx = new ToolContext(session, EngineContext.CreateDefault(), "zh", new AgentOptions());
        var added = await runner.RunAsync(new ToolCall("add_text", JsonNode.Parse("""{"text":"促销","duration_ms":2000}""")!.AsObject()), ctx);
        Assert.True(added.Succeeded, added.Text);
        Assert.Contains("居中", added.Text, StringComparison.Ordinal);
        var segment = (string)added.Data["segment"]!;
        var edited = await runner.RunAsync(new ToolCall("edit_text", new JsonObject { ["segment"] = segment, ["color"] = "red", ["position"] = "top" }), ctx);
        Assert.True(edited.Succeeded, edited.Text);
        Assert.Contains("红色", edited.Text, StringComparison.Ordinal);
        Assert.Contains("顶部", edited.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(EnglishWord().Matches(added.Text + edited.Text).Select(m => m.Value), w => w is not "seg");
    }
}
