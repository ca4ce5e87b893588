using Cutroom.Contract.Time;
using Cutroom.Engine.Trim;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using static Cutroom.Engine.Tests.MediaCheck;

namespace Cutroom.Engine.Tests.Trim;

public class FastTrimTests
{
    private static Task<TrimResult> FastTrim(string input, double from, double to, string output) =>
        new TrimJob(Context.Value).RunAsync(new TrimRequest(input, MediaTime.FromSeconds(from), MediaTime.FromSeconds(to), output) { Mode = TrimMode.Fast });

    [Fact]
    public async Task Fast_mode_copies_from_the_keyframe_before_the_cut_and_hides_the_extra_frames_with_an_edit_list()
    {
        var src = NumberedClip();   // keyframes every 25 frames
        using var dir = new TempDir();
        var result = await FastTrim(src, 1.5, 3.0, dir.File("fast.mp4"));

        Assert.Equal(37, result.FirstFrame);
        Assert.Equal(1000, result.KeyframeMs);
        Assert.Equal(1480, result.StartMs);
        Assert.Equal(12, result.HiddenFrames);
        Assert.Contains(result.Warnings, w => w.Contains("edit list", StringComparison.Ordinal) && w.Contains("0:01.000", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Warnings, w => w.Contains("decode", StringComparison.Ordinal));

        // The copied packets start at the keyframe, before time 0 of the output; the edit list hides them.
        var (_, packets, _) = TestMedia.Run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", result.OutputPath]);
        var first = packets.Split('\n')[0].Split(',');
        Assert.StartsWith("K", first[1], StringComparison.Ordinal);
        Assert.InRange(double.Parse(first[0], System.Globalization.CultureInfo.InvariantCulture), -0.48 - 0.001, -0.48 + 0.001);

        // A player that honours the edit list shows the source frame #37 first, bit-exact (the video was copied).
        var diff = TestMedia.MeanAbsDiff(TestMedia.DecodeRgb(src, 37), TestMedia.DecodeRgb(result.OutputPath, 0));
        Assert.True(diff < 0.01, $"first shown frame differs from source frame 37 by {diff:0.000}");
        var probe = Probe(result.OutputPath);
        Assert.Equal("h264", Str(Stream(probe, "video"), "codec_name"));
        Assert.Equal("aac", Str(Stream(probe, "audio"), "codec_name"));
        Assert.True(MoovBeforeMdat(result.OutputPath));
        var expected = ToneOnset(src) - 1.48;   // output time 0 is source time 1.48 s
        Assert.InRange(ToneOnset(result.OutputPath), expected - 0.01, expected + 0.01);
    }

    [Fact]
    public async Task Fast_mode_on_cockatoo_reports_the_actual_cut_points()
    {
        var src = TestMedia.Real("video/cockatoo.mp4");
        using var dir = new TempDir();
        var result = await FastTrim(src, 8, 10, dir.File("fast.mp4"));
        Assert.Equal(7250, result.KeyframeMs);
        Assert.Equal(8000, result.StartMs);
        Assert.Equal(15, result.HiddenFrames);
        Assert.InRange(result.EndMs, 10000, 10200);   // the copy ends on packets, B-frames may add a frame or two
        Assert.InRange(result.DurationMs, 2000, 2200);
        // Its keyframe at 7.25 s does not decode on its own: the copy is flagged so that the user can choose exact mode.
        Assert.Contains(result.Warnings, w => w.StartsWith("the copied video does not decode cleanly", StringComparison.Ordinal) && w.Contains("the exact mode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fast_mode_on_a_video_that_is_not_H264_is_refused_and_writes_nothing()
    {
        var src = TestMedia.Real("video/blupi-play101.mkv");
        using var dir = new TempDir();
        var e = await Assert.ThrowsAsync<JobInputException>(() => FastTrim(src, 1, 2, dir.File("fast.mp4")));
        Assert.Contains("msvideo1", e.Message, StringComparison.Ordinal);
        Assert.Equal((JobErrorCodes.NotApplicable, TrimRequest.ModeField), (e.Code, e.Error.Field));
        Assert.EndsWith("use exact", e.Message, StringComparison.Ordinal);
        Assert.Empty(Entries(dir.Path));
    }
}
