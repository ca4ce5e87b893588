using Cutroom.Engine.Render;

namespace Cutroom.Engine.Tests.Render;

[Trait("Tier", "Fast")]
public class TimelineClockTests
{
    [Theory]
    [InlineData(24)]
    [InlineData(25)]
    [InlineData(30)]
    [InlineData(60)]
    public void Frames_and_frame_times_round_halves_away_from_zero_as_the_documented_rule_says(int fps)
    {
        var clock = new TimelineClock(fps);
        for (long ms = 0; ms <= 5000; ms += 7)
            Assert.Equal((long)Math.Round(ms * (decimal)fps / 1000m, MidpointRounding.AwayFromZero), clock.Frames(ms));
        for (long frame = 0; frame <= 500; frame++)
            Assert.Equal((long)Math.Round(frame * 1_000_000m / fps, MidpointRounding.AwayFromZero), clock.FrameToUs(frame));
        Assert.Equal(clock.FrameToUs(61), clock.Time(61).ToMicroseconds());
    }
}
