using Cutroom.Contract.Output;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Cutroom.Engine.Encoding;
using Cutroom.Engine.Render;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Jobs;
using Cutroom.Server.Render;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Timeline.Json;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Cutroom.Server.Tests.Render;

/// <summary>docs/security.md §15: renders survive crashes (kill -9) and stops (SIGTERM) of the real <c>cutroom serve</c> process.</summary>
public sealed class RenderRecoveryTests(ITestOutputHelper output)
{
    private const int DraftMs = 8000;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task A_render_killed_with_SIGKILL_mid_way_is_run_again_after_a_restart_and_its_output_downloads_with_ranges()
    {
        using var data = new TempDir();
        var (token, sessionId, mediaId) = await SeedAsync(data.Path);

        var sw = Stopwatch.StartNew();
        using (var first = await ServeProcess.StartAsync(data.Path))
        using (var http = RenderKit.ClientFor(first.BaseUrl, token))
        {
            await PostAsync(http, "render_crash", sessionId, mediaId);
            await WaitUntilEncodingAsync(http, "render_crash", first);
            output.WriteLine($"killing at {sw.ElapsedMilliseconds} ms");
            first.Kill();
            NoProcessMentions(data.Path); // ffmpeg went with it
        }
        await using (var db = RenderKit.OpenDb(data.Path))
        {
            var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.ExternalId == "render_crash");
            Assert.Equal(JobStates.Running, job.Status); // as the crash left it
            Assert.Equal(1, job.Attempts);
        }
        RenderKit.ReleaseDb();

        using var second = await ServeProcess.StartAsync(data.Path);
        using var http2 = RenderKit.ClientFor(second.BaseUrl, token);
        var done = await RenderKit.WaitForAsync(http2, "render_crash", Patience, "completed", "failed");
        output.WriteLine($"completed at {sw.ElapsedMilliseconds} ms after the first post");
        Assert.True(done.GetProperty("status").GetString() == "completed", $"{done}\n{second.Output}");
        await using (var db = RenderKit.OpenDb(data.Path))
        {
            var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.ExternalId == "render_crash");
            Assert.Equal(2, job.Attempts);
            var moves = await db.JobTransitions.AsNoTracking().Where(t => t.JobId == job.Id).OrderBy(t => t.Id).Select(t => (t.From ?? "") + ">" + t.To).ToListAsync();
            Assert.Equal([">queued", "queued>running", "running>queued", "queued>running", "running>completed"], moves);
        }
        RenderKit.ReleaseDb();
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(data.Path, "tmp")));

        var url = done.GetProperty("output").GetProperty("url").GetString()!;
        var size = done.GetProperty("output").GetProperty("size_bytes").GetInt64();
        using (var anonymous = new HttpClient())
        using (var req = new HttpRequestMessage(HttpMethod.Get, url))
        {
            req.Headers.Range = new RangeHeaderValue(0, 99);
            using var res = await anonymous.SendAsync(req);
            Assert.Equal(HttpStatusCode.PartialContent, res.StatusCode);
            Assert.Equal(100, (await res.Content.ReadAsByteArrayAsync()).Length);
            Assert.Equal($"bytes 0-99/{size}", res.Content.Headers.ContentRange?.ToString());
        }
        using var tmp = new TempDir();
        var probe = RenderKit.Probe(await RenderKit.DownloadAsync(url, tmp, "out.mp4"));
        Assert.InRange(RenderKit.DurationMs(probe), DraftMs - 34, DraftMs + 34); // one frame at 30 fps
        Assert.Equal(1280, RenderKit.Stream(probe, "video")!.Value.GetProperty("width").GetInt32());
    }

    [Fact]
    public async Task SIGTERM_stops_the_server_within_its_shutdown_timeout_and_puts_the_running_render_back_in_the_queue()
    {
        using var data = new TempDir();
        var (token, sessionId, mediaId) = await SeedAsync(data.Path);

        using (var first = await ServeProcess.StartAsync(data.Path))
        using (var http = RenderKit.ClientFor(first.BaseUrl, token))
        {
            await PostAsync(http, "render_term", sessionId, mediaId);
            await WaitUntilEncodingAsync(http, "render_term", first);
            var took = first.Terminate(TimeSpan.FromSeconds(30));
            output.WriteLine($"SIGTERM to exit: {took?.TotalMilliseconds:0} ms");
            Assert.True(took is not null && took < TimeSpan.FromSeconds(20), $"did not exit within the 20 s shutdown timeout ({took}): {first.Output}");
            NoProcessMentions(data.Path);
        }
        await using (var db = RenderKit.OpenDb(data.Path))
        {
            var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.ExternalId == "render_term");
            Assert.Equal(JobStates.Queued, job.Status);
            Assert.Equal(0, job.Progress);
            var last = await db.JobTransitions.AsNoTracking().Where(t => t.JobId == job.Id).OrderByDescending(t => t.Id).FirstAsync();
            Assert.Equal((JobStates.Running, JobStates.Queued), (last.From, last.To));
            Assert.Contains("stopped", last.Reason, StringComparison.Ordinal);
        }
        RenderKit.ReleaseDb();

        using var second = await ServeProcess.StartAsync(data.Path);
        using var http2 = RenderKit.ClientFor(second.BaseUrl, token);
        var done = await RenderKit.WaitForAsync(http2, "render_term", Patience, "completed", "failed");
        Assert.True(done.GetProperty("status").GetString() == "completed", $"{done}\n{second.Output}");
        Assert.InRange(done.GetProperty("output").GetProperty("duration_ms").GetInt64(), DraftMs - 34, DraftMs + 34);
    }

    [Fact]
    public async Task A_render_found_running_at_start_after_its_third_attempt_fails_with_a_reason_while_an_earlier_one_is_queued_again_and_completes()
    {
        using var data = new TempDir();
        var (token, sessionId, mediaId) = await SeedAsync(data.Path);
        var draft = DraftJson.Parse(RenderKit.Draft(mediaId, 320, 180, 1000)).Draft!;
        string accountId;
        await using (var db = RenderKit.OpenDb(data.Path))
        {
            accountId = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.AccountId).FirstAsync();
            foreach (var (id, attempts) in new[] { ("render_tired", 3), ("render_again", 1) })
            {
                var payload = RenderPayload.From(new RenderRequest(id, sessionId, RenderableDraft.From(draft), OutputFormat.Mp4, OutputQuality.Low));
                var job = new JobRow
                {
                    Id = "job_" + id, Kind = JobKinds.Render, AccountId = accountId, SessionId = sessionId, ExternalId = id, RequestHash = new string('0', 64),
                    Status = JobStates.Running, Attempts = attempts, Progress = 40, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                };
                db.Jobs.Add(job);
                db.JobPayloads.Add(new JobPayload { JobId = job.Id, Json = payload.ToJson() });
            }
            await db.SaveChangesAsync();
        }
        RenderKit.ReleaseDb();

        await using var server = await LiveServer.StartAsync(o => o.DataDir = data.Path);
        using var http = RenderKit.ClientFor(server.BaseUrl, token);
        var tired = await RenderKit.WaitForAsync(http, "render_tired", TimeSpan.FromSeconds(30), "failed", "completed");
        Assert.Equal("failed", tired.GetProperty("status").GetString());
        Assert.Equal(5000, tired.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("interrupted 3 times", tired.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        var again = await RenderKit.WaitForAsync(http, "render_again", Patience, "completed", "failed");
        Assert.True(again.GetProperty("status").GetString() == "completed", again.ToString());
        await using (var db = RenderKit.OpenDb(data.Path))
        {
            var t = await db.JobTransitions.AsNoTracking().Where(x => x.JobId == "job_render_tired").ToListAsync();
            Assert.Single(t);
            Assert.Equal((JobStates.Running, JobStates.Failed), (t[0].From, t[0].To));
            Assert.Contains("giving up", t[0].Reason, StringComparison.Ordinal);
            Assert.Equal(2, (await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == "job_render_again")).Attempts);
        }
        RenderKit.ReleaseDb();
    }

    /// <summary>A token, a session and cockatoo.mp4 in the database of <paramref name="dataDir"/> (seeded by an in-process server that is then stopped).</summary>
    private static async Task<(string Token, string SessionId, string MediaId)> SeedAsync(string dataDir)
    {
        await using var seed = await LiveServer.StartAsync(o => o.DataDir = dataDir);
        var client = await seed.NewClientAsync();
        var media = await SeedMedia.AddAsync(seed, client, TestMedia.Real("video/cockatoo.mp4"));
        RenderKit.ReleaseDb();
        return (client.Token, client.SessionId, media[0]);
    }

    private static async Task PostAsync(HttpClient http, string id, string sessionId, string mediaId)
    {
        using var res = await RenderKit.PostAsync(http, RenderKit.Body(id, sessionId, RenderKit.Draft(mediaId, 1280, 720, DraftMs)));
        await LiveServer.ReadEnvelopeAsync(res, 202);
    }

    /// <summary>Waits until the render is running and has reported progress (ffmpeg is encoding).</summary>
    private static async Task WaitUntilEncodingAsync(HttpClient http, string id, ServeProcess server)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromMinutes(2))
        {
            var s = await RenderKit.StatusAsync(http, id);
            var status = s.GetProperty("status").GetString();
            Assert.True(status is "queued" or "rendering", $"the render ended before it could be interrupted: {s}\n{server.Output}");
            if (status == "rendering" && s.GetProperty("progress").GetInt32() > 0) return;
            await Task.Delay(50);
        }
        Assert.Fail($"render {id} never started encoding: {server.Output}");
    }

    /// <summary>
    /// Asserts that no live process mentions <paramref name="text"/>, allowing a killed process up to
    /// 5 s to be gone: a SIGKILL is delivered asynchronously, and a child the kill reached after its
    /// parent died is reparented to init and listed until it has exited (seen once in a CI run).
    /// </summary>
    private static void NoProcessMentions(string text)
    {
        var left = ProcessesMentioning(text);
        for (var sw = Stopwatch.StartNew(); left.Count > 0 && sw.Elapsed < TimeSpan.FromSeconds(5); left = ProcessesMentioning(text))
            Thread.Sleep(100);
        Assert.True(left.Count == 0, "processes left behind:\n" + string.Join("\n", left));
    }

    /// <summary>Live processes whose command line mentions <paramref name="text"/> (an ffmpeg left behind would).</summary>
    private static List<string> ProcessesMentioning(string text)
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                var cmd = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (cmd.Contains(text, StringComparison.Ordinal)) found.Add($"{pid}: {cmd} [{File.ReadAllText(Path.Combine(dir, "stat"))}]");
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }
}
