using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cutroom.Server.Data;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests.Chat;

/// <summary>What a <c>/run_sse</c> response carried, read line by line as a plain client would.</summary>
/// <param name="Events">The ADK events, in order.</param>
/// <param name="Lines">Every line as received.</param>
/// <param name="Heartbeats">How many <c>: heartbeat</c> lines came.</param>
/// <param name="HeartbeatsBeforeFirstEvent">How many came before the first event.</param>
internal sealed record SseTurn(IReadOnlyList<JsonElement> Events, IReadOnlyList<string> Lines, int Heartbeats, int HeartbeatsBeforeFirstEvent)
{
    /// <summary>The closing event.</summary>
    public JsonElement Last => Events[^1];

    /// <summary>Its text.</summary>
    public string FinalText => ChatCalls.TextOf(Last) ?? "";

    /// <summary>Parts of one kind (<c>functionCall</c>, <c>functionResponse</c>) across the events.</summary>
    public IReadOnlyList<JsonElement> Parts(string kind) =>
        [.. Events.Where(e => e.TryGetProperty("content", out _)).SelectMany(e => e.GetProperty("content").GetProperty("parts").EnumerateArray())
            .Where(p => p.TryGetProperty(kind, out _)).Select(p => p.GetProperty(kind))];
}

/// <summary>Chat requests over HTTP: the ADK body, <c>/run_sse</c> read line by line, <c>/run</c>.</summary>
internal static class ChatCalls
{
    /// <summary>The ADK <c>api_server</c> body of contract §6b.</summary>
    public static object Body(string sessionId, string text) => new
    {
        app_name = "nemo_agent",
        user_id = "me",
        session_id = sessionId,
        new_message = new { role = "user", parts = new[] { new { text } } },
        streaming = true,
    };

    /// <summary>Posts to <c>/run_sse</c> and returns as soon as the headers are in.</summary>
    public static async Task<HttpResponseMessage> PostSseAsync(ApiClient client, string text, Action<HttpRequestMessage>? configure = null)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, "run_sse") { Content = JsonContent.Create(Body(client.SessionId, text)) };
        req.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        configure?.Invoke(req);
        return await client.Http.SendAsync(req, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>One whole turn over <c>/run_sse</c>: asserts HTTP 200 and the SSE headers, reads to the end.</summary>
    public static async Task<SseTurn> SayAsync(ApiClient client, string text, Action<HttpRequestMessage>? configure = null)
    {
        using var res = await PostSseAsync(client, text, configure);
        if ((int)res.StatusCode != 200) Assert.Fail($"expected a stream, got HTTP {(int)res.StatusCode}: {await res.Content.ReadAsStringAsync()}");
        Assert.Equal("text/event-stream", res.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", res.Headers.CacheControl?.ToString());
        Assert.Equal("no", Assert.Single(res.Headers.GetValues("X-Accel-Buffering")));
        return await ReadAsync(res);
    }

    /// <summary>Reads an SSE body to its end, checking that every event is one <c>data:</c> line followed by a blank line.</summary>
    public static async Task<SseTurn> ReadAsync(HttpResponseMessage res)
    {
        await using var stream = await res.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        var events = new List<JsonElement>();
        int heartbeats = 0, early = 0, emptyData = 0;
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null)
        {
            lines.Add(line);
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var doc = JsonDocument.Parse(line["data: ".Length..]);
                events.Add(doc.RootElement.Clone());
            }
            else if (line == ": heartbeat")
            {
                heartbeats++;
                if (events.Count == 0) early++;
                emptyData--; // the empty data: line that must follow
            }
            else if (line == "data:") emptyData++;
            else Assert.True(line.Length == 0, $"unexpected SSE line: {line}");
        }
        for (var i = 0; i < lines.Count; i++)
            if (lines[i].StartsWith("data:", StringComparison.Ordinal))
                Assert.True(i + 1 < lines.Count && lines[i + 1].Length == 0, "an event must be followed by a blank line");
        Assert.NotEmpty(events);
        Assert.True(emptyData == 0, "every heartbeat comment comes with an empty data: line (the seeds read those as still working)");
        return new SseTurn(events, lines, heartbeats, early);
    }

    /// <summary>Posts to <c>/run</c> and returns the response.</summary>
    public static async Task<HttpResponseMessage> PostRunAsync(ApiClient client, string text) =>
        await client.Http.PostAsJsonAsync("run", Body(client.SessionId, text));

    /// <summary>The text of an event's first text part, or null.</summary>
    public static string? TextOf(JsonElement e) =>
        e.TryGetProperty("content", out var c) && c.GetProperty("parts").EnumerateArray().FirstOrDefault(p => p.TryGetProperty("text", out _)) is { ValueKind: JsonValueKind.Object } p
            ? p.GetProperty("text").GetString() : null;

    /// <summary>A short signature of an event (for comparing two turns): its part kinds, tool names, partial and turnComplete flags.</summary>
    public static string Shape(JsonElement e)
    {
        var parts = e.TryGetProperty("content", out var c)
            ? string.Join(",", c.GetProperty("parts").EnumerateArray().Select(p =>
                p.TryGetProperty("functionCall", out var fc) ? "call:" + fc.GetProperty("name").GetString()
                : p.TryGetProperty("functionResponse", out var fr) ? "response:" + fr.GetProperty("name").GetString()
                : "text"))
            : "";
        return $"{parts}|partial={e.GetProperty("partial").GetBoolean()}|complete={e.GetProperty("turnComplete").GetBoolean()}";
    }

    /// <summary>A database context of the server (for checks on jobs and the ledger).</summary>
    public static Task<CutroomDb> DbAsync(LiveServer server) =>
        server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync();
}
