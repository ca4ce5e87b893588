using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.EndToEnd;

/// <summary>
/// The steps of the seeds' flow with a plain HttpClient, exactly as a client written from the
/// seeds would do them: upload (multipart field <c>files</c>), a chat turn over <c>/run_sse</c>
/// read to its end, state, credits, render with the attribution headers, poll, download.
/// </summary>
public static class SeedsFlow
{
    /// <summary>Uploads files in one multipart request; returns <c>data.files</c>.</summary>
    public static async Task<JsonElement> UploadAsync(ApiClient client, params string[] paths)
    {
        using var form = new MultipartFormDataContent();
        foreach (var p in paths)
        {
            var content = new StreamContent(File.OpenRead(p));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", Path.GetFileName(p));
        }
        using var res = await client.Http.PostAsync($"api/upload-video/nemo_agent/me/{client.SessionId}", form);
        return (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("files").Clone();
    }

    /// <summary>One chat turn over SSE, read to the end; returns the parsed events (heartbeats are counted apart).</summary>
    public static async Task<IReadOnlyList<JsonElement>> ChatAsync(ApiClient client, string text) =>
        (await ChatWithHeadersAsync(client, text, attribution: true)).Events;

    /// <summary>
    /// One chat turn as a seed-following agent sends it: the bearer token and, unless
    /// <paramref name="attribution"/> is false, the three <c>X-Skill-*</c> headers the seeds require on
    /// every request. Returns the events of a stream (read to the end, checked to complete), or the
    /// error envelope (HTTP status and JSON) when the server refused before streaming.
    /// </summary>
    public static async Task<(IReadOnlyList<JsonElement> Events, int Status, JsonElement? Refusal)> ChatWithHeadersAsync(ApiClient client, string text, bool attribution)
    {
        var body = JsonSerializer.Serialize(new
        {
            app_name = "nemo_agent", user_id = "me", session_id = client.SessionId,
            new_message = new { role = "user", parts = new[] { new { text } } }, streaming = true,
        });
        using var req = new HttpRequestMessage(HttpMethod.Post, "run_sse") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        req.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (attribution) AddAttribution(req);
        using var res = await client.Http.SendAsync(req, HttpCompletionOption.ResponseHeadersRead);
        if ((int)res.StatusCode != 200)
        {
            using var refusal = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
            return ([], (int)res.StatusCode, refusal.RootElement.Clone());
        }
        Assert.Equal("text/event-stream", res.Content.Headers.ContentType?.MediaType);
        var events = new List<JsonElement>();
        using var reader = new StreamReader(await res.Content.ReadAsStreamAsync());
        while (await reader.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
            using var doc = JsonDocument.Parse(line[6..]);
            events.Add(doc.RootElement.Clone());
        }
        Assert.NotEmpty(events);
        var last = events[^1];
        Assert.False(last.TryGetProperty("errorCode", out var code) && code.ValueKind != JsonValueKind.Null, $"the turn ended with an error: {last}");
        Assert.True(last.GetProperty("turnComplete").GetBoolean(), "the last event must complete the turn");
        return (events, 200, null);
    }

    /// <summary>The three attribution headers of the seeds.</summary>
    public static void AddAttribution(HttpRequestMessage req)
    {
        ArgumentNullException.ThrowIfNull(req);
        req.Headers.Add("X-Skill-Source", "seeds-client");
        req.Headers.Add("X-Skill-Version", "1.0");
        req.Headers.Add("X-Skill-Platform", "linux");
    }

    /// <summary>The text of every non-partial text part, joined.</summary>
    public static string Text(IEnumerable<JsonElement> events) => string.Join("\n", events
        .Where(e => !e.GetProperty("partial").GetBoolean() && e.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.Object)
        .SelectMany(e => e.GetProperty("content").GetProperty("parts").EnumerateArray())
        .Where(p => p.TryGetProperty("text", out _)).Select(p => p.GetProperty("text").GetString()));

    /// <summary>POSTs a render of <paramref name="draft"/> with the attribution headers and polls until it ends; returns the final <c>data</c>.</summary>
    public static async Task<JsonElement> RenderAsync(ApiClient client, JsonElement draft, string format = "mp4", string quality = "medium")
    {
        var id = "render_" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var body = JsonSerializer.Serialize(new { id, sessionId = client.SessionId, draft, output = new { format, quality } });
        using var req = new HttpRequestMessage(HttpMethod.Post, "api/render/proxy/lambda") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        AddAttribution(req);
        using var res = await client.Http.SendAsync(req);
        var queued = await LiveServer.ReadEnvelopeAsync(res, 202);
        Assert.Equal(id, queued.GetProperty("id").GetString());
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            using var poll = await client.Http.GetAsync($"api/render/proxy/lambda/{id}");
            var d = await LiveServer.ReadEnvelopeAsync(poll, 200);
            var status = d.GetProperty("status").GetString();
            if (status is "completed" or "failed") return d;
            Assert.True(DateTime.UtcNow < deadline, "the render did not finish in 10 minutes");
            await Task.Delay(500);
        }
    }

    /// <summary>Downloads <paramref name="url"/> (first with a Range request, then whole) into <paramref name="path"/>.</summary>
    public static async Task DownloadAsync(HttpClient http, string url, string path)
    {
        using (var req = new HttpRequestMessage(HttpMethod.Get, url))
        {
            req.Headers.Range = new RangeHeaderValue(0, 1023);
            using var res = await http.SendAsync(req);
            Assert.Equal(206, (int)res.StatusCode);
            Assert.Equal(1024, (await res.Content.ReadAsByteArrayAsync()).Length);
        }
        await using var s = await http.GetStreamAsync(url);
        await using var f = File.Create(path);
        await s.CopyToAsync(f);
    }

    /// <summary>ffprobe's JSON of a file (format and streams).</summary>
    public static JsonElement Probe(string path) => TestMedia.FfprobeJson(path);
}
