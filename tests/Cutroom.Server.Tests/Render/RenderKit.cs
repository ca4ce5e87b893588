using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cutroom.Server.Data;
using Cutroom.Server.Hosting;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Tests.Render;

/// <summary>Drafts, posts, polling and probing for the render tests.</summary>
internal static class RenderKit
{
    /// <summary>The three attribution headers export requires.</summary>
    public static readonly (string Name, string Value)[] AttributionHeaders =
        [("X-Skill-Source", "cutroom-tests"), ("X-Skill-Version", "1.0"), ("X-Skill-Platform", "linux")];

    /// <summary>A one-clip draft of <paramref name="src"/> from 1 s into the source.</summary>
    public static string Draft(string src, int width = 640, int height = 360, int durationMs = 3000, string title = "Cockatoo test", int fps = 30) =>
        string.Create(CultureInfo.InvariantCulture,
            $$$"""{"v":1,"w":{{{width}}},"h":{{{height}}},"fps":{{{fps}}},"d":{{{durationMs}}},"m":{"title":"{{{title}}}"},"t":[{"id":"trk_1","tt":0,"m":{"name":"Video"},"sg":[{"id":"seg_1","src":"{{{src}}}","st":0,"d":{{{durationMs}}},"so":1000,"m":{"fit":"cover"}}]}]}""");

    /// <summary>A render body.</summary>
    public static string Body(string id, string sessionId, string draftJson, string? format = "mp4", string? quality = "high")
    {
        var output = format is null && quality is null ? "" : $",\"output\":{{\"format\":\"{format ?? "mp4"}\",\"quality\":\"{quality ?? "high"}\"}}";
        return $"{{\"id\":\"{id}\",\"sessionId\":\"{sessionId}\",\"draft\":{draftJson}{output}}}";
    }

    /// <summary>POST /api/render/proxy/lambda with <paramref name="body"/> (and the attribution headers unless told not to).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string body, bool attribution = true)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, "api/render/proxy/lambda") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (attribution) foreach (var (n, v) in AttributionHeaders) req.Headers.Add(n, v);
        return await http.SendAsync(req);
    }

    /// <summary>GET the render's <c>data</c>.</summary>
    public static async Task<JsonElement> StatusAsync(HttpClient http, string id)
    {
        using var res = await http.GetAsync($"api/render/proxy/lambda/{id}");
        return await LiveServer.ReadEnvelopeAsync(res, 200);
    }

    /// <summary>Polls until the render's status is one of <paramref name="statuses"/>; fails after <paramref name="timeout"/>.</summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient http, string id, TimeSpan timeout, params string[] statuses)
    {
        var sw = Stopwatch.StartNew();
        JsonElement last = default;
        while (sw.Elapsed < timeout)
        {
            last = await StatusAsync(http, id);
            if (statuses.Contains(last.GetProperty("status").GetString())) return last;
            await Task.Delay(100);
        }
        Assert.Fail($"render {id} did not reach {string.Join("|", statuses)} within {timeout}: {last}");
        return last;
    }

    /// <summary>ffprobe's JSON (streams and format) of a file.</summary>
    public static JsonElement Probe(string path) => TestMedia.FfprobeJson(path);

    /// <summary>The first stream of <paramref name="type"/> (video/audio) in a probe, or null.</summary>
    public static JsonElement? Stream(JsonElement probe, string type) =>
        probe.GetProperty("streams").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(s => s!.Value.GetProperty("codec_type").GetString() == type);

    /// <summary>The probed duration in ms.</summary>
    public static double DurationMs(JsonElement probe) =>
        double.Parse(probe.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture) * 1000;

    /// <summary>Downloads a signed URL to a temp file.</summary>
    public static async Task<string> DownloadAsync(string url, TempDir into, string name)
    {
        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync(new Uri(url));
        var path = into.File(name);
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    /// <summary>A client with <paramref name="token"/> for another base URL (a restarted server).</summary>
    public static HttpClient ClientFor(string baseUrl, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl + "/"), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Opens the database of a data folder directly (for checks while no server or another process runs).</summary>
    public static CutroomDb OpenDb(string dataDir)
    {
        var b = new DbContextOptionsBuilder<CutroomDb>();
        Database.Configure(b, TestDatabase.OptionsFor(dataDir));
        return new CutroomDb(b.Options);
    }

    /// <summary>Releases pooled connections (SQLite: before another process or server uses the file; PostgreSQL: idle connections of this process).</summary>
    public static void ReleaseDb()
    {
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }
}
