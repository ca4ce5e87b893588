using Cutroom.Engine.Analysis;
using Cutroom.FFmpeg.Probe;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Tests.Analysis;

[Trait("Tier", "Fast")]
public class VideoSegmentPlanTests
{
    /// <summary>A 25 fps index (time base 1/12800, 512 ticks a frame) with keyframes where <paramref name="key"/> says and sizes from <paramref name="size"/>.</summary>
    private static PacketIndex Index(int frames, Func<int, bool> key, Func<int, int>? size = null) =>
        new(new Rational(1, 12800), Enumerable.Range(0, frames).Select(i => new PacketInfo(i * 512L, 512, key(i), size?.Invoke(i) ?? 5000)).ToList(), true);

    [Fact]
    public void Two_parts_of_even_work_meet_at_the_middle_keyframe_and_the_first_decodes_into_the_second()
    {
        var plan = VideoSegmentPlan.Plan(Index(1000, i => i % 50 == 0), startTimeUs: 0, parts: 2, minFrames: 150, pixels: 320 * 240);

        Assert.Equal(2, plan.Count);
        Assert.Equal((0, 500), (plan[0].StartFrame, plan[0].EndFrame));
        Assert.Equal((500, 1000), (plan[1].StartFrame, plan[1].EndFrame));
        Assert.Null(plan[0].SeekUs);
        Assert.Equal(500 + VideoSegmentPlan.Overlap, plan[0].DecodeFrames);
        Assert.Equal(20_000_000 + VideoSegmentPlan.SeekPastKeyframeUs, plan[1].SeekUs);   // frame 500 at 25 fps is 20 s
        Assert.Null(plan[1].DecodeFrames);
        Assert.Equal(504 * 512L, plan[1].OwnFromPts);   // the first four frames' history is in the first part
        Assert.Equal(40_000_000, plan[1].EndUs);
    }

    [Fact]
    public void Heavy_frames_move_the_split_towards_them()
    {
        // The first 300 frames carry ten times the bytes: equal work ends near frame 300 + a little.
        var plan = VideoSegmentPlan.Plan(Index(1000, i => i % 50 == 0, i => i < 300 ? 50_000 : 5000), 0, 2, 150, 320 * 240);
        Assert.Equal(2, plan.Count);
        Assert.InRange(plan[1].StartFrame, 150, 250);
    }

    [Fact]
    public void The_seek_counts_from_the_file_start()
    {
        var plan = VideoSegmentPlan.Plan(Index(1000, i => i % 50 == 0), startTimeUs: 1_400_000, parts: 2, minFrames: 150, pixels: 320 * 240);
        Assert.Equal(20_000_000 - 1_400_000 + VideoSegmentPlan.SeekPastKeyframeUs, plan[1].SeekUs);
    }

    [Fact]
    public void Short_videos_and_keyframes_too_close_together_are_one_part()
    {
        Assert.Single(VideoSegmentPlan.Plan(Index(280, i => i % 50 == 0), 0, 2, 150));          // two parts would be under 150 frames
        Assert.Single(VideoSegmentPlan.Plan(Index(1000, _ => true), 0, 2, 150));               // intra-only: a seek could land a frame off
        Assert.Single(VideoSegmentPlan.Plan(Index(1000, i => i % 50 == 0), 0, 1, 150));          // one core
        var whole = Assert.Single(VideoSegmentPlan.Plan(Index(1000, i => i == 0), 0, 4, 150));  // a single GOP
        Assert.Equal((0, 1000, (int?)null, (long?)null), (whole.StartFrame, whole.EndFrame, whole.DecodeFrames, whole.SeekUs));
    }

    [Fact]
    public void Three_parts_use_three_keyframes_in_order()
    {
        var plan = VideoSegmentPlan.Plan(Index(1500, i => i % 50 == 0), 0, 3, 150, 320 * 240);
        Assert.Equal([0, 500, 1000], plan.Select(p => p.StartFrame));
        Assert.Equal([500, 1000, 1500], plan.Select(p => p.EndFrame));
    }
}
