using System.Text.Json.Nodes;

namespace Cutroom.Agent.Tests.Planning;

[Trait("Tier", "Fast")]
public sealed class PlanCommandTests
{
    private static (int Code, string Stdout, string Stderr) Cutroom(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "cutroom.dll");
        return TestMedia.Run("dotnet", [dll, .. args], env: new Dictionary<string, string> { ["NO_COLOR"] = "1" });
    }

    [Fact]
    public void Plan_prints_the_calls_and_reply_as_agent_tools_md_shows_them()
    {
        var (code, stdout, stderr) = Cutroom("plan", "extract every 10th frame from my video as images");
        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(["calls", "reply"], json.Select(p => p.Key));
        Assert.Equal("""[{"name":"extract_frames","args":{"media":"med_1","every_n":10}}]""", json["calls"]!.ToJsonString());
        Assert.Contains("every 10th frame", json["reply"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_resolves_references_against_a_state_file_and_replies_in_chinese()
    {
        var state = Path.Combine(Corpus.Folder, "states", "slideshow.json");
        var (code, stdout, stderr) = Cutroom("plan", "把标题改成红色", "--state", state);
        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal("""[{"name":"edit_text","args":{"segment":"seg_7","color":"red"}}]""", json["calls"]!.ToJsonString());
        Assert.Contains("红色", json["reply"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_answers_in_the_language_asked_for()
    {
        var (code, stdout, _) = Cutroom("plan", "trim the first 3 seconds and add a title 'Sale' in red", "--language", "zh");
        Assert.Equal(0, code);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal(["trim_segment", "add_text"], json["calls"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.StartsWith("好的", json["reply"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_state_file_is_a_one_line_usage_error()
    {
        var (code, stdout, stderr) = Cutroom("plan", "export", "--state", "/nonexistent/state.json");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("cutroom: --state: cannot read 'state.json'", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }
}
