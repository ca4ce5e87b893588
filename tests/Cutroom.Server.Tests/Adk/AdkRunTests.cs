using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cutroom.Server.Tests.Chat;
using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.Adk;

/// <summary>
/// <c>/run_sse</c> and <c>/run</c> as Google ADK's clients call them: camelCase bodies with
/// <c>stateDelta</c> and unknown fields, <c>streaming</c> honoured, files as <c>inlineData</c>
/// parts, <c>/run</c> answering a bare array, failures readable from <c>error</c>.
/// </summary>
public sealed class AdkRunTests
{
    private static string Cockatoo => TestMedia.Real("video/cockatoo.mp4");

    /// <summary>The body ADK's <c>AdkApiClient.runAsync</c> and the dev UI send (camelCase, <c>stateDelta: null</c>, a field Cutroom does not know).</summary>
    internal static JsonObject AdkBody(string sessionId, string text, bool? streaming, params JsonObject[] files)
    {
        var parts = new JsonArray();
        foreach (var f in files) parts.Add(f);
        parts.Add(new JsonObject { ["text"] = text });
        var body = new JsonObject
        {
            ["appName"] = "nemo_agent", ["userId"] = "user", ["sessionId"] = sessionId,
            ["newMessage"] = new JsonObject { ["role"] = "user", ["parts"] = parts },
            ["stateDelta"] = null, ["invocationHint"] = "a field Cutroom does not know",
        };
        if (streaming is { } s) body["streaming"] = s;
        return body;
    }

    internal static JsonObject InlineFile(string path, string mime) => new()
    {
        ["inlineData"] = new JsonObject { ["mimeType"] = mime, ["data"] = Convert.ToBase64String(File.ReadAllBytes(path)), ["displayName"] = Path.GetFileName(path) },
    };

    private static async Task<HttpResponseMessage> PostAsync(ApiClient client, string endpoint, JsonObject body)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (endpoint == "run_sse") req.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return await client.Http.SendAsync(req, HttpCompletionOption.ResponseHeadersRead);
    }

    [Fact]
    public async Task A_camelCase_turn_with_the_video_inline_and_streaming_false_uploads_it_extracts_28_frames_and_sends_no_partial_event()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();

        using var res = await PostAsync(client, "run_sse",
            AdkBody(client.SessionId, "extract every 10th frame from my video as images", streaming: false, InlineFile(Cockatoo, "video/mp4")));
        Assert.Equal(200, (int)res.StatusCode);
        var turn = await ChatCalls.ReadAsync(res);

        Assert.DoesNotContain(turn.Events, e => e.GetProperty("partial").GetBoolean());
        var response = Assert.Single(turn.Parts("functionResponse")).GetProperty("response");
        Assert.Equal(28, response.GetProperty("count").GetInt32());
        Assert.True(turn.Last.GetProperty("turnComplete").GetBoolean());
        Assert.False(turn.Last.TryGetProperty("errorCode", out _));

        // The inline file went through the upload: one video in the bin, named as sent, probed.
        var state = await client.StateAsync();
        var upload = Assert.Single(state.GetProperty("state").GetProperty("video_infos").EnumerateArray());
        Assert.Equal("cockatoo.mp4", upload.GetProperty("name").GetString());
        Assert.Equal("video", upload.GetProperty("kind").GetString());
        Assert.Equal(new FileInfo(Cockatoo).Length, upload.GetProperty("size_bytes").GetInt64());
    }

    [Fact]
    public async Task A_camelCase_streaming_true_turn_sends_partial_progress_events()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, client, Cockatoo);

        using var res = await PostAsync(client, "run_sse", AdkBody(client.SessionId, "extract every 10th frame from my video as images", streaming: true));
        var turn = await ChatCalls.ReadAsync(res);

        Assert.Contains(turn.Events, e => e.GetProperty("partial").GetBoolean());
    }

    [Fact]
    public async Task Run_answers_ADK_clients_a_bare_event_array_and_seed_clients_the_envelope()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, client, Cockatoo);

        using (var res = await PostAsync(client, "run", AdkBody(client.SessionId, "add a title 'Hello' at the top", streaming: null)))
        {
            Assert.Equal(200, (int)res.StatusCode);
            using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
            Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
            var events = doc.RootElement.EnumerateArray().ToList();
            Assert.True(events[^1].GetProperty("turnComplete").GetBoolean());
            Assert.Equal("add_text", Assert.Single(events, e => ChatCalls.Shape(e).StartsWith("call:", StringComparison.Ordinal))
                .GetProperty("content").GetProperty("parts")[0].GetProperty("functionCall").GetProperty("name").GetString());
        }

        using (var res = await ChatCalls.PostRunAsync(client, "make the title red"))
        {
            var data = await LiveServer.ReadEnvelopeAsync(res, 200);
            Assert.Equal(JsonValueKind.Array, data.ValueKind);
            Assert.True(data.EnumerateArray().Last().GetProperty("turnComplete").GetBoolean());
        }
    }

    [Fact]
    public async Task Refusals_reach_ADK_clients_as_error_text_in_the_clients_spelling()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();

        using (var res = await PostAsync(client, "run_sse", AdkBody("ses_missing", "add a title 'Hello'", streaming: false)))
        {
            var error = await server.ReadErrorAsync(res, 404, 1002);
            Assert.Contains("session not found", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        // Not media: refused as any upload would be (4001), nothing kept, no turn.
        var text = Path.Combine(server.DataDir, "..", $"notes-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(text, "this is not a video, just words");
        try
        {
            using var res = await PostAsync(client, "run_sse", AdkBody(client.SessionId, "extract every 10th frame", streaming: false, InlineFile(text, "video/mp4")));
            var error = await server.ReadErrorAsync(res, 415, 4001);
            Assert.Contains("notes-", error.GetProperty("data").GetProperty("rejected")[0].GetProperty("name").GetString(), StringComparison.Ordinal);
        }
        finally { File.Delete(text); }
        var state = await client.StateAsync();
        Assert.Empty(state.GetProperty("state").GetProperty("video_infos").EnumerateArray());
        Assert.Empty(state.GetProperty("state").GetProperty("messages").EnumerateArray());
    }
}
