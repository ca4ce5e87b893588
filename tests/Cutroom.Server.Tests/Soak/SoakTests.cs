using System.Diagnostics;
using System.Globalization;
using Cutroom.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Cutroom.Server.Tests.Soak;

/// <summary>
/// The fuzz and soak suite (bench/soak.sh runs the long form: <c>CUTROOM_SOAK_MINUTES=10
/// CUTROOM_SOAK_SESSIONS=100</c>). The short form (./test.sh) is 4 sessions, stopped after 75 s at the latest.
/// Passes when no answer was a 5xx, every turn ended with <c>turnComplete</c> or a coded error, no
/// ffmpeg of the server is alive after the jobs, every account's credits add up with none frozen,
/// and (long form) the process's memory after the run is within 20 % of it after warm-up.
/// The counts are the last line of the output (and of <c>$CUTROOM_SOAK_REPORT</c> when set).
/// </summary>
[Trait("Tier", "Soak")]
public sealed class SoakTests(ITestOutputHelper output)
{
    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;

    [Fact]
    public async Task Mutated_media_and_bodies_through_chat_give_no_5xx_no_orphan_ffmpeg_and_consistent_credits()
    {
        var minutes = Setting("CUTROOM_SOAK_MINUTES", 0);
        var sessions = Setting("CUTROOM_SOAK_SESSIONS", 4);
        var duration = minutes > 0 ? TimeSpan.FromMinutes(minutes) : TimeSpan.FromSeconds(75);
        await using var server = await LiveServer.StartAsync(o => o.Auth.SignupCredits = 1000);
        var run = new SoakRun(server, seed: Setting("CUTROOM_SOAK_SEED", 17));

        // Warm-up: a quarter of the sessions (at least one), then the rest; memory is sampled between.
        var warm = Math.Max(1, sessions / 4);
        await run.RunAsync(warm, parallel: Math.Min(warm, 4), duration / 4);
        var warmRss = Rss();
        var clock = Stopwatch.StartNew();
        await run.RunAsync(sessions - warm, parallel: Math.Min(Math.Max(1, sessions - warm), 8), duration - duration / 4);
        // Pollers: every session's state, as clients poll it.
        foreach (var c in run.Clients) await c.StateAsync();
        var endRss = Rss();

        var leftover = await ServerFFmpegAsync(server.DataDir);
        foreach (var c in run.Clients)
        {
            var (available, frozen, total) = await c.CreditsAsync();
            if (available < 0 || frozen != 0 || available + frozen != total)
                Assert.Fail($"credits of {c.ClientId} do not add up: available {available}, frozen {frozen}, total {total}");
        }
        foreach (var f in run.Failures.Take(20)) output.WriteLine("failure: " + f);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rss: {warmRss / 1048576} MiB after warm-up, {endRss / 1048576} MiB at the end ({clock.Elapsed.TotalSeconds:0} s)"));
        output.WriteLine(run.Summary);
        if (Environment.GetEnvironmentVariable("CUTROOM_SOAK_REPORT") is { Length: > 0 } report)
            await File.WriteAllLinesAsync(report, [.. run.Failures.Take(50).Select(f => "failure: " + f), $"rss_warm_mib={warmRss / 1048576} rss_end_mib={endRss / 1048576}", run.Summary]);

        Assert.True(run.Tried > 0, run.Summary);
        Assert.True(run.Failures.Count == 0, run.Summary + "\n" + string.Join("\n", run.Failures.Take(20)));
        Assert.True(leftover.Count == 0, "ffmpeg still running after the jobs: " + string.Join(", ", leftover));
        if (minutes >= 5) Assert.True(endRss <= warmRss * 1.2, $"memory grew from {warmRss / 1048576} to {endRss / 1048576} MiB");
    }

    private static long Rss()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        return p.WorkingSet64;
    }

    /// <summary>ffmpeg/ffprobe processes whose command line names the server's data folder, after giving them up to 10 s to end.</summary>
    private static async Task<IReadOnlyList<string>> ServerFFmpegAsync(string dataDir)
    {
        var found = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            found.Clear();
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                string cmd;
                try { cmd = (await File.ReadAllTextAsync(Path.Combine(dir, "cmdline"))).Replace('\0', ' '); }
                catch (IOException) { continue; }
                catch (UnauthorizedAccessException) { continue; }
                if ((cmd.Contains("ffmpeg", StringComparison.Ordinal) || cmd.Contains("ffprobe", StringComparison.Ordinal)) && cmd.Contains(dataDir, StringComparison.Ordinal))
                    found.Add($"{pid}: {(cmd.Length > 120 ? cmd[..120] : cmd)}");
            }
            if (found.Count == 0) return found;
            await Task.Delay(500);
        }
        return found;
    }
}
