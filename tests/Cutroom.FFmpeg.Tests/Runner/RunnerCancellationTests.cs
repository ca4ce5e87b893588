using System.Diagnostics;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Process;

namespace Cutroom.FFmpeg.Tests.Runner;

public class RunnerCancellationTests
{
    // An hour of test pattern: far longer than any test waits.
    private static FFmpegCommand EndlessRun() =>
        new FFmpegCommandBuilder().LavfiInput("testsrc2=size=320x240:rate=25:duration=3600").NullOutput().Build();

    [Fact]
    public async Task A_cancelled_run_ends_within_two_seconds_and_leaves_no_ffmpeg_process()
    {
        var pid = 0;
        var running = new TaskCompletionSource();
        using var cts = new CancellationTokenSource();
        var options = new FFmpegRunOptions
        {
            OnStarted = p => pid = p,
            Progress = new RecordingProgress<FFmpegProgress>(_ => running.TrySetResult()),
        };
        var run = Clips.Runner().RunAsync(EndlessRun(), options, cts.Token);
        await running.Task.WaitAsync(TimeSpan.FromSeconds(30));   // ffmpeg is producing frames
        Assert.True(IsRunning(pid), "ffmpeg should be running before the cancel");

        var clock = Stopwatch.StartNew();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        clock.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"cancel took {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.False(IsRunning(pid), $"ffmpeg (pid {pid}) is still alive after the cancel");
    }

    [Fact]
    public async Task A_run_cancelled_before_it_starts_never_starts_ffmpeg()
    {
        var started = false;
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Clips.Runner().RunAsync(EndlessRun(), new FFmpegRunOptions { OnStarted = _ => started = true }, cts.Token));
        Assert.False(started);
    }

    [Fact]
    public async Task A_run_past_its_timeout_is_stopped_with_a_timed_out_exception()
    {
        var pid = 0;
        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<FFmpegException>(() => Clips.Runner().RunAsync(EndlessRun(),
            new FFmpegRunOptions { Timeout = TimeSpan.FromSeconds(1), OnStarted = p => pid = p, Purpose = "rendering the pattern" }));
        clock.Stop();

        Assert.True(ex.TimedOut);
        Assert.Equal(-1, ex.ExitCode);
        Assert.Equal("rendering the pattern took longer than 1 s and was stopped", ex.Message);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 5);
        Assert.False(IsRunning(pid));
    }

    [Fact]
    public async Task A_progress_handler_that_throws_stops_ffmpeg_instead_of_hanging_it()
    {
        var pid = 0;
        var options = new FFmpegRunOptions
        {
            OnStarted = p => pid = p,
            Progress = new RecordingProgress<FFmpegProgress>(_ => throw new InvalidOperationException("handler broke")),
        };
        var clock = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Clips.Runner().RunAsync(EndlessRun(), options));
        Assert.Equal("handler broke", ex.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.False(IsRunning(pid));
    }

    /// <summary>True when a process with this id exists, even as an unreaped zombie, and is ffmpeg (Linux /proc).</summary>
    private static bool IsRunning(int pid)
    {
        Assert.True(pid > 0, "the runner did not report ffmpeg's process id");
        var comm = $"/proc/{pid}/comm";
        try { return File.Exists(comm) && File.ReadAllText(comm).Trim() == "ffmpeg"; }
        catch (IOException) { return false; }
    }
}
