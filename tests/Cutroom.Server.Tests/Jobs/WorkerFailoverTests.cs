using System.Diagnostics;
using Cutroom.Server.Jobs;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Render;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Cutroom.Server.Tests.Jobs;

/// <summary>
/// Roles and recovery across processes: one <c>cutroom serve --role api</c> and two
/// <c>--role worker</c> processes on one data folder (SQLite; the same engine as PostgreSQL). The
/// worker running a render is killed with SIGKILL; the engine's recovery on the other worker puts
/// the render back in the queue when its lease runs out and it completes there, once.
/// </summary>
public sealed class WorkerFailoverTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Fast = new()
    {
        ["Cutroom__Jobs__LeaseTime"] = "00:00:06",
        ["Cutroom__Jobs__RecoveryInterval"] = "00:00:02",
    };

    [Fact]
    public async Task A_worker_killed_mid_render_loses_its_render_to_the_other_worker_which_completes_it_once()
    {
        using var data = new TempDir();
        string token, sessionId, mediaId;
        await using (var seed = await LiveServer.StartAsync(o => o.DataDir = data.Path))
        {
            var client = await seed.NewClientAsync();
            mediaId = (await SeedMedia.AddAsync(seed, client, TestMedia.Real("video/cockatoo.mp4")))[0];
            (token, sessionId) = (client.Token, client.SessionId);
        }
        RenderKit.ReleaseDb();

        using var api = await ServeProcess.StartAsync(data.Path, new Dictionary<string, string>(Fast) { ["Cutroom__Role"] = "api" });
        using var w1 = await ServeProcess.StartAsync(data.Path, new Dictionary<string, string>(Fast) { ["Cutroom__Role"] = "worker" });
        using var w2 = await ServeProcess.StartAsync(data.Path, new Dictionary<string, string>(Fast) { ["Cutroom__Role"] = "worker" });
        using var http = RenderKit.ClientFor(api.BaseUrl, token);
        using (var res = await RenderKit.PostAsync(http, RenderKit.Body("render_failover", sessionId, RenderKit.Draft(mediaId, 1280, 720, 8000))))
            await LiveServer.ReadEnvelopeAsync(res, 202);

        // Which worker runs it (its worker id starts with host:pid)?
        string workerId = "";
        for (var sw = Stopwatch.StartNew(); sw.Elapsed < TimeSpan.FromMinutes(2) && workerId.Length == 0; await Task.Delay(50))
        {
            var s = await RenderKit.StatusAsync(http, "render_failover");
            Assert.True(s.GetProperty("status").GetString() is "queued" or "rendering", $"the render ended before a worker could be killed: {s}");
            if (s.GetProperty("status").GetString() == "rendering" && s.GetProperty("progress").GetInt32() > 0)
            {
                await using var db = RenderKit.OpenDb(data.Path);
                workerId = await db.Jobs.AsNoTracking().Where(j => j.ExternalId == "render_failover").Select(j => j.WorkerId).SingleAsync() ?? "";
            }
        }
        RenderKit.ReleaseDb();
        Assert.NotEqual("", workerId);
        var pid = int.Parse(workerId.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        var (victim, survivor) = pid == w1.Pid ? (w1, w2) : (w2, w1);
        Assert.Equal(pid, victim.Pid);
        output.WriteLine($"killing worker {victim.Pid}; {survivor.Pid} takes over");
        victim.Kill();

        var done = await RenderKit.WaitForAsync(http, "render_failover", TimeSpan.FromMinutes(4), "completed", "failed");
        Assert.True(done.GetProperty("status").GetString() == "completed", $"{done}\n{survivor.Output}");
        await using (var db = RenderKit.OpenDb(data.Path))
        {
            var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.ExternalId == "render_failover");
            Assert.Equal(2, job.Attempts);
            var moves = await db.JobTransitions.AsNoTracking().Where(t => t.JobId == job.Id).OrderBy(t => t.Id).ToListAsync();
            Assert.Equal([">queued", "queued>running", "running>queued", "queued>running", "running>completed"], moves.Select(t => (t.From ?? "") + ">" + t.To));
            Assert.Contains("worker stopped", moves[2].Reason, StringComparison.Ordinal);
            Assert.Equal(1, await db.Files.AsNoTracking().CountAsync(f => f.DownloadName.StartsWith("Cockatoo test")));
        }
        RenderKit.ReleaseDb();
    }
}
