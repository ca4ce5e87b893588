using System.Text.RegularExpressions;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Process;

namespace Cutroom.FFmpeg.Tests.Runner;

public partial class RunnerFailureTests
{
    [Fact]
    public async Task A_missing_input_fails_with_exit_code_stderr_tail_and_a_one_line_message_without_paths()
    {
        using var dir = new TempDir();
        var missing = dir.File("no such clip.mp4");
        var cmd = new FFmpegCommandBuilder().Input(missing).Output(dir.File("out.mp4")).Build();

        var ex = await Assert.ThrowsAsync<FFmpegException>(() => Clips.Runner().RunAsync(cmd, new FFmpegRunOptions { Purpose = "converting" }));

        Assert.Equal(1, ex.ExitCode);
        Assert.False(ex.TimedOut);
        Assert.Contains(ex.StderrTail, l => l.Contains("No such file or directory", StringComparison.Ordinal));
        Assert.Equal(cmd.Arguments, ex.Arguments);
        Assert.Equal("converting failed (ffmpeg exit code 1): no such clip.mp4: No such file or directory", ex.Message);
        AssertOneLineWithoutPaths(ex.Message, dir.Path);
    }

    [Fact]
    public async Task An_unknown_encoder_fails_with_ffmpegs_own_reason()
    {
        using var dir = new TempDir();
        var cmd = new FFmpegCommandBuilder().LavfiInput("testsrc2=size=320x240:rate=25:duration=1")
            .Output(dir.File("out.mp4"), "-c:v", "no_such_encoder").Build();

        var ex = await Assert.ThrowsAsync<FFmpegException>(() => Clips.Runner().RunAsync(cmd));

        Assert.NotEqual(0, ex.ExitCode);
        Assert.Contains("Unknown encoder 'no_such_encoder'", ex.Message, StringComparison.Ordinal);
        Assert.NotEmpty(ex.StderrTail);
        AssertOneLineWithoutPaths(ex.Message, dir.Path);
        Assert.False(File.Exists(dir.File("out.mp4")));
    }

    [Fact]
    public async Task A_failed_run_still_writes_its_log_with_the_command_line_first()
    {
        using var dir = new TempDir();
        var log = dir.File("ffmpeg.log");
        var cmd = new FFmpegCommandBuilder().Input(dir.File("missing.mp4")).Output(dir.File("out.mp4")).Build();

        await Assert.ThrowsAsync<FFmpegException>(() => Clips.Runner().RunAsync(cmd, new FFmpegRunOptions { LogFile = log }));

        var lines = File.ReadAllLines(log);
        Assert.StartsWith("ffmpeg -hide_banner -nostdin", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("No such file or directory", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[mov,mp4 @ 0x55d1] [error] file:/srv/data/u1/in put.mp4: Invalid data", "in put.mp4: Invalid data")]
    [InlineData("[error] Error opening output /tmp/x/y/out.mp4: Permission denied", "Error opening output out.mp4: Permission denied")]
    [InlineData("[error] Could not load font \"/usr/share/fonts/x/DejaVu.ttf\": cannot open resource", "Could not load font \"DejaVu.ttf\": cannot open resource")]
    [InlineData("[error] rate 30000/1001 at 1500 kb/s is odd", "rate 30000/1001 at 1500 kb/s is odd")]
    public void Error_lines_lose_their_paths_but_keep_their_fractions(string stderr, string expected)
    {
        Assert.Equal(expected, FFmpegRunner.Summarise([stderr], ["-i", "file:/srv/data/u1/in put.mp4"]));
    }

    private static void AssertOneLineWithoutPaths(string message, string tempDir)
    {
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain(tempDir, message, StringComparison.Ordinal);
        Assert.DoesNotMatch(AbsolutePath(), message);
    }

    [GeneratedRegex(@"(^|[\s'""(:])/\w+/")]
    private static partial Regex AbsolutePath();
}
