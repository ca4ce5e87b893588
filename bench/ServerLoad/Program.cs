// A load client for a running `cutroom serve`: N anonymous clients each poll their session's state
// and credits as fast as the server answers for D seconds (latency percentiles, errors), while M
// clients run chat turns over /run_sse at the same time and count heartbeats and completed turns.
// The server's RSS is sampled from /proc every 500 ms. Usage:
//   dotnet run -c Release -- BASE_URL SERVER_PID [pollers=100] [seconds=60] [sse=20] [video]
// Each chat client uploads VIDEO once and then runs real frame-extraction turns back to back
// ("extract every 10th frame from my video as images"): ffmpeg jobs that queue in the chat lane,
// so their streams must survive on heartbeats.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

var baseUrl = args.Length > 0 ? args[0].TrimEnd('/') : "http://127.0.0.1:8080";
var pid = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 0;
var pollers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
var seconds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 60;
var sseClients = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 20;
var video = args.Length > 5 ? args[5] : Path.Combine(Environment.GetEnvironmentVariable("CUTROOM_MEDIA") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "cutroom-media"), "video", "cockatoo.mp4");

var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1000, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl + "/"), Timeout = TimeSpan.FromMinutes(20) };

async Task<(string Token, string Session)> NewClientAsync()
{
    using var t = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token");
    t.Headers.Add("X-Client-Id", Guid.NewGuid().ToString());
    using var tr = await http.SendAsync(t);
    var token = JsonDocument.Parse(await tr.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("token").GetString()!;
    using var s = new HttpRequestMessage(HttpMethod.Post, "api/tasks/me/with-session/nemo_agent") { Content = new StringContent("{\"task_name\":\"load\"}", Encoding.UTF8, "application/json") };
    s.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var sr = await http.SendAsync(s);
    var session = JsonDocument.Parse(await sr.Content.ReadAsStringAsync()).RootElement.GetProperty("data").GetProperty("session_id").GetString()!;
    return (token, session);
}

Console.Error.WriteLine($"setting up {pollers} polling clients and {sseClients} chat clients on {baseUrl} ...");
var clients = new List<(string Token, string Session)>();
for (var i = 0; i < pollers + sseClients; i++) clients.Add(await NewClientAsync());
foreach (var c in clients.Skip(pollers))
{
    using var form = new MultipartFormDataContent();
    form.Add(new StreamContent(File.OpenRead(video)), "files", Path.GetFileName(video));
    using var up = new HttpRequestMessage(HttpMethod.Post, $"api/upload-video/nemo_agent/me/{c.Session}") { Content = form };
    up.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.Token);
    using var ur = await http.SendAsync(up);
    if (!ur.IsSuccessStatusCode) throw new InvalidOperationException("upload failed: " + await ur.Content.ReadAsStringAsync());
}

var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
long errors = 0, requests = 0;
var stop = DateTime.UtcNow.AddSeconds(seconds);
long peakRss = 0;
var rssSamples = Task.Run(async () =>
{
    while (DateTime.UtcNow < stop.AddSeconds(2))
    {
        if (pid > 0 && File.Exists($"/proc/{pid}/status"))
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            if (line is not null)
            {
                var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                peakRss = Math.Max(peakRss, kb);
            }
        }
        await Task.Delay(500);
    }
});

async Task PollAsync((string Token, string Session) c)
{
    var i = 0;
    while (DateTime.UtcNow < stop)
    {
        var path = i++ % 2 == 0 ? $"api/state/nemo_agent/me/{c.Session}/latest" : "api/credits/balance/simple";
        using var req = new HttpRequestMessage(HttpMethod.Get, path);
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.Token);
        var sw = Stopwatch.StartNew();
        try
        {
            using var res = await http.SendAsync(req);
            await res.Content.ReadAsByteArrayAsync();
            sw.Stop();
            Interlocked.Increment(ref requests);
            if (!res.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            latencies.Add(sw.Elapsed.TotalMilliseconds);
        }
        catch (HttpRequestException) { Interlocked.Increment(ref errors); }
        await Task.Delay(100); // a client polling every ~100 ms: about 10 requests/s each
    }
}

long turnsDone = 0, turnsFailed = 0, heartbeats = 0, streamsWithHeartbeats = 0;
async Task ChatAsync((string Token, string Session) c)
{
    var n = 0;
    while (DateTime.UtcNow < stop)
    {
        var text = "extract every 10th frame from my video as images";
        n++;
        var body = JsonSerializer.Serialize(new
        {
            app_name = "nemo_agent", user_id = "me", session_id = c.Session,
            new_message = new { role = "user", parts = new[] { new { text } } }, streaming = true,
        });
        using var req = new HttpRequestMessage(HttpMethod.Post, "run_sse") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", c.Token);
        req.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        try
        {
            using var res = await http.SendAsync(req, HttpCompletionOption.ResponseHeadersRead);
            if (!res.IsSuccessStatusCode) { Interlocked.Increment(ref turnsFailed); continue; }
            using var reader = new StreamReader(await res.Content.ReadAsStreamAsync());
            var complete = false;
            var sawHeartbeat = false;
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.StartsWith(": heartbeat", StringComparison.Ordinal)) { Interlocked.Increment(ref heartbeats); sawHeartbeat = true; }
                if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains("\"turnComplete\":true", StringComparison.Ordinal)) complete = true;
            }
            Interlocked.Increment(ref complete ? ref turnsDone : ref turnsFailed);
            if (sawHeartbeat) Interlocked.Increment(ref streamsWithHeartbeats);
        }
        catch (HttpRequestException) { Interlocked.Increment(ref turnsFailed); }
    }
}

var wall = Stopwatch.StartNew();
await Task.WhenAll(clients.Take(pollers).Select(PollAsync).Concat(clients.Skip(pollers).Select(ChatAsync)));
await rssSamples;
var sorted = latencies.OrderBy(x => x).ToArray();
double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"pollers={pollers} seconds={wall.Elapsed.TotalSeconds:0} requests={requests} rps={requests / wall.Elapsed.TotalSeconds:0} errors={errors} " +
    $"p50={P(0.50):0.0}ms p95={P(0.95):0.0}ms p99={P(0.99):0.0}ms max={P(1):0.0}ms | chat clients={sseClients} turns_completed={turnsDone} turns_failed={turnsFailed} heartbeats={heartbeats} streams_with_heartbeats={streamsWithHeartbeats} | server_peak_rss={peakRss / 1024}MB"));
return errors == 0 && turnsFailed == 0 ? 0 : 1;
