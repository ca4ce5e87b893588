using System.Diagnostics;
using System.Text.Json.Nodes;
using Cutroom.Agent.Planning.BuiltIn;
using Cutroom.Agent.Planning.Llm;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;

namespace Cutroom.Agent.Tests.Planning;

public sealed class LlmPlannerTests
{
    private static LlmPlanner Planner(Uri url, TimeSpan? timeout = null) =>
        new(new LlmPlannerOptions(url, "fake-model") { Timeout = timeout ?? TimeSpan.FromSeconds(10) }, ToolRegistry.Default, new BuiltInPlanner());

    [Fact]
    public async Task The_models_function_calls_become_the_plan()
    {
        using var server = new FakeChatServer(_ => (200, FakeChatServer.ToolCalls(("extract_frames", """{"media":"med_1","every_n":10}""")), TimeSpan.Zero));
        var plan = await Planner(server.BaseUrl).PlanAsync("grab one frame in ten", SessionSnapshot.OneVideo);

        Assert.Equal("llm", plan.Planner);
        Assert.Equal("""[{"name":"extract_frames","args":{"media":"med_1","every_n":10}}]""", plan.ToJson()["calls"]!.ToJsonString());
        Assert.Contains("every 10th frame", plan.Reply, StringComparison.Ordinal);

        // What the model was given: the model name, every tool with its schema, and the session's ids.
        var (path, body) = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", path);
        var request = JsonNode.Parse(body)!;
        Assert.Equal("fake-model", request["model"]!.GetValue<string>());
        var tools = request["tools"]!.AsArray();
        Assert.Equal(ToolRegistry.Default.All.Count, tools.Count);
        Assert.Equal("object", tools[0]!["function"]!["parameters"]!["type"]!.GetValue<string>());
        Assert.Contains("med_1: video.mp4 (video, 60000 ms", request["messages"]![0]!["content"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("seg_1 on trk_1", request["messages"]![0]!["content"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("make_coffee", """{}""")]                            // no such tool
    [InlineData("extract_frames", """{"media":"med_1","every_n":0}""")] // out of range
    [InlineData("set_speed", """{"segment":"all"}""")]                 // required argument missing
    [InlineData("extract_frames", """not json""")]                     // arguments not JSON
    public async Task An_invalid_call_falls_back_to_the_built_in_planner(string name, string args)
    {
        using var server = new FakeChatServer(_ => (200, FakeChatServer.ToolCalls((name, args)), TimeSpan.Zero));
        var plan = await Planner(server.BaseUrl).PlanAsync("extract every 10th frame from my video as images", SessionSnapshot.OneVideo);
        Assert.StartsWith("builtin (fallback: ", plan.Planner, StringComparison.Ordinal);
        Assert.Equal("""[{"name":"extract_frames","args":{"media":"med_1","every_n":10}}]""", plan.ToJson()["calls"]!.ToJsonString());
    }

    [Fact]
    public async Task An_unreachable_server_falls_back_at_once()
    {
        var closed = new Uri($"http://127.0.0.1:{FakeChatServer.FreePort()}/v1");
        var sw = Stopwatch.StartNew();
        var plan = await Planner(closed).PlanAsync("把标题改成红色", Corpus.State("slideshow"));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"took {sw.Elapsed}");
        Assert.StartsWith("builtin (fallback", plan.Planner, StringComparison.Ordinal);
        Assert.Equal("edit_text", Assert.Single(plan.Calls).Name);
        Assert.Equal("zh", plan.Language);
    }

    [Fact]
    public async Task A_server_error_or_a_slow_model_falls_back()
    {
        using (var failing = new FakeChatServer(_ => (500, """{"error":{"message":"boom"}}""", TimeSpan.Zero)))
            Assert.StartsWith("builtin (fallback", (await Planner(failing.BaseUrl).PlanAsync("export", SessionSnapshot.OneVideo)).Planner, StringComparison.Ordinal);
        using var slow = new FakeChatServer(_ => (200, FakeChatServer.ToolCalls(("export", "{}")), TimeSpan.FromSeconds(3)));
        var plan = await Planner(slow.BaseUrl, TimeSpan.FromMilliseconds(500)).PlanAsync("export", SessionSnapshot.OneVideo);
        Assert.StartsWith("builtin (fallback: the model did not answer", plan.Planner, StringComparison.Ordinal);
        Assert.Equal("export", Assert.Single(plan.Calls).Name);
    }

    [Fact]
    public async Task A_text_answer_is_one_clarifying_question()
    {
        using var server = new FakeChatServer(_ => (200, FakeChatServer.Text("Which of the two videos do you mean?"), TimeSpan.Zero));
        var plan = await Planner(server.BaseUrl).PlanAsync("cut it", Corpus.State("twovideos"));
        Assert.Equal("llm", plan.Planner);
        var call = Assert.Single(plan.Calls);
        Assert.Equal(("clarify", "Which of the two videos do you mean?"), (call.Name, call.GetString("question")));
        Assert.Equal("Which of the two videos do you mean?", plan.Reply);
    }
}
