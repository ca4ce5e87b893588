using Cutroom.Engine.Shots;

namespace Cutroom.Engine.Tests.Shots;

[Trait("Tier", "Fast")]
public class StillRangesTests
{
    /// <summary>Frames 40 ticks apart (25 fps on a 1/1000 clock) with the given black share and luma change.</summary>
    private static List<FrameFeatures> Frames(int count, Func<int, float> black, Func<int, float> delta) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var f = FrameFeatures.Empty(i * 40L);
            f.BlackShare = black(i);
            f.LumaDelta = i == 0 ? 0 : delta(i);
            return f;
        }).ToList();

    [Fact]
    public void A_black_run_of_at_least_the_minimum_is_reported_from_its_first_frame_to_the_frame_after()
    {
        var frames = Frames(100, i => i is >= 10 and < 20 ? 0.99f : i is >= 50 and < 52 ? 1f : 0.2f, _ => 5);
        var black = StillRanges.Black(frames, minTicks: 100);
        Assert.Equal([(400L, (long?)800L)], black);   // frames 10-19; the two frames at 50 last 80 ticks, under 100
    }

    [Fact]
    public void A_picture_held_still_is_frozen_from_the_frame_that_first_shows_it_and_to_the_end_when_it_lasts()
    {
        var frames = Frames(200, _ => 0, i => i is >= 21 and < 120 || i >= 150 ? 0.05f : 4f);
        var frozen = StillRanges.Frozen(frames, minTicks: 2000);
        // Frame 20 first shows the picture that frames 21-119 repeat; frames 149-199 are 2.04 s, to the end.
        Assert.Equal([(800L, (long?)4800L), (5960L, (long?)null)], frozen);
    }

    [Fact]
    public void A_slow_change_above_the_noise_floor_is_not_frozen()
    {
        var frames = Frames(200, _ => 0, _ => (float)StillRanges.FreezeNoise * 1.5f);
        Assert.Empty(StillRanges.Frozen(frames, minTicks: 2000));
    }
}
