using Cutroom.Contract.Time;
using Cutroom.Engine.Trim;
using static Cutroom.Engine.Tests.MediaCheck;

namespace Cutroom.Engine.Tests.Trim;

public class ExactTrimTests
{
    private static Task<TrimResult> Trim(string input, double from, double to, string output) =>
        new TrimJob(Context.Value).RunAsync(new TrimRequest(input, MediaTime.FromSeconds(from), MediaTime.FromSeconds(to), output));

    /// <summary>Checks the first frame of <paramref name="output"/> against source frame <paramref name="frame"/> decoded from the start.</summary>
    private static double FirstFrameDiff(string source, int frame, string output) =>
        TestMedia.MeanAbsDiff(TestMedia.DecodeRgb(source, frame), TestMedia.DecodeRgb(output, 0));

    [Fact]
    public async Task A_cut_between_frames_starts_on_the_frame_shown_at_from_and_lasts_the_range()
    {
        var src = NumberedClip();
        using var dir = new TempDir();
        var result = await Trim(src, 1.23, 2.5, dir.File("cut.mp4"));

        // 25 fps: the frame shown at 1.23 s is #30 (pts 1.20); the range keeps 1.27 s from there: frames 30..61.
        Assert.Equal(30, FrameShownAt(src, 1.23));
        Assert.Equal(30, result.FirstFrame);
        var probe = Probe(result.OutputPath);
        var v = Stream(probe, "video");
        Assert.Equal("h264", Str(v, "codec_name"));
        Assert.Equal("High", Str(v, "profile"));
        Assert.Equal("yuv420p", Str(v, "pix_fmt"));
        Assert.Equal("25/1", Str(v, "avg_frame_rate"));
        Assert.Equal(32, DecodedFrameCount(result.OutputPath));
        Assert.InRange(Seconds(v, "duration"), 1.27 - 0.04, 1.27 + 0.04);
        var a = Stream(probe, "audio");
        Assert.Equal("aac", Str(a, "codec_name"));
        Assert.Equal("48000", Str(a, "sample_rate"));
        Assert.InRange(Seconds(a, "duration"), Seconds(v, "duration") - 0.04, Seconds(v, "duration") + 0.04);
        Assert.True(MoovBeforeMdat(result.OutputPath), "+faststart puts moov before mdat");

        var same = FirstFrameDiff(src, 30, result.OutputPath);
        Assert.True(same < 4, $"first frame differs from source frame 30 by {same:0.00}");
        Assert.True(FirstFrameDiff(src, 31, result.OutputPath) > same + 2, "the first frame is #30, not its neighbour #31");
        Assert.True(FirstFrameDiff(src, 29, result.OutputPath) > same + 2, "the first frame is #30, not its neighbour #29");
    }

    [Fact]
    public async Task Audio_stays_in_sync_with_the_picture()
    {
        // The tone starts at 2.000 s in the source. Cut from 1.5 s, the first frame is #37 (pts 1.48: 1.5 s is
        // frame 37.5), shown at output time 0, so the tone must start 0.52 s into the output.
        var src = NumberedClip();
        using var dir = new TempDir();
        var result = await Trim(src, 1.5, 3.0, dir.File("sync.mp4"));
        Assert.Equal(37, result.FirstFrame);
        Assert.Equal(1480, result.StartMs);
        var expected = ToneOnset(src) - 1.48;   // measured the same way on the source (silencedetect reports ~20 ms late)
        Assert.InRange(ToneOnset(result.OutputPath), expected - 0.01, expected + 0.01);
    }

    [Fact]
    public async Task A_trim_from_8s_of_cockatoo_equals_frame_160_decoded_from_the_start_despite_its_broken_keyframes()
    {
        // cockatoo's keyframes at 3.8 s and 7.25 s decode garbage after a seek ("A non-intra slice in an IDR NAL unit").
        var src = TestMedia.Real("video/cockatoo.mp4");
        using var dir = new TempDir();
        var result = await Trim(src, 8, 10, dir.File("cockatoo 8s.mp4"));

        Assert.Equal(160, result.FirstFrame);
        Assert.Equal(0, result.DecodedFromMs);
        Assert.Contains(result.Warnings, w => w.Contains("decoded from the start", StringComparison.Ordinal));
        var diff = FirstFrameDiff(src, 160, result.OutputPath);
        Assert.True(diff < 4, $"first frame differs from frame 160 decoded from the start by {diff:0.00}");
        Assert.Equal(40, DecodedFrameCount(result.OutputPath));
        var v = Stream(Probe(result.OutputPath), "video");
        Assert.Equal("1280", Str(v, "width"));
        Assert.Equal("yuv420p", Str(v, "pix_fmt"));   // from the source's 4:4:4
        Assert.Equal("High", Str(v, "profile"));
        Assert.InRange(Seconds(v, "duration"), 2 - 0.05, 2 + 0.05);
    }

    [Theory]
    [InlineData("video/blupi-play101.mkv", 2.0, 4.5)]     // msvideo1 in Matroska, video starting at 12 ms, 12.05 fps
    [InlineData("video/kphotoalbum-movie.avi", 1.0, 3.0)] // MJPEG full-range 4:2:2 in AVI, PCM u8 audio at 11 kHz
    public async Task Real_videos_are_cut_frame_exactly(string name, double from, double to)
    {
        var src = TestMedia.Real(name);
        using var dir = new TempDir();
        var result = await Trim(src, from, to, dir.File("cut.mp4"));

        var expectedFirst = FrameShownAt(src, from);
        Assert.Equal(expectedFirst, result.FirstFrame);
        var diff = FirstFrameDiff(src, expectedFirst, result.OutputPath);
        Assert.True(diff < 5, $"first frame differs from source frame {expectedFirst} by {diff:0.00}");
        var probe = Probe(result.OutputPath);
        var v = Stream(probe, "video");
        Assert.Equal("h264", Str(v, "codec_name"));
        Assert.Equal("High", Str(v, "profile"));
        Assert.Equal("yuv420p", Str(v, "pix_fmt"));
        var frame = 1 / result.FrameRate.ToDouble();
        Assert.InRange(Seconds(v, "duration"), to - from - 0.001, to - from + frame + 0.001);
        var a = Stream(probe, "audio");
        Assert.Equal("aac", Str(a, "codec_name"));
        Assert.InRange(Seconds(a, "duration"), Seconds(v, "duration") - frame, Seconds(v, "duration") + frame);
    }

    [Fact]
    public async Task A_damaged_source_is_still_cut_with_a_warning()
    {
        var src = TestMedia.Real("video/tour-screencast.mp4");   // broken slices in its IDR frames, no audio
        using var dir = new TempDir();
        var result = await Trim(src, 2, 4, dir.File("tour.mp4"));

        Assert.Contains(result.Warnings, w => w.StartsWith("the source is damaged", StringComparison.Ordinal));
        Assert.Equal(FrameShownAt(src, 2), result.FirstFrame);
        var diff = FirstFrameDiff(src, result.FirstFrame, result.OutputPath);
        Assert.True(diff < 4, $"first frame differs by {diff:0.00}");
        var probe = Probe(result.OutputPath);
        Assert.False(HasStream(probe, "audio"));
        Assert.InRange(Seconds(Stream(probe, "video"), "duration"), 2 - 0.001, 2 + 1 / 24.0);
        Assert.Equal(48, DecodedFrameCount(result.OutputPath));
    }

    [Fact]
    public async Task A_rotated_source_comes_out_upright()
    {
        var src = RotatedClip();
        using var dir = new TempDir();
        var result = await Trim(src, 0.5, 1.5, dir.File("upright.mp4"));
        Assert.Equal((240, 320), (result.Width, result.Height));
        var diff = FirstFrameDiff(src, 12, result.OutputPath);   // DecodeRgb applies the rotation too
        Assert.True(diff < 4, $"first frame differs from the rotated source frame by {diff:0.00}");
    }

    [Fact]
    public async Task An_odd_sized_source_is_cut_to_even_dimensions_for_420()
    {
        var src = TestMedia.Generate("trimconv-odd.mkv", "-f", "lavfi", "-i", "testsrc2=size=161x121:rate=25:duration=1", "-c:v", "ffv1");
        using var dir = new TempDir();
        var result = await Trim(src, 0.2, 0.6, dir.File("odd.mp4"));
        var v = Stream(Probe(result.OutputPath), "video");
        Assert.Equal(("160", "120", "yuv420p"), (Str(v, "width"), Str(v, "height"), Str(v, "pix_fmt")));
        Assert.Equal(10, DecodedFrameCount(result.OutputPath));
    }
}
