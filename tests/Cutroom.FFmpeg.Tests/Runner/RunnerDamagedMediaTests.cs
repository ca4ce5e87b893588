using Cutroom.FFmpeg.Process;

namespace Cutroom.FFmpeg.Tests.Runner;

public class RunnerDamagedMediaTests
{
    [Fact]
    public async Task Decoding_the_damaged_screencast_succeeds_and_reports_the_concealed_errors()
    {
        var frames = 0L;
        var cmd = new FFmpegCommandBuilder()
            .Input(TestMedia.Real("video/tour-screencast.mp4"), new InputOptions { Demuxer = "mov" })
            .NullOutput("-map", "0:v:0")
            .Build();

        var result = await Clips.Runner().RunAsync(cmd, new FFmpegRunOptions { Progress = new RecordingProgress<FFmpegProgress>(p => frames = p.Frame) });

        Assert.Equal(270, frames);
        Assert.True(result.DecodeErrors > 0, "the broken slice should be counted");
        Assert.Contains(result.Warnings, w => w.Contains("h264", StringComparison.Ordinal));
        Assert.All(result.Warnings, w => Assert.DoesNotContain("/", w.Split(']')[^1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decoding_a_clean_clip_reports_no_errors()
    {
        var cmd = new FFmpegCommandBuilder().Input(Clips.TwoSeconds(), new InputOptions { Demuxer = "mov" }).NullOutput().Build();
        var result = await Clips.Runner().RunAsync(cmd);
        Assert.Equal(0, result.DecodeErrors);
        Assert.Empty(result.Warnings);
    }
}
