using Cutroom.Contract.Time;

namespace Cutroom.Contract.Tests.Time;

[Trait("Tier", "Fast")]
public class RationalTests
{
    [Theory]
    [InlineData("30000/1001", 30000, 1001)]
    [InlineData("60/2", 30, 1)]
    [InlineData("16:9", 16, 9)]
    [InlineData("29.97", 2997, 100)]
    [InlineData("25", 25, 1)]
    public void Parses_ffprobe_forms_exactly(string text, long num, long den)
    {
        Assert.True(Rational.TryParse(text, out var r));
        Assert.Equal(new Rational(num, den), r);
    }

    [Fact]
    public void Zero_over_zero_is_unknown_and_not_positive()
    {
        Assert.True(Rational.TryParse("0/0", out var r));
        Assert.Equal(Rational.Unknown, r);
        Assert.False(r.IsPositive);
        Assert.True(double.IsNaN(r.ToDouble()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("N/A")]
    [InlineData("3/x")]
    public void Malformed_text_is_refused(string text) => Assert.False(Rational.TryParse(text, out _));

    [Fact]
    public void Frame_time_of_ntsc_rate_rounds_once()
    {
        var frameUs = new Rational(30000, 1001).Invert();
        Assert.Equal(33367, frameUs.MultiplyRound(1_000_000)); // 1001/30000 s = 33366.67 µs
    }
}
