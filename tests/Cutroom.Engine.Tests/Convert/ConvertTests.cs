using Cutroom.Contract.Output;
using Cutroom.Engine.Convert;
using Cutroom.Engine.Encoding;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.FFmpeg.Errors;
using static Cutroom.Engine.Tests.MediaCheck;

namespace Cutroom.Engine.Tests.Convert;

public class ConvertTests
{
    private static Task<ConvertResult> Convert(ConvertRequest request, IProgress<double>? progress = null) =>
        new ConvertJob(Context.Value).RunAsync(request, progress.AsJobProgress());

    [Fact]
    public async Task A_clip_scaled_to_120p_is_H264_High_AAC_faststart_with_every_frame_and_reports_progress()
    {
        var src = NumberedClip();
        using var dir = new TempDir();
        var reports = new List<double>();
        var progress = new SyncProgress(reports.Add);
        var result = await Convert(new ConvertRequest(src, dir.File("small.mp4")) { Height = 120 }, progress);

        var probe = Probe(result.OutputPath);
        var v = Stream(probe, "video");
        Assert.Equal(("h264", "High", "yuv420p"), (Str(v, "codec_name"), Str(v, "profile"), Str(v, "pix_fmt")));
        Assert.Equal(("160", "120"), (Str(v, "width"), Str(v, "height")));
        Assert.Equal("25/1", Str(v, "avg_frame_rate"));
        Assert.Equal(100, DecodedFrameCount(result.OutputPath));
        Assert.InRange(Seconds(v, "duration"), 4 - 0.04, 4 + 0.04);
        var a = Stream(probe, "audio");
        Assert.Equal(("aac", "48000"), (Str(a, "codec_name"), Str(a, "sample_rate")));
        Assert.True(MoovBeforeMdat(result.OutputPath));
        Assert.Contains("mp4", Str(probe.GetProperty("format"), "format_name"), StringComparison.Ordinal);

        // Frame 50 of the output is frame 50 of the source, scaled.
        using var scaled = new TempDir();
        TestMedia.Ffmpeg("-i", src, "-vf", "scale=160:120", "-c:v", "png", "-frames:v", "100", scaled.File("s.mkv"));
        var diff = TestMedia.MeanAbsDiff(TestMedia.DecodeRgb(scaled.File("s.mkv"), 50), TestMedia.DecodeRgb(result.OutputPath, 50));
        Assert.True(diff < 6, $"frame 50 differs from the scaled source by {diff:0.00}");

        Assert.NotEmpty(reports);
        Assert.Equal(1.0, reports[^1], 3);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second >= p.First), "progress never goes back");
    }

    [Fact]
    public async Task A_rotated_video_comes_out_upright_with_width_and_height_swapped_and_no_display_matrix()
    {
        var src = RotatedClip();   // stored 320x240, shown 240x320
        using var dir = new TempDir();
        var result = await Convert(new ConvertRequest(src, dir.File("upright.mp4")) { Height = 160 });

        Assert.Equal((240, 320), (result.SourceWidth, result.SourceHeight));
        var v = Stream(Probe(result.OutputPath), "video");
        Assert.Equal(("120", "160"), (Str(v, "width"), Str(v, "height")));
        Assert.False(v.TryGetProperty("side_data_list", out _), "no display matrix is left");
        using var refDir = new TempDir();
        TestMedia.Ffmpeg("-i", src, "-vf", "scale=120:160", "-c:v", "png", "-frames:v", "20", refDir.File("r.mkv"));   // autorotated reference
        var diff = TestMedia.MeanAbsDiff(TestMedia.DecodeRgb(refDir.File("r.mkv"), 10), TestMedia.DecodeRgb(result.OutputPath, 10));
        Assert.True(diff < 8, $"frame 10 differs from the upright source by {diff:0.00}");
    }

    [Fact]
    public async Task A_height_above_the_source_is_not_upscaled_unless_asked()
    {
        var src = NumberedClip();
        using var dir = new TempDir();
        var kept = await Convert(new ConvertRequest(src, dir.File("kept.mp4")) { Height = 1080, Quality = OutputQuality.Low });
        Assert.True(kept.UpscaleRefused);
        Assert.Equal((320, 240), (kept.Width, kept.Height));
        Assert.Contains(kept.Warnings, w => w.Contains("allow upscaling", StringComparison.Ordinal));

        var up = await Convert(new ConvertRequest(src, dir.File("up.mp4")) { Height = 480, Upscale = true, Quality = OutputQuality.Low });
        var v = Stream(Probe(up.OutputPath), "video");
        Assert.Equal(("640", "480"), (Str(v, "width"), Str(v, "height")));
    }

    [Fact]
    public async Task Webm_is_VP9_and_Opus_and_mov_is_H264_in_QuickTime()
    {
        var src = NumberedClip();
        using var dir = new TempDir();
        var webm = await Convert(new ConvertRequest(src, dir.File("clip.webm")) { Height = 120, Quality = OutputQuality.Low });
        var wp = Probe(webm.OutputPath);
        Assert.Equal(OutputFormat.Webm, webm.Format);
        Assert.Equal(("vp9", "yuv420p"), (Str(Stream(wp, "video"), "codec_name"), Str(Stream(wp, "video"), "pix_fmt")));
        Assert.Equal(("opus", "48000"), (Str(Stream(wp, "audio"), "codec_name"), Str(Stream(wp, "audio"), "sample_rate")));
        Assert.Contains("webm", Str(wp.GetProperty("format"), "format_name"), StringComparison.Ordinal);
        Assert.Equal(100, DecodedFrameCount(webm.OutputPath));

        var mov = await Convert(new ConvertRequest(src, dir.File("clip.mov")) { Height = 120, Format = OutputFormat.Mov, Quality = OutputQuality.Low });
        var mp = Probe(mov.OutputPath);
        Assert.Equal(("h264", "High"), (Str(Stream(mp, "video"), "codec_name"), Str(Stream(mp, "video"), "profile")));
        Assert.Equal("aac", Str(Stream(mp, "audio"), "codec_name"));
        Assert.True(MoovBeforeMdat(mov.OutputPath));
        var (_, brand, _) = TestMedia.Run("ffprobe", ["-v", "error", "-show_entries", "format_tags=major_brand", "-of", "csv=p=0", mov.OutputPath]);
        Assert.Equal("qt", brand.Trim());
    }

    [Fact]
    public async Task Higher_quality_makes_a_larger_file()
    {
        var src = TestMedia.Real("video/kphotoalbum-movie.avi");
        using var dir = new TempDir();
        var low = await Convert(new ConvertRequest(src, dir.File("low.mp4")) { Quality = OutputQuality.Low });
        var high = await Convert(new ConvertRequest(src, dir.File("high.mp4")) { Quality = OutputQuality.High });
        Assert.True(high.SizeBytes > low.SizeBytes * 1.3, $"high {high.SizeBytes} B vs low {low.SizeBytes} B");
    }

    [Theory]
    [InlineData("video/cockatoo.mp4", 360, 640, 360, 280, "20/1")]                 // 4:4:4 H.264 + MP3
    [InlineData("video/kphotoalbum-movie.avi", null, 160, 120, 68, "500000/33333")]  // MJPEG + PCM u8
    [InlineData("video/blupi-play101.mkv", 1080, 320, 240, 79, "1506/125")]         // msvideo1 + Vorbis; not upscaled
    public async Task Real_videos_convert_keeping_every_frame_and_the_frame_rate(string name, int? height, int width, int outHeight, int frames, string rate)
    {
        var src = TestMedia.Real(name);
        using var dir = new TempDir();
        var result = await Convert(new ConvertRequest(src, dir.File("out.mp4")) { Height = height, Quality = OutputQuality.Low });
        var probe = Probe(result.OutputPath);
        var v = Stream(probe, "video");
        Assert.Equal(("h264", "High", "yuv420p"), (Str(v, "codec_name"), Str(v, "profile"), Str(v, "pix_fmt")));
        Assert.Equal((width.ToString(System.Globalization.CultureInfo.InvariantCulture), outHeight.ToString(System.Globalization.CultureInfo.InvariantCulture)), (Str(v, "width"), Str(v, "height")));
        Assert.Equal(frames, DecodedFrameCount(result.OutputPath));
        Assert.Equal(rate, Str(v, "r_frame_rate"));
        Assert.Equal("aac", Str(Stream(probe, "audio"), "codec_name"));
        var srcDuration = Seconds(Probe(src).GetProperty("format"), "duration");
        Assert.InRange(Seconds(probe.GetProperty("format"), "duration"), srcDuration - 0.1, srcDuration + 0.1);
    }

    [Fact]
    public async Task A_damaged_video_is_converted_with_a_warning()
    {
        var src = TestMedia.Real("video/tour-screencast.mp4");
        using var dir = new TempDir();
        var result = await Convert(new ConvertRequest(src, dir.File("tour.mp4")) { Height = 270, Quality = OutputQuality.Low });
        Assert.Contains(result.Warnings, w => w.StartsWith("the source is damaged", StringComparison.Ordinal));
        var v = Stream(Probe(result.OutputPath), "video");
        Assert.Equal(("480", "270"), (Str(v, "width"), Str(v, "height")));
        Assert.Equal(DecodedFrameCount(src), DecodedFrameCount(result.OutputPath));   // 270: ffmpeg drops the 2 broken frames of 272 packets
    }

    [Fact]
    public async Task Bad_inputs_give_one_clear_line_and_leave_nothing_behind()
    {
        using var inputs = new TempDir();
        using var dir = new TempDir();
        var text = inputs.File("movie.mp4");
        await File.WriteAllTextAsync(text, "not a movie");

        var missing = await Assert.ThrowsAsync<MediaProbeException>(() => Convert(new ConvertRequest(dir.File("absent.mp4"), dir.File("out.mp4"))));
        Assert.Equal("'absent.mp4' was not found (no such file)", missing.Message);
        var notMedia = await Assert.ThrowsAsync<MediaProbeException>(() => Convert(new ConvertRequest(text, dir.File("out.mp4"))));
        Assert.Contains("movie.mp4", notMedia.Message, StringComparison.Ordinal);
        var audio = await Assert.ThrowsAsync<MediaProbeException>(() => Convert(new ConvertRequest(TestMedia.Real("audio/toy-mono.wav"), dir.File("out.mp4"))));
        Assert.Contains("no video stream", audio.Message, StringComparison.Ordinal);
        var mismatch = await Assert.ThrowsAsync<JobInputException>(() => Convert(new ConvertRequest(NumberedClip(), dir.File("out.mp4")) { Format = OutputFormat.Webm }));
        Assert.Equal((JobErrorCodes.NotApplicable, JobFields.Format), (mismatch.Code, mismatch.Error.Field));
        var tiny = await Assert.ThrowsAsync<JobInputException>(() => Convert(new ConvertRequest(NumberedClip(), dir.File("out.mp4")) { Height = 0 }));
        Assert.Equal((JobErrorCodes.OutOfRange, JobFields.Height), (tiny.Code, tiny.Error.Field));
        foreach (var e in new Exception[] { missing, notMedia, audio, mismatch, tiny }) Assert.DoesNotContain('\n', e.Message);
        Assert.Empty(Entries(dir.Path));
    }

    [Fact]
    public async Task A_cancelled_conversion_stops_ffmpeg_and_leaves_nothing()
    {
        using var dir = new TempDir();
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(f => { if (f > 0.05) cts.Cancel(); });
        var job = new ConvertJob(Context.Value).RunAsync(new ConvertRequest(TestMedia.Real("video/cockatoo.mp4"), dir.File("out.mp4")), progress.AsJobProgress(), cts.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => job);
        Assert.Empty(Entries(dir.Path));
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) { lock (this) report(value); }
    }
}
