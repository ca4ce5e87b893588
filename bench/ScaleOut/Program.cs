// The client of bench/scale-out.sh (docs/scale-out.md, "Benchmark"). Subcommands:
//   createdb ADMIN_CS                     creates a fresh PostgreSQL database, prints its connection string
//   latency BASE_URL DB N                 one account posts N tiny renders one after another (each waits for the
//                                         last to finish, so a worker is idle when it is queued); prints the
//                                         enqueue → start time of each from the job records: p50, p99.
//                                         DB: sqlite:DATA_DIR or postgres:CONNECTION_STRING
//   renders BASE_URL N ACCOUNTS METRICS   ACCOUNTS accounts post N short renders at once (round robin); prints
//                                         the wall time until the last completed, renders per minute, and CPU
//                                         seconds per render from the workers' /metrics (METRICS: their base
//                                         URLs, comma-separated): ffmpeg's and the worker processes' own.
// Lines of output are key=value, for the script to put side by side.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cutroom.Server.Data;
using Cutroom.Server.Hosting;
using Cutroom.Server.Jobs;
using Microsoft.EntityFrameworkCore;
using Npgsql;

var inv = CultureInfo.InvariantCulture;
var media = Path.Combine(Environment.GetEnvironmentVariable("CUTROOM_MEDIA") is { Length: > 0 } m ? m
    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "cutroom-media"), "video", "cockatoo.mp4");

switch (args.FirstOrDefault())
{
    case "createdb":
        {
            var name = "cutroom_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using var conn = new NpgsqlConnection(args[1]);
            await conn.OpenAsync();
            await using (var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn)) await cmd.ExecuteNonQueryAsync();
            Console.WriteLine(new NpgsqlConnectionStringBuilder(args[1]) { Database = name }.ConnectionString);
            return 0;
        }
    case "latency":
        {
            var http = Client(args[1]);
            var n = int.Parse(args[3], inv);
            var (session, mediaId) = await NewAccountAsync(http);
            var ids = new List<string>();
            for (var i = 0; i < n; i++)
            {
                var id = $"lat_{i}_{Guid.NewGuid():N}"[..20];
                await PostRenderAsync(http, id, session, mediaId, 320, 180, 1000, OffsetMs(i));
                await WaitAsync(http, id);
                ids.Add(id);
            }
            await using var db = OpenDb(args[2]);
            var rows = await (from j in db.Jobs.AsNoTracking()
                              where ids.Contains(j.ExternalId!)
                              select new { j.CreatedAt, Start = db.JobTransitions.Where(t => t.JobId == j.Id && t.From == JobStates.Queued && t.To == JobStates.Running).Min(t => t.At) })
                             .ToListAsync();
            var ms = rows.Select(r => (r.Start - r.CreatedAt).TotalMilliseconds).Order().ToArray();
            Console.WriteLine(string.Create(inv, $"latency_n={ms.Length} latency_p50_ms={P(ms, 0.5):0} latency_p99_ms={P(ms, 0.99):0} latency_max_ms={P(ms, 1):0}"));
            return 0;
        }
    case "renders":
        {
            var http = Client(args[1]);
            var n = int.Parse(args[2], inv);
            var accounts = new List<(HttpClient Http, string Session, string Media)>();
            for (var a = 0; a < int.Parse(args[3], inv); a++)
            {
                var h = Client(args[1]);
                var (session, mediaId) = await NewAccountAsync(h);
                accounts.Add((h, session, mediaId));
            }
            var workers = args[4].Split(',', StringSplitOptions.RemoveEmptyEntries);
            var before = await CpuAsync(workers);
            var wall = Stopwatch.StartNew();
            var posted = new List<(HttpClient Http, string Id)>();
            for (var i = 0; i < n; i++)
            {
                var (h, session, mediaId) = accounts[i % accounts.Count];
                var id = $"thr_{i}_{Guid.NewGuid():N}"[..20];
                await PostRenderAsync(h, id, session, mediaId, 640, 360, 3000, OffsetMs(i));
                posted.Add((h, id));
            }
            foreach (var (h, id) in posted) await WaitAsync(h, id);
            wall.Stop();
            var after = await CpuAsync(workers);
            Console.WriteLine(string.Create(inv,
                $"renders_n={n} renders_wall_s={wall.Elapsed.TotalSeconds:0.0} renders_per_min={n / wall.Elapsed.TotalMinutes:0.0} " +
                $"ffmpeg_cpu_s_per_render={(after.Ffmpeg - before.Ffmpeg) / n:0.00} worker_cpu_s_per_render={(after.Process - before.Process) / n:0.00}"));
            return 0;
        }
    default:
        Console.Error.WriteLine("usage: createdb ADMIN_CS | latency BASE_URL DB N | renders BASE_URL N ACCOUNTS METRICS_URLS");
        return 2;
}

HttpClient Client(string baseUrl) => new() { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(10) };

async Task<(string Session, string Media)> NewAccountAsync(HttpClient http)
{
    using var t = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token");
    t.Headers.Add("X-Client-Id", Guid.NewGuid().ToString());
    using var tr = await http.SendAsync(t);
    var token = Data(await tr.Content.ReadAsStringAsync()).GetProperty("token").GetString()!;
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var sr = await http.PostAsync("api/tasks/me/with-session/nemo_agent", new StringContent("{\"task_name\":\"bench\"}", Encoding.UTF8, "application/json"));
    var session = Data(await sr.Content.ReadAsStringAsync()).GetProperty("session_id").GetString()!;
    using var form = new MultipartFormDataContent();
    form.Add(new StreamContent(File.OpenRead(media)), "files", Path.GetFileName(media));
    using var ur = await http.PostAsync($"api/upload-video/nemo_agent/me/{session}", form);
    var mediaId = Data(await ur.Content.ReadAsStringAsync()).GetProperty("files")[0].GetProperty("media_id").GetString()!;
    return (session, mediaId);
}

// Each render starts elsewhere in the 14 s source, so no two drafts are alike and no render is served from a worker's render cache.
static int OffsetMs(int i) => 500 + i % 30 * 300;

async Task PostRenderAsync(HttpClient http, string id, string session, string mediaId, int w, int h, int ms, int offsetMs)
{
    var draft = string.Create(inv, $$$"""{"v":1,"w":{{{w}}},"h":{{{h}}},"fps":30,"d":{{{ms}}},"m":{"title":"Bench"},"t":[{"id":"trk_1","tt":0,"m":{"name":"Video"},"sg":[{"id":"seg_1","src":"{{{mediaId}}}","st":0,"d":{{{ms}}},"so":{{{offsetMs}}},"m":{"fit":"cover"}}]}]}""");
    using var req = new HttpRequestMessage(HttpMethod.Post, "api/render/proxy/lambda")
    {
        Content = new StringContent($"{{\"id\":\"{id}\",\"sessionId\":\"{session}\",\"draft\":{draft},\"output\":{{\"format\":\"mp4\",\"quality\":\"low\"}}}}", Encoding.UTF8, "application/json"),
    };
    foreach (var (k, v) in new[] { ("X-Skill-Source", "bench"), ("X-Skill-Version", "1"), ("X-Skill-Platform", "linux") }) req.Headers.Add(k, v);
    using var res = await http.SendAsync(req);
    if ((int)res.StatusCode != 202) throw new InvalidOperationException($"render {id}: HTTP {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
}

async Task WaitAsync(HttpClient http, string id)
{
    while (true)
    {
        using var res = await http.GetAsync($"api/render/proxy/lambda/{id}");
        var status = Data(await res.Content.ReadAsStringAsync()).GetProperty("status").GetString();
        if (status == "completed") return;
        if (status is "failed" or "cancelled") throw new InvalidOperationException($"render {id} {status}");
        await Task.Delay(50);
    }
}

async Task<(double Ffmpeg, double Process)> CpuAsync(string[] urls)
{
    double ffmpeg = 0, process = 0;
    using var http = new HttpClient();
    foreach (var u in urls)
    {
        var text = await http.GetStringAsync(new Uri(u.TrimEnd('/') + "/metrics"));
        ffmpeg += Sample(text, "cutroom_ffmpeg_cpu_seconds_total");
        process += Sample(text, "process_cpu_seconds_total");
    }
    return (ffmpeg, process);
}

double Sample(string text, string name)
{
    var match = Regex.Match(text, "^" + Regex.Escape(name) + @" (\S+)$", RegexOptions.Multiline);
    return match.Success ? double.Parse(match.Groups[1].Value, inv) : 0;
}

static JsonElement Data(string body)
{
    using var doc = JsonDocument.Parse(body);
    if (doc.RootElement.GetProperty("code").GetInt32() != 0) throw new InvalidOperationException(body);
    return doc.RootElement.GetProperty("data").Clone();
}

static double P(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

CutroomDb OpenDb(string spec)
{
    var options = spec.StartsWith("postgres:", StringComparison.Ordinal)
        ? new ServerOptions { Database = { Provider = "postgres", ConnectionString = spec["postgres:".Length..] } }
        : new ServerOptions { DataDir = spec["sqlite:".Length..] };
    var b = new DbContextOptionsBuilder<CutroomDb>();
    Database.Configure(b, options);
    return new CutroomDb(b.Options);
}
