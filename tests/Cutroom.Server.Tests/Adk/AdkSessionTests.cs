using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cutroom.Server.Tests.Chat;
using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.Adk;

/// <summary>
/// Google ADK's <c>api_server</c> endpoints over Cutroom's sessions, called as ADK's client and dev UI
/// call them: discovery, sessions in ADK's Session shape with the chat history as events, and the
/// turn's files as artifacts (inline base64 up to the cap, a link part above it).
/// </summary>
public sealed class AdkSessionTests
{
    private static string Cockatoo => TestMedia.Real("video/cockatoo.mp4");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage res, int status = 200)
    {
        var body = await res.Content.ReadAsStringAsync();
        Assert.True((int)res.StatusCode == status, $"expected HTTP {status}, got {(int)res.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Sessions_and_artifacts_show_an_ADK_turn_its_history_and_its_28_frames()
    {
        await using var server = await LiveServer.StartAsync(o => o.Adk.MaxInlineArtifactBytes = 200_000);
        var client = await server.NewClientAsync();
        var http = client.Http;

        // Discovery needs no token.
        Assert.Equal("""["nemo_agent"]""", (await JsonAsync(await server.Http.GetAsync("list-apps?relative_path=./"))).GetRawText());
        Assert.False(string.IsNullOrEmpty((await JsonAsync(await server.Http.GetAsync("version"))).GetProperty("version").GetString()));

        // A new session in ADK's shape.
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var created = await JsonAsync(await http.PostAsync("apps/nemo_agent/users/u1/sessions", Body("""{"state":{"language":"en","task_name":"birds"}}""")));
        var sid = created.GetProperty("id").GetString()!;
        Assert.StartsWith("ses_", sid, StringComparison.Ordinal);
        Assert.Equal("nemo_agent", created.GetProperty("appName").GetString());
        Assert.Equal("u1", created.GetProperty("userId").GetString());
        Assert.Equal("birds", created.GetProperty("state").GetProperty("task_name").GetString());
        Assert.Empty(created.GetProperty("events").EnumerateArray());
        Assert.InRange(created.GetProperty("lastUpdateTime").GetDouble(), now - 120, now + 120); // seconds, not milliseconds

        // One ADK turn: the video inline, every 10th frame.
        const string ask = "extract every 10th frame from my video as images";
        using var req = new HttpRequestMessage(HttpMethod.Post, "run_sse")
        {
            Content = Body(AdkRunTests.AdkBody(sid, ask, streaming: false, AdkRunTests.InlineFile(Cockatoo, "video/mp4")).ToJsonString()),
        };
        req.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var res = await http.SendAsync(req, HttpCompletionOption.ResponseHeadersRead);
        var turn = await ChatCalls.ReadAsync(res);
        var streamed = turn.Events.Single(e => ChatCalls.Shape(e).StartsWith("response:", StringComparison.Ordinal))
            .GetProperty("actions").GetProperty("artifactDelta").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(29, streamed.Count);

        // The session: its history as ADK events, the reply naming the turn's files.
        var session = await JsonAsync(await http.GetAsync($"apps/nemo_agent/users/u1/sessions/{sid}"));
        var events = session.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal("user", events[0].GetProperty("author").GetString());
        Assert.Equal(ask, ChatCalls.TextOf(events[0]));
        Assert.Equal("nemo_agent", events[1].GetProperty("author").GetString());
        Assert.True(events[1].GetProperty("turnComplete").GetBoolean());
        Assert.Equal(turn.FinalText, ChatCalls.TextOf(events[1]));
        Assert.Equal(events[0].GetProperty("invocationId").GetString(), events[1].GetProperty("invocationId").GetString());
        var delta = events[1].GetProperty("actions").GetProperty("artifactDelta").EnumerateObject().ToList();
        Assert.Equal(streamed.Order(StringComparer.Ordinal), delta.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(delta, p => Assert.Equal(0, p.Value.GetInt32()));
        Assert.Contains("Timeline", session.GetProperty("state").GetProperty("timeline_summary").GetString(), StringComparison.Ordinal);
        var again = await JsonAsync(await http.GetAsync($"apps/nemo_agent/users/u1/sessions/{sid}"));
        Assert.Equal(events[1].GetProperty("id").GetString(), again.GetProperty("events")[1].GetProperty("id").GetString());

        // Artifacts: the same names; a frame inline, byte for byte the file of state; the zip as a link part.
        var names = (await JsonAsync(await http.GetAsync($"apps/nemo_agent/users/u1/sessions/{sid}/artifacts"))).EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Equal(streamed.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        using var stateRes = await http.GetAsync($"api/state/nemo_agent/me/{sid}/latest");
        var generated = (await LiveServer.ReadEnvelopeAsync(stateRes, 200)).GetProperty("state").GetProperty("generated_media").EnumerateArray().ToList();
        var frame = generated.First(g => g.GetProperty("kind").GetString() == "image");
        var frameName = frame.GetProperty("name").GetString()!;
        var frameBytes = await server.Http.GetByteArrayAsync(frame.GetProperty("url").GetString());
        Assert.Equal("[0]", (await JsonAsync(await http.GetAsync($"apps/nemo_agent/users/u1/sessions/{sid}/artifacts/{frameName}/versions"))).GetRawText());
        foreach (var path in new[] { $"artifacts/{frameName}/versions/0", $"artifacts/{frameName}" })
        {
            var part = await JsonAsync(await http.GetAsync($"apps/nemo_agent/users/u1/sessions/{sid}/{path}"));
            var inline = part.GetProperty("inlineData");
            Assert.Equal("image/jpeg", inline.GetProperty("mimeType").GetString());
            Assert.Equal(frameBytes, Convert.FromBase64String(inline.GetProperty("data").GetString()!));
        }
        var zip = generated.Single(g => g.GetProperty("kind").GetString() == "archive");
        var link = (await JsonAsync(await http.GetAsync($"apps/nemo_agent/users/u1/sessions/{sid}/artifacts/{zip.GetProperty("name").GetString()}")))
            .GetProperty("fileData");
        Assert.Equal("application/zip", link.GetProperty("mimeType").GetString());
        var zipBytes = await server.Http.GetByteArrayAsync(link.GetProperty("fileUri").GetString());
        Assert.True(zipBytes.Length > 200_000);
        Assert.Equal((byte)'P', zipBytes[0]);
        Assert.Equal((byte)'K', zipBytes[1]);

        await server.ReadErrorAsync(await http.GetAsync($"apps/nemo_agent/users/u1/sessions/{sid}/artifacts/{frameName}/versions/1"), 404, 4004);
        await server.ReadErrorAsync(await http.GetAsync($"apps/nemo_agent/users/u1/sessions/{sid}/artifacts/nothing.jpg"), 404, 4004);
        Assert.Equal("[]", (await JsonAsync(await http.GetAsync($"apps/nemo_agent/users/u1/sessions/{sid}/artifacts/nothing.jpg/versions"))).GetRawText());

        // The list has both of the account's sessions, newest first, without events.
        var list = (await JsonAsync(await http.GetAsync("apps/nemo_agent/users/u1/sessions"))).EnumerateArray().ToList();
        Assert.Equal(new[] { sid, client.SessionId }, list.Select(s => s.GetProperty("id").GetString()));
        Assert.All(list, s => Assert.Empty(s.GetProperty("events").EnumerateArray()));

        // PATCH changes the language only; nothing else of the state is set this way.
        using (var patch = new HttpRequestMessage(HttpMethod.Patch, $"apps/nemo_agent/users/u1/sessions/{sid}") { Content = Body("""{"stateDelta":{"language":"zh"}}""") })
            Assert.Equal("zh", (await JsonAsync(await http.SendAsync(patch))).GetProperty("state").GetProperty("language").GetString());
        using (var patch = new HttpRequestMessage(HttpMethod.Patch, $"apps/nemo_agent/users/u1/sessions/{sid}") { Content = Body("""{"stateDelta":{"draft":{}}}""") })
        {
            var error = await server.ReadErrorAsync(await http.SendAsync(patch), 400, 4000);
            Assert.Equal("stateDelta.draft", error.GetProperty("data").GetProperty("errors")[0].GetProperty("path").GetString());
        }
        await server.ReadErrorAsync(await http.DeleteAsync($"apps/nemo_agent/users/u1/sessions/{sid}"), 400, 4000);
        await server.ReadErrorAsync(await http.PostAsync("apps/nemo_agent/users/u1/sessions/my-own-id", Body("{}")), 400, 4000);
        Assert.Equal(200, (int)(await http.GetAsync($"apps/nemo_agent/users/u1/sessions/{sid}")).StatusCode);

        // Another account's session answers as a missing one; another app is not here; no token, no answer.
        var other = await server.NewClientAsync();
        await server.ReadErrorAsync(await other.Http.GetAsync($"apps/nemo_agent/users/u1/sessions/{sid}"), 404, 1002);
        await server.ReadErrorAsync(await other.Http.GetAsync($"apps/nemo_agent/users/u1/sessions/{sid}/artifacts/{frameName}"), 404, 1002);
        Assert.DoesNotContain(sid, (await JsonAsync(await other.Http.GetAsync("apps/nemo_agent/users/u1/sessions"))).GetRawText(), StringComparison.Ordinal);
        await server.ReadErrorAsync(await http.GetAsync("apps/other_app/users/u1/sessions"), 404, 4004);
        await server.ReadErrorAsync(await server.Http.GetAsync($"apps/nemo_agent/users/u1/sessions/{sid}"), 401, 1001);
    }
}
