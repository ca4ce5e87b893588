using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cutroom.Server.Jobs;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Render;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Cutroom.Server.Tests.ScaleOut;

/// <summary>
/// The service spread over processes (docs/scale-out.md): one PostgreSQL, one S3 store, one API
/// process and two worker processes on loopback (<see cref="ScaleOutService"/>). Renders from several
/// accounts spread over both workers; a worker killed with SIGKILL mid-render leaves no ffmpeg and its
/// render completes once on the other; the fair queue holds across processes; every process reports
/// the workers' capacity. Always on PostgreSQL (its own cluster, or the server of CUTROOM_TEST_POSTGRES),
/// so test.sh runs it once, not again in its PostgreSQL pass (trait <c>Database=PostgreSQL</c>).
/// </summary>
[Trait("Database", "PostgreSQL")]
public sealed class ScaleOutTests(ScaleOutService service, ITestOutputHelper output) : IClassFixture<ScaleOutService>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Ten_renders_from_three_accounts_all_complete_with_one_output_each_in_the_bucket_and_both_workers_ran_some()
    {
        await service.EnsureTwoWorkersAsync();
        var accounts = new List<(ApiClient Client, string Media)>();
        for (var a = 0; a < 3; a++)
        {
            var client = await service.NewAccountAsync();
            accounts.Add((client, await ScaleOutService.UploadAsync(client, TestMedia.Real("video/cockatoo.mp4"))));
        }
        // 10 renders of 2 to 4 s, 4 + 3 + 3, posted in turns.
        var renders = new List<(ApiClient Client, string Id, string Title, int DurationMs)>();
        for (var i = 0; i < 10; i++)
        {
            var (client, media) = accounts[i % 3];
            var (id, title, ms) = ($"ten_{i}", $"Ten {i}", 2000 + (i % 3 * 1000));
            using var res = await RenderKit.PostAsync(client.Http, RenderKit.Body(id, client.SessionId, RenderKit.Draft(media, 320, 180, ms, title), "mp4", "low"));
            await LiveServer.ReadEnvelopeAsync(res, 202);
            renders.Add((client, id, title, ms));
        }
        using var temp = new TempDir();
        foreach (var (client, id, _, ms) in renders)
        {
            var done = await RenderKit.WaitForAsync(client.Http, id, Patience, "completed", "failed");
            Assert.True(done.GetProperty("status").GetString() == "completed", $"{id}: {done}\n{WorkerOutput()}");
            // The output link is the store's presigned URL; the bytes are a video of the draft's length.
            var url = done.GetProperty("output").GetProperty("url").GetString()!;
            Assert.StartsWith(service.Store.ServiceUrl + "/", url, StringComparison.Ordinal);
            var probe = RenderKit.Probe(await RenderKit.DownloadAsync(url, temp, id + ".mp4"));
            Assert.InRange(RenderKit.DurationMs(probe), ms - 200, ms + 200);
        }

        var ids = renders.Select(r => r.Id).ToList();
        var objects = await service.Store.ObjectsAsync();
        await using (var db = service.OpenDb())
        {
            foreach (var (_, id, title, _) in renders)
            {
                var outputs = await db.Files.AsNoTracking().Where(f => f.DownloadName.StartsWith(title + ".")).ToListAsync();
                Assert.True(outputs.Count == 1, $"{id}: {outputs.Count} outputs ({string.Join(", ", outputs.Select(f => f.DownloadName))})");
                Assert.True(objects.GetValueOrDefault(outputs[0].RelativePath) > 0, $"{id}: its output {outputs[0].RelativePath} is not in the bucket");
            }
            var starts = await JobPlacement.StartsAsync(db, JobKinds.Render, q => q.Where(j => ids.Contains(j.ExternalId!)));
            output.WriteLine(string.Join("\n", starts.Select(s => $"{s.At:HH:mm:ss.fff} {s.ExternalId} on {s.WorkerId}")));
            Assert.Equal(10, starts.Select(s => s.JobId).Distinct().Count());
            var workers = starts.Select(s => s.Pid).ToHashSet();
            var live = service.LiveWorkers.Select(w => w.Process.Pid).ToHashSet();
            Assert.True(live.SetEquals(workers), $"renders ran on [{string.Join(", ", workers)}], the workers are [{string.Join(", ", live)}]");
        }
        // The engine's own record agrees: its tickets for renders ran on both workers too.
        var tickets = await JobPlacement.EngineWorkerPidsAsync(service.Database.ConnectionString, nameof(JobTicket.RunNextAsync), JobKinds.Render);
        Assert.True(service.LiveWorkers.All(w => tickets.Contains(w.Process.Pid)), $"the engine ran render tickets on [{string.Join(", ", tickets)}]");
        RenderKit.ReleaseDb();
        // Workers keep no output: it went to the bucket (their data folders hold scratch copies of inputs only).
        foreach (var w in service.LiveWorkers)
            Assert.False(Directory.Exists(Path.Combine(w.DataDir, "files")) && Directory.EnumerateFiles(Path.Combine(w.DataDir, "files"), "*", SearchOption.AllDirectories).Any(),
                $"worker {w.Process.Pid} kept files in its data folder");
    }

    [Fact]
    public async Task The_chunks_of_one_render_run_on_both_workers_and_join_into_every_frame()
    {
        await service.EnsureTwoWorkersAsync();
        var client = await service.NewAccountAsync();
        var media = new List<string>();
        foreach (var f in new[] { "image/photo-snow.jpg", "image/photo-skagen.jpg", "image/photo-pool.jpg", "audio/music-its-a-game.mkv" })
            media.Add(await ScaleOutService.UploadAsync(client, TestMedia.Real(f)));
        // 12 s of three photos and music at 640x360: chunks of about 4 s and the soundtrack, each a render_chunk job
        // (a worker process queues its render's chunks: Render:ChunkJobs auto).
        var draft = string.Create(CultureInfo.InvariantCulture, $$$$"""
            {"v":1,"w":640,"h":360,"fps":30,"d":12000,"m":{"title":"Spread"},"t":[
              {"id":"trk_1","tt":0,"sg":[
                {"id":"seg_1","src":"{{{{media[0]}}}}","st":0,"d":4000,"m":{"kind":"image","fit":"cover","motion":"zoom-in"}},
                {"id":"seg_2","src":"{{{{media[1]}}}}","st":4000,"d":4000,"m":{"kind":"image","fit":"cover","motion":"pan-left"}},
                {"id":"seg_3","src":"{{{{media[2]}}}}","st":8000,"d":4000,"m":{"kind":"image","fit":"cover","motion":"zoom-out"}}]},
              {"id":"trk_2","tt":1,"sg":[{"id":"seg_4","src":"{{{{media[3]}}}}","st":0,"d":12000,"so":0,"m":{"kind":"audio"}}]}]}
            """);
        using (var res = await RenderKit.PostAsync(client.Http, RenderKit.Body("spread", client.SessionId, draft, "mp4", "low")))
            await LiveServer.ReadEnvelopeAsync(res, 202);
        var done = await RenderKit.WaitForAsync(client.Http, "spread", Patience, "completed", "failed");
        Assert.True(done.GetProperty("status").GetString() == "completed", $"{done}\n{WorkerOutput()}");
        using var temp = new TempDir();
        var file = await RenderKit.DownloadAsync(done.GetProperty("output").GetProperty("url").GetString()!, temp, "spread.mp4");
        var (code, frames, err) = TestMedia.Run("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file]);
        Assert.True(code == 0, err);
        Assert.Equal("360", frames.Trim());

        await using var db = service.OpenDb();
        var parent = await db.Jobs.AsNoTracking().SingleAsync(j => j.Kind == JobKinds.Render && j.ExternalId == "spread");
        var pieces = await JobPlacement.StartsAsync(db, JobKinds.RenderChunk, q => q.Where(j => j.ExternalId!.StartsWith(parent.Id + ":")));
        output.WriteLine(string.Join("\n", pieces.Select(s => $"{s.At:HH:mm:ss.fff} {s.ExternalId} on {s.WorkerId}")));
        Assert.True(pieces.Count >= 3, $"{pieces.Count} pieces");
        var workers = pieces.Select(s => s.Pid).ToHashSet();
        var live = service.LiveWorkers.Select(w => w.Process.Pid).ToHashSet();
        Assert.True(live.SetEquals(workers), $"the pieces ran on [{string.Join(", ", workers)}], the workers are [{string.Join(", ", live)}]");
        // The pieces passed through the bucket and were taken out of it.
        Assert.DoesNotContain((await service.Store.ObjectsAsync()).Keys, k => k.Contains("render-chunks/", StringComparison.Ordinal));
        RenderKit.ReleaseDb();
    }

    [Fact]
    public async Task A_worker_killed_with_SIGKILL_mid_render_leaves_no_ffmpeg_and_the_other_worker_completes_the_render_once_without_a_charge()
    {
        await service.EnsureTwoWorkersAsync();
        var client = await service.NewAccountAsync();
        var media = await ScaleOutService.UploadAsync(client, TestMedia.Real("video/cockatoo.mp4"));
        var creditsBefore = await client.CreditsAsync();
        using (var res = await RenderKit.PostAsync(client.Http, RenderKit.Body("killed", client.SessionId, RenderKit.Draft(media, 1280, 720, 8000, "Killed"))))
            await LiveServer.ReadEnvelopeAsync(res, 202);

        // Wait until a worker encodes it: the job names its worker, and that worker's ffmpeg runs.
        ScaleOutService.Worker? victim = null;
        var sw = Stopwatch.StartNew();
        while (victim is null && sw.Elapsed < Patience)
        {
            var s = await RenderKit.StatusAsync(client.Http, "killed");
            Assert.True(s.GetProperty("status").GetString() is "queued" or "rendering", $"the render ended before a worker could be killed: {s}");
            if (s.GetProperty("status").GetString() == "rendering" && s.GetProperty("progress").GetInt32() > 0)
            {
                string? workerId;
                await using (var db = service.OpenDb())
                    workerId = await db.Jobs.AsNoTracking().Where(j => j.ExternalId == "killed").Select(j => j.WorkerId).SingleAsync();
                var w = workerId is null ? null : service.LiveWorkers.SingleOrDefault(w => w.Process.Pid == JobPlacement.PidOf(workerId));
                if (w is not null && w.Marks.Alive().Any(p => p.Name == "ffmpeg")) victim = w;
            }
            if (victim is null) await Task.Delay(50);
        }
        Assert.NotNull(victim);
        var survivor = service.LiveWorkers.Single(w => w != victim);
        var ffmpeg = victim.Marks.Alive().Where(p => p.Name == "ffmpeg").ToList();
        output.WriteLine($"killing worker {victim.Process.Pid} (ffmpeg {string.Join(", ", ffmpeg.Select(p => p.Pid))}); {survivor.Process.Pid} remains");
        using (var p = Process.GetProcessById(victim.Process.Pid))
        {
            p.Kill(); // SIGKILL to the worker alone: its children are left to their guard
            p.WaitForExit();
        }
        var clock = Stopwatch.StartNew();
        IReadOnlyList<MarkedProcesses.Entry> left;
        while ((left = victim.Marks.Alive()).Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(2)) await Task.Delay(50);
        MarkedProcesses.KillAll(left);
        Assert.True(left.Count == 0, $"left running 2 s after the kill: {string.Join(", ", left)}");

        var done = await RenderKit.WaitForAsync(client.Http, "killed", Patience, "completed", "failed");
        Assert.True(done.GetProperty("status").GetString() == "completed", $"{done}\n{survivor.Process.Output}");
        var objects = await service.Store.ObjectsAsync();
        await using (var db = service.OpenDb())
        {
            var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.ExternalId == "killed");
            var moves = await db.JobTransitions.AsNoTracking().Where(t => t.JobId == job.Id).OrderBy(t => t.Id).ToListAsync();
            Assert.Equal([">queued", "queued>running", "running>queued", "queued>running", "running>completed"], moves.Select(t => (t.From ?? "") + ">" + t.To));
            Assert.Contains("worker stopped", moves[2].Reason, StringComparison.Ordinal);
            var starts = await JobPlacement.StartsAsync(db, JobKinds.Render, q => q.Where(j => j.Id == job.Id));
            Assert.Equal([victim.Process.Pid, survivor.Process.Pid], starts.Select(s => s.Pid));
            var outputs = await db.Files.AsNoTracking().Where(f => f.DownloadName.StartsWith("Killed.")).ToListAsync();
            Assert.Single(outputs);
            Assert.True(objects.GetValueOrDefault(outputs[0].RelativePath) > 0, "the output is not in the bucket");
            Assert.False(await db.Credits.AsNoTracking().AnyAsync(c => c.JobId == job.Id), "a render is free: the ledger has no line for it");
        }
        RenderKit.ReleaseDb();
        Assert.Equal(creditsBefore, await client.CreditsAsync());

        // The dead worker stops being counted once its heartbeat is old (WorkerCapacity.LiveWithin).
        var processes = await WaitForMetricAsync(service.Api.BaseUrl, "cutroom_worker_processes", 1, TimeSpan.FromMinutes(2));
        Assert.Equal(1, processes);
    }

    [Fact]
    public async Task Across_processes_account_A_s_five_long_renders_fill_both_workers_and_B_s_short_render_takes_the_next_free_one()
    {
        await service.EnsureTwoWorkersAsync();
        var a = await service.NewAccountAsync();
        var b = await service.NewAccountAsync();
        var mediaA = await ScaleOutService.UploadAsync(a, TestMedia.Real("video/cockatoo.mp4"));
        var mediaB = await ScaleOutService.UploadAsync(b, TestMedia.Real("video/cockatoo.mp4"));
        // A's renders are long enough (540p, 6 s) that B is posted well before A's first two end.
        for (var i = 1; i <= 5; i++)
            using (var res = await RenderKit.PostAsync(a.Http, RenderKit.Body($"fair_a{i}", a.SessionId, RenderKit.Draft(mediaA, 960, 540, 6000, $"Fair A{i}"), "mp4", "low")))
                await LiveServer.ReadEnvelopeAsync(res, 202);
        using (var res = await RenderKit.PostAsync(b.Http, RenderKit.Body("fair_b", b.SessionId, RenderKit.Draft(mediaB, 320, 180, 1000, "Fair B"), "mp4", "low")))
            await LiveServer.ReadEnvelopeAsync(res, 202);
        for (var i = 1; i <= 5; i++)
            Assert.Equal("completed", (await RenderKit.WaitForAsync(a.Http, $"fair_a{i}", Patience, "completed", "failed")).GetProperty("status").GetString());
        Assert.Equal("completed", (await RenderKit.WaitForAsync(b.Http, "fair_b", Patience, "completed", "failed")).GetProperty("status").GetString());

        IReadOnlyList<JobPlacement.Start> starts;
        await using (var db = service.OpenDb())
            starts = await JobPlacement.StartsAsync(db, JobKinds.Render, q => q.Where(j => j.ExternalId!.StartsWith("fair_")));
        RenderKit.ReleaseDb();
        output.WriteLine(string.Join("\n", starts.Select(s => $"{s.At:HH:mm:ss.fff} {s.ExternalId} on {s.WorkerId}")));
        // Two workers, two renders per account: A's first two take both (or A's first and B's); the
        // next place, on whichever process frees first, goes to B, never to A's third.
        var order = starts.Select(s => s.ExternalId!).ToList();
        Assert.Equal(6, order.Count);
        Assert.Equal("fair_a1", order[0]);
        Assert.True(order.IndexOf("fair_b") <= 2, $"B started after A's third: {string.Join(" ", order)}");
        Assert.True(starts.Select(s => s.Pid).Distinct().Count() == 2, "the renders did not spread over both workers");
    }

    [Fact]
    public async Task Every_process_reports_the_worker_processes_and_their_capacity_in_metrics_readyz_and_admin_workers()
    {
        await service.EnsureTwoWorkersAsync();
        var live = service.LiveWorkers;
        // A worker announces its engine servers just after it starts: wait until both are listed.
        Assert.Equal(2, await WaitForMetricAsync(service.Api.BaseUrl, "cutroom_worker_processes", 2, TimeSpan.FromMinutes(1)));
        foreach (var baseUrl in new[] { service.Api.BaseUrl }.Concat(live.Select(w => w.Process.BaseUrl)))
        {
            var text = await ScrapeAsync(baseUrl);
            Assert.Equal(2, Value(text, "cutroom_worker_processes"));
            Assert.Equal(2, Value(text, "cutroom_workers{queue=\"render\"}")); // Jobs:Concurrency 1 on each
            Assert.Equal(2, Value(text, "cutroom_workers{queue=\"chat\"}"));
            Assert.Equal(2, Value(text, "cutroom_workers{queue=\"system\"}"));
            Assert.Equal(2, Value(text, "cutroom_workers{queue=\"render_chunk\"}"));
        }

        using var http = new HttpClient();
        foreach (var w in live)
        {
            var data = await ReadyzAsync(http, w.Process.BaseUrl);
            Assert.True(data.GetProperty("jobs").GetBoolean());
            var workers = data.GetProperty("workers");
            Assert.Equal(1, workers.GetProperty("render").GetInt32());
            Assert.Equal(1, workers.GetProperty("chat").GetInt32());
            Assert.Equal(1, workers.GetProperty("system").GetInt32());
            Assert.Equal(1, workers.GetProperty(JobKinds.RenderChunk).GetInt32());
        }
        var api = await ReadyzAsync(http, service.Api.BaseUrl);
        Assert.Equal(JsonValueKind.Null, api.GetProperty("jobs").ValueKind);
        Assert.Equal(JsonValueKind.Null, api.GetProperty("workers").ValueKind);

        // The operators' list, from the API process: both workers with their pids and queues.
        using (var anonymous = await http.GetAsync(new Uri(service.Api.BaseUrl + "/admin/workers")))
            Assert.Equal(401, (int)anonymous.StatusCode);
        using var req = new HttpRequestMessage(HttpMethod.Get, new Uri(service.Api.BaseUrl + "/admin/workers"));
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ScaleOutService.AdminKey);
        using var res = await http.SendAsync(req);
        var list = await LiveServer.ReadEnvelopeAsync(res, 200);
        var processes = list.GetProperty("processes").EnumerateArray().ToList();
        Assert.Equal(live.Select(w => w.Process.Pid).Order(), processes.Select(p => p.GetProperty("pid").GetInt32()).Order());
        foreach (var p in processes)
        {
            Assert.Equal(1, p.GetProperty("workers").GetProperty("render").GetInt32());
            Assert.Equal(p.GetProperty("pid").GetInt32(), JobPlacement.PidOf(p.GetProperty("id").GetString()!));
        }
        Assert.Equal(2, list.GetProperty("workers").GetProperty("render").GetInt32());
    }

    private string WorkerOutput() => string.Join("\n---\n", service.Workers.Select(w => $"worker {w.Process.Pid}:\n{w.Process.Output}"));

    private static async Task<JsonElement> ReadyzAsync(HttpClient http, string baseUrl)
    {
        using var res = await http.GetAsync(new Uri(baseUrl + "/readyz"));
        return await LiveServer.ReadEnvelopeAsync(res, 200);
    }

    /// <summary>Scrapes <paramref name="baseUrl"/> until <paramref name="series"/> reads <paramref name="expected"/> or <paramref name="patience"/> passes; returns the last value.</summary>
    private static async Task<double> WaitForMetricAsync(string baseUrl, string series, double expected, TimeSpan patience)
    {
        var sw = Stopwatch.StartNew();
        double value;
        while ((value = Value(await ScrapeAsync(baseUrl), series)) != expected && sw.Elapsed < patience) await Task.Delay(500);
        return value;
    }

    private static async Task<string> ScrapeAsync(string baseUrl)
    {
        using var http = new HttpClient();
        using var res = await http.GetAsync(new Uri(baseUrl + "/metrics"));
        var text = await res.Content.ReadAsStringAsync();
        Assert.True((int)res.StatusCode == 200, text);
        return text;
    }

    /// <summary>The value of the sample written exactly as <paramref name="series"/> (name and labels).</summary>
    private static double Value(string text, string series)
    {
        var m = Regex.Match(text, "^" + Regex.Escape(series) + @" (\S+)$", RegexOptions.Multiline);
        Assert.True(m.Success, $"no sample {series} in:\n{text}");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
