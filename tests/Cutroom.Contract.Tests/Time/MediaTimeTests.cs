using Cutroom.Contract.Time;

namespace Cutroom.Contract.Tests.Time;

[Trait("Tier", "Fast")]
public class MediaTimeTests
{
    [Theory]
    [InlineData("1.5", 1_500_000)]
    [InlineData("00:01:02.250", 62_250_000)]
    [InlineData("1:30", 90_000_000)]
    [InlineData("90s", 90_000_000)]
    [InlineData("250ms", 250_000)]
    [InlineData("2m", 120_000_000)]
    [InlineData("1h", 3_600_000_000)]
    [InlineData("10s", 10_000_000)]
    public void Parses_user_times(string text, long expectedUs)
    {
        Assert.True(MediaTime.TryParse(text, out var us));
        Assert.Equal(expectedUs, us);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1:2:3:4")]
    [InlineData("1.5:00")]
    [InlineData("")]
    public void Refuses_non_times(string text) => Assert.False(MediaTime.TryParse(text, out _));

    [Fact]
    public void Formats_for_ffmpeg_in_invariant_culture()
    {
        Assert.Equal("62.250000", MediaTime.ToFFmpeg(62_250_000));
        Assert.Equal("0.000001", MediaTime.ToFFmpeg(1));
        Assert.Equal("1:02.250", MediaTime.ToClock(62_250));
    }
}
