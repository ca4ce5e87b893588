using Cutroom.FFmpeg.Process;

namespace Cutroom.FFmpeg.Tests.Runner;

public class RunnerProgressTests
{
    [Fact]
    public async Task Progress_reports_arrive_in_order_and_the_last_is_the_end_at_fraction_one()
    {
        // 8 s of 320x240 encoded with x264, progress every 0.1 s: several reports before the end.
        const long durationUs = 8_000_000;
        var cmd = new FFmpegCommandBuilder()
            .Global("-stats_period", "0.1")
            .LavfiInput("testsrc2=size=320x240:rate=25:duration=8")
            .ExpectDuration(durationUs)
            .NullOutput("-c:v", "libx264", "-preset", "ultrafast")
            .Build();
        var progress = new RecordingProgress<FFmpegProgress>();

        await Clips.Runner().RunAsync(cmd, new FFmpegRunOptions { Progress = progress });

        var reports = progress.Reports;
        Assert.True(reports.Count >= 2, $"only {reports.Count} progress report(s)");
        var last = reports[^1];
        Assert.True(last.IsEnd);
        Assert.Equal(1.0, last.Fraction);
        Assert.Equal(200, last.Frame);
        Assert.InRange(last.OutTimeUs, durationUs - 80_000, durationUs);
        Assert.All(reports.Take(reports.Count - 1), r => Assert.False(r.IsEnd));
        for (var i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i].OutTimeUs >= reports[i - 1].OutTimeUs, "out_time went backwards");
            Assert.True(reports[i].Fraction >= reports[i - 1].Fraction, "fraction went backwards");
        }
    }

    [Fact]
    public async Task Without_an_expected_duration_progress_has_no_fraction_until_the_end()
    {
        var cmd = new FFmpegCommandBuilder().LavfiInput("testsrc2=size=320x240:rate=25:duration=1").NullOutput().Build();
        var progress = new RecordingProgress<FFmpegProgress>();

        await Clips.Runner().RunAsync(cmd, new FFmpegRunOptions { Progress = progress });

        Assert.All(progress.Reports.Where(r => !r.IsEnd), r => Assert.Null(r.Fraction));
        Assert.Equal(1.0, progress.Reports[^1].Fraction);
        Assert.Equal(25, progress.Reports[^1].Frame);
    }
}
