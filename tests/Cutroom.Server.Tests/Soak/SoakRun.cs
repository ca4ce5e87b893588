using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cutroom.Server.Tests.Chat;
using Cutroom.Server.Tests.Hardening;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Uploads;

namespace Cutroom.Server.Tests.Soak;

/// <summary>
/// The standing fuzz and soak run (issue 17): sessions that upload byte-flipped copies of the dev
/// media, put them through frames, thumbnail, shots and an export by chat, and send mutated JSON
/// bodies, for a while. It counts what was tried, refused with a code, processed, and the failures
/// (an HTTP 5xx, a turn that ended without <c>turnComplete</c> or a coded error).
/// </summary>
internal sealed class SoakRun(LiveServer server, int seed)
{
    /// <summary>The chat turns each session runs on its upload.</summary>
    private static readonly string[] Turns =
    [
        "extract every 10th frame from my video as images",
        "make a thumbnail of my video",
        "find the shots in my video",
        "export the video",
    ];

    private int _tried, _refused, _processed;
    private readonly ConcurrentQueue<string> _failures = new();

    /// <summary>Inputs tried (uploads, turns, JSON bodies).</summary>
    public int Tried => _tried;

    /// <summary>Refused with a contract code or a tool's error code.</summary>
    public int Refused => _refused;

    /// <summary>Processed (accepted upload, turn whose tool succeeded, accepted body).</summary>
    public int Processed => _processed;

    /// <summary>What failed, one line each.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    /// <summary>The clients made.</summary>
    public ConcurrentBag<ApiClient> Clients { get; } = [];

    /// <summary>The run's summary line: <c>soak: tried=… refused=… processed=… failures=…</c>.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"soak: tried={_tried} refused={_refused} processed={_processed} failures={_failures.Count}");

    /// <summary>Runs <paramref name="sessions"/> sessions, <paramref name="parallel"/> at a time, until each is done or <paramref name="duration"/> has passed.</summary>
    public async Task RunAsync(int sessions, int parallel, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(parallel);
        var tasks = Enumerable.Range(0, sessions).Select(async i =>
        {
            await gate.WaitAsync();
            try { if (clock.Elapsed < duration) await SessionAsync(i, clock, duration); }
            finally { gate.Release(); }
        });
        await Task.WhenAll(tasks);
    }

    private async Task SessionAsync(int index, Stopwatch clock, TimeSpan duration)
    {
        var rng = new Random(seed * 7919 + index);
        var client = await server.NewClientAsync(index % 3 == 2 ? "zh" : "en");
        Clients.Add(client);
        var (bytes, name) = Mutated(rng);
        Interlocked.Increment(ref _tried);
        using (var res = await UploadKit.PostAsync(client, UploadKit.Form((bytes, name))))
            if (!Classify($"upload {name}", (int)res.StatusCode, await res.Content.ReadAsStringAsync())) return;

        foreach (var text in Turns)
        {
            if (clock.Elapsed >= duration) return;
            Interlocked.Increment(ref _tried);
            await TurnAsync(client, text);
        }
        var bodies = JsonMutations.Of("{\"session_id\":\"" + client.SessionId + "\",\"new_message\":{\"parts\":[{\"text\":\"status\"}]}}", seed + index).ToList();
        for (var k = 0; k < 8 && clock.Elapsed < duration; k++)
        {
            var body = bodies[rng.Next(bodies.Count)];
            Interlocked.Increment(ref _tried);
            using var req = new HttpRequestMessage(HttpMethod.Post, "run") { Content = new ByteArrayContent(body.Bytes) };
            req.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var res = await client.Http.SendAsync(req);
            Classify($"/run body {body.What}", (int)res.StatusCode, await res.Content.ReadAsStringAsync());
        }
    }

    private async Task TurnAsync(ApiClient client, string text)
    {
        using var res = await ChatCalls.PostSseAsync(client, text);
        if ((int)res.StatusCode != 200)
        {
            Classify($"turn '{text}'", (int)res.StatusCode, await res.Content.ReadAsStringAsync());
            return;
        }
        SseTurn turn;
        try { turn = await ChatCalls.ReadAsync(res); }
        catch (Exception e) when (e is IOException or HttpRequestException or JsonException or Xunit.Sdk.XunitException)
        {
            _failures.Enqueue($"turn '{text}': the stream broke: {e.Message}");
            return;
        }
        var last = turn.Last;
        if (last.TryGetProperty("errorCode", out var code))
        {
            if (code.GetInt32() >= 5000) _failures.Enqueue($"turn '{text}': errorCode {code.GetInt32()} {ChatCalls.TextOf(last)}");
            else Interlocked.Increment(ref _refused);
            return;
        }
        if (!(last.TryGetProperty("turnComplete", out var done) && done.GetBoolean()))
        {
            _failures.Enqueue($"turn '{text}': ended without turnComplete or an errorCode");
            return;
        }
        var responses = turn.Parts("functionResponse").Select(p => p.GetProperty("response")).ToList();
        if (responses.All(r => r.TryGetProperty("ok", out var ok) && ok.GetBoolean())) Interlocked.Increment(ref _processed);
        else if (responses.Any(r => r.TryGetProperty("error", out var err) && err.GetString() is "internal")) _failures.Enqueue($"turn '{text}': internal error");
        else Interlocked.Increment(ref _refused);
    }

    /// <summary>Counts an HTTP answer; true when it was accepted (2xx).</summary>
    private bool Classify(string what, int status, string body)
    {
        if (status >= 500)
        {
            _failures.Enqueue($"{what}: HTTP {status} {(body.Length > 200 ? body[..200] : body)}");
            return false;
        }
        if (status is >= 200 and < 300)
        {
            Interlocked.Increment(ref _processed);
            return true;
        }
        Interlocked.Increment(ref _refused);
        return false;
    }

    /// <summary>A dev media file with some bytes flipped, cut short or left whole, by the seed.</summary>
    private static (byte[] Bytes, string Name) Mutated(Random rng)
    {
        string[] sources = ["video/realshort.mp4", "video/cockatoo.mp4", "image/logo-qt.jpg"];
        var path = TestMedia.Real(sources[rng.Next(sources.Length)]);
        var bytes = File.ReadAllBytes(path);
        switch (rng.Next(4))
        {
            case 0: break;   // whole: the baseline that must process
            case 1:
                for (var i = 0; i < 1 + rng.Next(64); i++) bytes[64 + rng.Next(bytes.Length - 64)] ^= (byte)(1 << rng.Next(8));
                break;
            case 2:
                bytes = bytes[..(64 + rng.Next(bytes.Length - 64))];
                break;
            default:
                for (var i = 0; i < 1 + rng.Next(8); i++)
                {
                    var at = rng.Next(bytes.Length);
                    bytes[at] = (byte)rng.Next(256);
                }
                break;
        }
        return (bytes, Path.GetFileName(path));
    }
}
