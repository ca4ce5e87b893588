using Cutroom.Engine.Trim;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Probe;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Tests.Trim;

[Trait("Tier", "Fast")]
public class TrimWindowTests
{
    /// <summary>10 frames at 25 fps in a 1/12800 time base (512 ticks a frame), keyframes at 0 and 5, starting at <paramref name="startUs"/>.</summary>
    private static (MediaInfo, PacketIndex) Clip(long startUs = 0)
    {
        var tb = new Rational(1, 12800);
        var first = startUs * 12800 / 1_000_000;
        var packets = Enumerable.Range(0, 10).Select(i => new PacketInfo(first + i * 512, 512, i % 5 == 0)).ToList();
        var info = new MediaInfo
        {
            Path = "/x/clip.mp4", Container = ContainerFormat.Mp4, FormatName = "mov", DurationMs = 400, StartTimeUs = startUs,
            Streams = [new VideoStreamInfo { Index = 0, Codec = "h264", Width = 320, Height = 240, TimeBase = tb, AverageFrameRate = new Rational(25, 1) }],
        };
        return (info, new PacketIndex(tb, packets, true));
    }

    [Fact]
    public void A_start_between_frames_picks_the_frame_shown_then_and_keeps_the_requested_length()
    {
        var (info, index) = Clip();
        var w = Plan(info, index, 130_000, 250_000);   // frame 3 (120 ms) is shown at 130 ms
        Assert.Equal(3, w.FirstFrame);
        Assert.Equal(120_000, w.StartUs);
        Assert.Equal(6, w.EndFrame);         // 120 ms + 120 ms: frames 3, 4, 5
        Assert.Equal(240_000, w.EndUs);
        Assert.Equal(0, w.Keyframe);
        Assert.Equal(100_000, w.TrimStartUs);  // halfway between frames 2 and 3
        Assert.Equal(220_000, w.TrimEndUs);    // halfway between frames 5 and 6
    }

    [Fact]
    public void The_keyframe_is_the_last_one_at_or_before_the_first_frame()
    {
        var (info, index) = Clip();
        Assert.Equal(5, Plan(info, index, 200_000, 300_000).Keyframe);
        Assert.Equal(5, Plan(info, index, 280_000, 300_000).Keyframe);
        Assert.Equal(0, Plan(info, index, 199_999, 300_000).Keyframe);
    }

    [Fact]
    public void A_range_to_the_end_has_open_trim_bounds_and_ends_after_the_last_frame()
    {
        var (info, index) = Clip();
        var w = Plan(info, index, 0, 400_000);
        Assert.Equal((0, 10), (w.FirstFrame, w.EndFrame));
        Assert.Null(w.TrimStartUs);
        Assert.Null(w.TrimEndUs);
        Assert.Equal(400_000, w.DurationUs);
    }

    [Fact]
    public void User_times_count_from_the_container_start()
    {
        var (info, index) = Clip(startUs: 1_400_000);
        var w = Plan(info, index, 80_000, 160_000);
        Assert.Equal(2, w.FirstFrame);
        Assert.Equal(1_480_000, w.StartUs);
        Assert.Equal(80, w.ToFileMs(w.StartUs));
    }

    [Theory]
    [InlineData(0, 400_001, "end")]
    [InlineData(400_000, 500_000, "start")]
    public void Times_past_the_end_are_out_of_range(long from, long to, string field)
    {
        var (info, index) = Clip();
        var e = Assert.Throws<JobInputException>(() => Plan(info, index, from, to));
        Assert.Equal((JobErrorCodes.OutOfRange, field), (e.Code, e.Error.Field));
        Assert.Equal(ErrorKind.BadInput, e.Kind);
    }

    private static TrimWindow Plan(MediaInfo info, PacketIndex index, long fromUs, long toUs) =>
        TrimWindow.Plan(info, index, MediaTime.FromMicroseconds(fromUs), MediaTime.FromMicroseconds(toUs));
}
