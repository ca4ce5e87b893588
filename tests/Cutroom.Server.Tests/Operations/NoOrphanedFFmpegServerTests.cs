using System.Diagnostics;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Render;

namespace Cutroom.Server.Tests.Operations;

/// <summary>docs/operations.md, "No orphaned ffmpeg": the real <c>cutroom serve</c> killed with SIGKILL mid-render (the server alone, not its tree) leaves no ffmpeg.</summary>
public sealed class NoOrphanedFFmpegServerTests
{
    [Fact]
    public async Task A_server_killed_with_SIGKILL_mid_render_leaves_none_of_its_ffmpeg_after_two_seconds()
    {
        using var data = new TempDir();
        var (token, sessionId, mediaId) = await SeedAsync(data.Path);
        var marks = new MarkedProcesses();
        using var server = await ServeProcess.StartAsync(data.Path, new Dictionary<string, string> { [MarkedProcesses.Variable] = marks.Value });
        using var http = RenderKit.ClientFor(server.BaseUrl, token);
        using (var res = await RenderKit.PostAsync(http, RenderKit.Body("render_orphan", sessionId, RenderKit.Draft(mediaId, 1280, 720, 8000))))
            await LiveServer.ReadEnvelopeAsync(res, 202);
        var ffmpeg = await WaitUntilEncodingAsync(http, server, marks);

        using (var process = Process.GetProcessById(server.Pid))
        {
            process.Kill(); // SIGKILL to the server only: its children are left to the guard
            process.WaitForExit();
        }

        var clock = Stopwatch.StartNew();
        IReadOnlyList<MarkedProcesses.Entry> left;
        while ((left = marks.Alive()).Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(2)) Thread.Sleep(50);
        MarkedProcesses.KillAll(left);
        Assert.True(left.Count == 0, $"left running 2 s after the kill: {string.Join(", ", left)} (ffmpeg seen before: {string.Join(", ", ffmpeg)})");
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

    /// <summary>Waits until the render reports progress and an ffmpeg of the server runs; returns the server's ffmpeg.</summary>
    private static async Task<IReadOnlyList<MarkedProcesses.Entry>> WaitUntilEncodingAsync(HttpClient http, ServeProcess server, MarkedProcesses marks)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromMinutes(2))
        {
            var s = await RenderKit.StatusAsync(http, "render_orphan");
            var status = s.GetProperty("status").GetString();
            Assert.True(status is "queued" or "rendering", $"the render ended before it could be interrupted: {s}\n{server.Output}");
            var ffmpeg = marks.Alive().Where(e => e.Name == "ffmpeg").ToList();
            if (status == "rendering" && s.GetProperty("progress").GetInt32() > 0 && ffmpeg.Count > 0) return ffmpeg;
            await Task.Delay(50);
        }
        Assert.Fail($"render_orphan never started encoding: {server.Output}");
        return [];
    }
}
