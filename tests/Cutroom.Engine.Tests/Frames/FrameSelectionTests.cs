using Cutroom.Contract.Errors;
using Cutroom.Contract.Time;
using Cutroom.Engine.Frames;

namespace Cutroom.Engine.Tests.Frames;

[Trait("Tier", "Fast")]
public class FrameSelectionTests
{
    [Fact]
    public void Each_value_given_alone_becomes_its_selector()
    {
        Assert.Equal(new FrameSelector.Every(5), FrameSelection.From(every: 5));
        Assert.Equal(new FrameSelector.Rate(new Rational(30000, 1001)), FrameSelection.From(fps: new Rational(30000, 1001)));
        Assert.Equal(new FrameSelector.Interval(MediaTime.FromSeconds(10)), FrameSelection.From(interval: MediaTime.FromMilliseconds(10_000)));
        Assert.IsType<FrameSelector.Keyframes>(FrameSelection.From(keyframes: true));
        Assert.Equal(new FrameSelector.Count(3), FrameSelection.From(count: 3));
        var at = Assert.IsType<FrameSelector.At>(FrameSelection.From(at: [MediaTime.FromMilliseconds(1500)]));
        Assert.Equal([MediaTime.FromSeconds(1.5)], at.Times);
    }

    [Fact]
    public void Two_selectors_are_refused_and_none_takes_the_fallback_or_is_refused()
    {
        var two = Assert.Throws<JobInputException>(() => FrameSelection.From(every: 10, count: 3));
        Assert.Equal((JobErrorCodes.NotApplicable, JobFields.Request), (two.Code, two.Error.Field));
        var none = Assert.Throws<JobInputException>(() => FrameSelection.From());
        Assert.Equal((JobErrorCodes.Required, JobFields.Request), (none.Code, none.Error.Field));
        Assert.Equal(new FrameSelector.Keyframes(), FrameSelection.From(whenNone: new FrameSelector.Keyframes()));
        Assert.Equal(new FrameSelector.Every(2), FrameSelection.From(every: 2, whenNone: new FrameSelector.Keyframes()));
    }

    [Fact]
    public void Selectors_describe_themselves_in_words()
    {
        Assert.Equal("every 10th frame", new FrameSelector.Every(10).Describe());
        Assert.Equal("frames at 0:01.500, 1:02.250", new FrameSelector.At([MediaTime.FromMilliseconds(1500), MediaTime.FromMilliseconds(62_250)]).Describe());
        Assert.Equal("a frame every 2.5 s", new FrameSelector.Interval(MediaTime.FromMilliseconds(2500)).Describe());
    }
}
