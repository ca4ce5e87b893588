using Cutroom.Contract.Time;

namespace Cutroom.Contract.Tests.Time;

/// <summary>MediaTime as an exact rational value: comparisons and sums across time bases, and the rounding of each conversion.</summary>
[Trait("Tier", "Fast")]
public class MediaTimeValueTests
{
    private static readonly Rational Ntsc = new(30000, 1001);

    [Fact]
    public void Thirty_frames_of_ntsc_video_are_exactly_1001_milliseconds()
    {
        var thirty = MediaTime.FromFrames(30, Ntsc);
        Assert.Equal(1001, thirty.ToMilliseconds());
        Assert.Equal(1_001_000, thirty.ToMicroseconds());
        Assert.True(thirty == MediaTime.FromMilliseconds(1001));
        Assert.Equal(MediaTime.FromMilliseconds(1001).GetHashCode(), thirty.GetHashCode());
    }

    [Fact]
    public void One_ntsc_frame_lies_strictly_between_33_and_34_milliseconds_and_below_33367_microseconds()
    {
        var frame = MediaTime.FromFrames(1, Ntsc); // 33366.67 µs
        Assert.True(frame > MediaTime.FromMilliseconds(33));
        Assert.True(frame < MediaTime.FromMilliseconds(34));
        Assert.True(frame < MediaTime.FromMicroseconds(33_367));
        Assert.True(frame > MediaTime.FromMicroseconds(33_366));
        Assert.Equal(33_367, frame.ToMicroseconds());
    }

    [Fact]
    public void The_same_instant_in_three_time_bases_is_equal_and_hashes_alike()
    {
        var ms = MediaTime.FromMilliseconds(2000);
        var us = MediaTime.FromMicroseconds(2_000_000);
        var frames = MediaTime.FromFrames(50, new Rational(25, 1));
        Assert.Equal(ms, us);
        Assert.Equal(ms, frames);
        Assert.Equal(0, us.CompareTo(frames));
        Assert.Equal(ms.GetHashCode(), us.GetHashCode());
        Assert.Equal(ms.GetHashCode(), frames.GetHashCode());
    }

    [Fact]
    public void A_frame_time_plus_milliseconds_is_exact_in_a_base_both_divide()
    {
        var sum = MediaTime.FromFrames(1, Ntsc) + MediaTime.FromMilliseconds(1); // 1001/30000 + 30/30000
        Assert.Equal(new MediaTime(1031, new Rational(1, 30000)), sum);
        Assert.Equal(1031, sum.Value);
        Assert.Equal(new Rational(1, 30000), sum.TimeBase);
    }

    [Fact]
    public void Adding_a_thousand_ntsc_frames_one_by_one_does_not_drift()
    {
        var t = MediaTime.Zero;
        var frame = MediaTime.FromFrames(1, Ntsc);
        for (var i = 0; i < 1000; i++) t += frame;
        Assert.Equal(MediaTime.FromFrames(1000, Ntsc), t);
        Assert.Equal(frame * 1000, t);
        Assert.Equal(33_367, t.ToMilliseconds()); // 33366.666… ms
    }

    [Fact]
    public void Subtraction_and_negation_are_exact()
    {
        var d = MediaTime.FromMilliseconds(1000) - MediaTime.FromFrames(30, Ntsc);
        Assert.Equal(MediaTime.FromMilliseconds(-1), d);
        Assert.True(d.IsNegative);
        Assert.Equal(MediaTime.FromMilliseconds(1), -d);
        Assert.True((-d).IsPositive);
    }

    [Theory]
    [InlineData(1, 1)]      // 0.5 ms (units of 1/2000 s) → 1
    [InlineData(-1, -1)]    // -0.5 ms → -1
    [InlineData(3, 2)]      // 1.5 ms → 2
    [InlineData(-3, -2)]    // -1.5 ms → -2
    [InlineData(5, 3)]      // 2.5 ms → 3 (not to even)
    [InlineData(-5, -3)]
    [InlineData(2, 1)]
    [InlineData(-2, -1)]
    public void Rescale_to_milliseconds_rounds_half_away_from_zero(long halfMilliseconds, long milliseconds)
    {
        var t = new MediaTime(halfMilliseconds, new Rational(1, 2000));
        Assert.Equal(milliseconds, t.ToMilliseconds());
        Assert.Equal(milliseconds, t.Rescale(new Rational(1, 1000)));
    }

    [Theory]
    [InlineData(1499, 1)]
    [InlineData(1500, 2)]
    [InlineData(1501, 2)]
    [InlineData(-1499, -1)]
    [InlineData(-1500, -2)]
    [InlineData(-1501, -2)]
    [InlineData(0, 0)]
    public void Microseconds_to_milliseconds_round_half_away_from_zero(long microseconds, long milliseconds) =>
        Assert.Equal(milliseconds, MediaTime.FromMicroseconds(microseconds).ToMilliseconds());

    [Fact]
    public void Rescale_into_a_stream_time_base_rounds_to_the_nearest_tick()
    {
        var t = MediaTime.FromMilliseconds(1000);
        Assert.Equal(90_000, t.Rescale(new Rational(1, 90_000)));
        Assert.Equal(30, t.Rescale(Ntsc.Invert()));           // 29.97 frames → 30
        Assert.Equal(-30, (-t).Rescale(Ntsc.Invert()));
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Rescale(Rational.Unknown));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(33, 0)]          // before frame 1 (33.37 ms)
    [InlineData(34, 1)]
    [InlineData(1000, 29)]       // frame 30 starts at 1001 ms
    [InlineData(1001, 30)]       // exactly frame 30
    [InlineData(-1, -1)]         // floor, not toward zero
    [InlineData(-34, -2)]
    public void ToFrameIndex_floors_to_the_frame_shown(long milliseconds, long frame) =>
        Assert.Equal(frame, MediaTime.FromMilliseconds(milliseconds).ToFrameIndex(Ntsc));

    [Fact]
    public void A_frame_time_maps_back_to_its_own_index()
    {
        for (var n = 0; n < 200; n++) Assert.Equal(n, MediaTime.FromFrames(n, Ntsc).ToFrameIndex(Ntsc));
        Assert.Throws<ArgumentOutOfRangeException>(() => MediaTime.FromMilliseconds(1).ToFrameIndex(new Rational(0, 1)));
    }

    [Fact]
    public void The_default_is_zero_in_milliseconds()
    {
        Assert.Equal(MediaTime.FromMilliseconds(0), default);
        Assert.Equal(new Rational(1, 1000), MediaTime.Zero.TimeBase);
        Assert.False(MediaTime.Zero.IsPositive);
        Assert.False(MediaTime.Zero.IsNegative);
    }

    [Fact]
    public void A_time_base_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MediaTime(1, Rational.Unknown));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MediaTime(1, new Rational(-1, 1000)));
        Assert.Throws<ArgumentOutOfRangeException>(() => MediaTime.FromFrames(1, new Rational(0, 1)));
    }

    [Fact]
    public void Seconds_from_decimals_round_to_the_microsecond()
    {
        Assert.Equal(MediaTime.FromMilliseconds(1500), MediaTime.FromSeconds(1.5));
        Assert.Equal(MediaTime.FromMicroseconds(1), MediaTime.FromSeconds(0.0000005));
        Assert.Equal(MediaTime.FromMicroseconds(-1), MediaTime.FromSeconds(-0.0000005));
    }

    [Fact]
    public void Min_max_and_ordering_compare_across_time_bases()
    {
        var frame = MediaTime.FromFrames(1, Ntsc);
        var ms = MediaTime.FromMilliseconds(34);
        Assert.Equal(frame, MediaTime.Min(frame, ms));
        Assert.Equal(ms, MediaTime.Max(frame, ms));
        Assert.Equal([MediaTime.FromMilliseconds(-5), frame, ms], new[] { ms, MediaTime.FromMilliseconds(-5), frame }.Order());
        Assert.True(frame <= MediaTime.FromMicroseconds(33_367) && ms >= frame && frame != ms);
    }

    [Fact]
    public void Text_forms_are_invariant_and_exact()
    {
        Assert.Equal("0.033367", MediaTime.FromFrames(1, Ntsc).ToFFmpeg());
        Assert.Equal("-1.500000", MediaTime.FromMilliseconds(-1500).ToFFmpeg());
        Assert.Equal("1:02.250", MediaTime.FromMilliseconds(62_250).ToClock());
        Assert.Equal("1:00:00.000", MediaTime.FromSeconds(3600).ToClock());
        Assert.Equal("1.001000 s (30×1001/30000)", MediaTime.FromFrames(30, Ntsc).ToString());
    }
}
