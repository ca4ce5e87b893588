using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Process;

namespace Cutroom.FFmpeg.Tests.Runner;

/// <summary>
/// Children die with Cutroom (docs/operations.md, "No orphaned ffmpeg"): the setpriv guard, the
/// launcher thread it needs, the fallback without setpriv, and the CPU accounting of finished children.
/// </summary>
public class ChildLauncherTests
{
    private static string Ffmpeg => FFmpegTools.Locate().FFmpegPath;

    /// <summary>ffmpeg reading silence in real time for <paramref name="seconds"/>: a run that takes that long and exits 0.</summary>
    private static string[] RealTime(int seconds) =>
        ["-hide_banner", "-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", seconds.ToString(CultureInfo.InvariantCulture), "-f", "null", "-"];

    [Fact]
    public void This_machine_guards_children_with_setpriv()
    {
        Assert.NotNull(ChildLauncher.FindOnPath("setpriv"));
        Assert.True(ChildLauncher.Default.GuardsChildren, "setpriv --pdeathsig did not work here");
    }

    [Fact]
    public void A_child_that_setpriv_guards_dies_when_the_thread_that_forked_it_exits()
    {
        // The kernel's "parent" for PR_SET_PDEATHSIG is the forking thread, and .NET forks on the
        // thread that calls Process.Start: this is why the launcher has a thread of its own.
        var psi = new ProcessStartInfo(ChildLauncher.FindOnPath("setpriv")!) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in (string[])["--pdeathsig", "KILL", "--", Ffmpeg, .. RealTime(30)]) psi.ArgumentList.Add(a);
        System.Diagnostics.Process? child = null;
        var thread = new Thread(() => child = System.Diagnostics.Process.Start(psi));
        thread.Start();
        thread.Join();
        using (child)
        {
            Assert.True(child!.WaitForExit(TimeSpan.FromSeconds(25)), "ffmpeg outlived the thread that started it");
            Assert.Equal(128 + 9, child.ExitCode); // killed by SIGKILL
        }
    }

    [Fact]
    public async Task A_run_started_from_a_thread_that_then_exits_runs_to_its_end()
    {
        Assert.True(ChildLauncher.Default.GuardsChildren);
        Task<ProcessResult>? run = null;
        using var started = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            run = ProcessRunner.RunAsync(Ffmpeg, RealTime(3), null, null, TimeSpan.FromMinutes(2), CancellationToken.None, onStarted: _ => started.Set());
            started.Wait();
        });
        thread.Start();
        thread.Join(); // the thread that asked for the run is gone while ffmpeg runs

        var result = await run!;
        Assert.False(result.TimedOut);
        Assert.True(result.ExitCode == 0, $"ffmpeg ended with {result.ExitCode}: {string.Join('\n', result.StderrTail)}");
    }

    [Fact]
    public async Task Without_setpriv_children_start_as_before_and_one_warning_is_given()
    {
        var warnings = new List<string>();
        var launcher = new ChildLauncher(null, warnings.Add);
        for (var i = 0; i < 2; i++)
        {
            var result = await ProcessRunner.RunAsync(Ffmpeg, ["-hide_banner", "-version"], null, null, TimeSpan.FromMinutes(1), CancellationToken.None, launcher: launcher);
            Assert.Equal(0, result.ExitCode);
        }
        Assert.False(launcher.GuardsChildren);
        var warning = Assert.Single(warnings);
        Assert.Contains("setpriv (util-linux) was not found", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setpriv_without_pdeathsig_falls_back_with_a_warning()
    {
        var warnings = new List<string>();
        var launcher = new ChildLauncher("/bin/false", warnings.Add); // exits 1 whatever it is asked, as an old setpriv would on --pdeathsig
        var result = await ProcessRunner.RunAsync(Ffmpeg, ["-hide_banner", "-version"], null, null, TimeSpan.FromMinutes(1), CancellationToken.None, launcher: launcher);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--pdeathsig failed", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_program_under_the_guard_is_a_missing_tool_not_a_failed_run()
    {
        Assert.True(ChildLauncher.Default.GuardsChildren);
        var ex = await Assert.ThrowsAsync<ToolMissingException>(() =>
            ProcessRunner.RunAsync("/nonexistent/ffmpeg", ["-version"], null, null, TimeSpan.FromMinutes(1), CancellationToken.None));
        Assert.StartsWith("cannot start ffmpeg (No such file or directory); install it with", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cpu_time_of_finished_children_grows_by_at_least_what_ffmpeg_itself_measured()
    {
        var before = ChildProcessCpu.TotalSeconds;
        var stderr = new List<string>();
        var result = await ProcessRunner.RunAsync(Ffmpeg,
            ["-hide_banner", "-nostdin", "-benchmark", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=4",
             "-c:v", "libx264", "-preset", "veryfast", "-f", "null", "-"],
            null, l => { lock (stderr) stderr.Add(l); }, TimeSpan.FromMinutes(2), CancellationToken.None);
        var after = ChildProcessCpu.TotalSeconds;
        Assert.Equal(0, result.ExitCode);

        // ffmpeg -benchmark prints its own getrusage at exit: "bench: utime=1.234s stime=0.056s rtime=0.789s".
        var bench = stderr.Select(l => Regex.Match(l, @"bench: utime=([\d.]+)s stime=([\d.]+)s")).Single(m => m.Success);
        var own = double.Parse(bench.Groups[1].Value, CultureInfo.InvariantCulture) + double.Parse(bench.Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.True(own > 0.05, $"ffmpeg measured only {own} s");
        // Other tests' children may finish meanwhile: the total can only grow by more.
        Assert.True(after - before >= own - 0.002, $"children's CPU grew by {after - before:0.000} s, ffmpeg measured {own:0.000} s");
    }
}
