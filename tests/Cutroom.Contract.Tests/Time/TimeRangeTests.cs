using Cutroom.Contract.Time;

namespace Cutroom.Contract.Tests.Time;

/// <summary>TimeRange: end-exclusive, built from a start and an end, compared exactly across time bases.</summary>
[Trait("Tier", "Fast")]
public class TimeRangeTests
{
    private static readonly Rational Ntsc = new(30000, 1001);

    private static TimeRange Ms(long start, long end) => TimeRange.FromMilliseconds(start, end);

    [Theory]
    [InlineData(1000, true)]
    [InlineData(1999, true)]
    [InlineData(2000, false)]   // the end is not in the range
    [InlineData(999, false)]
    public void Contains_includes_the_start_and_excludes_the_end(long ms, bool inside) =>
        Assert.Equal(inside, Ms(1000, 2000).Contains(MediaTime.FromMilliseconds(ms)));

    [Fact]
    public void Contains_compares_frame_times_exactly()
    {
        var range = TimeRange.FromStartEnd(MediaTime.Zero, MediaTime.FromFrames(30, Ntsc)); // [0, 1001 ms)
        Assert.True(range.Contains(MediaTime.FromMilliseconds(1000)));
        Assert.True(range.Contains(MediaTime.FromMicroseconds(1_000_999)));
        Assert.False(range.Contains(MediaTime.FromMilliseconds(1001)));
        Assert.False(range.Contains(MediaTime.FromMicroseconds(-1)));
    }

    [Theory]
    [InlineData(0, 1000, 1000, 2000, false)]  // touching ends
    [InlineData(1000, 2000, 0, 1000, false)]
    [InlineData(0, 1001, 1000, 2000, true)]
    [InlineData(0, 3000, 1000, 2000, true)]   // one inside the other
    [InlineData(0, 500, 1000, 2000, false)]
    public void Overlaps_needs_shared_time_and_touching_ends_do_not_overlap(long s1, long e1, long s2, long e2, bool overlaps)
    {
        Assert.Equal(overlaps, Ms(s1, e1).Overlaps(Ms(s2, e2)));
        Assert.Equal(overlaps, Ms(s2, e2).Overlaps(Ms(s1, e1)));
    }

    [Fact]
    public void Intersect_is_the_shared_time_or_null()
    {
        Assert.Equal(Ms(1000, 1500), Ms(0, 1500).Intersect(Ms(1000, 2000)));
        Assert.Equal(Ms(1000, 2000), Ms(0, 3000).Intersect(Ms(1000, 2000)));
        Assert.Null(Ms(0, 1000).Intersect(Ms(1000, 2000)));
        Assert.Null(Ms(0, 500).Intersect(Ms(1000, 2000)));
    }

    [Fact]
    public void Intersect_of_a_frame_range_and_a_millisecond_range_is_exact()
    {
        var frames = TimeRange.FromStartEnd(MediaTime.FromFrames(10, Ntsc), MediaTime.FromFrames(40, Ntsc));
        var cut = frames.Intersect(Ms(0, 1001))!.Value;
        Assert.Equal(MediaTime.FromFrames(10, Ntsc), cut.Start);
        Assert.Equal(MediaTime.FromFrames(30, Ntsc), cut.End);
        Assert.Equal(MediaTime.FromFrames(20, Ntsc), cut.Duration);
    }

    [Fact]
    public void FromStartEnd_refuses_an_end_before_the_start()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeRange.FromStartEnd(MediaTime.FromMilliseconds(2000), MediaTime.FromMilliseconds(1999)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeRange.FromMilliseconds(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeRange.FromStartEnd(MediaTime.FromMilliseconds(1001), MediaTime.FromFrames(30, Ntsc) - MediaTime.FromMicroseconds(1)));
    }

    [Fact]
    public void An_equal_start_and_end_is_an_empty_range_that_contains_nothing()
    {
        var empty = TimeRange.FromStartEnd(MediaTime.FromMilliseconds(1001), MediaTime.FromFrames(30, Ntsc));
        Assert.True(empty.IsEmpty);
        Assert.False(empty.Contains(MediaTime.FromMilliseconds(1001)));
        Assert.False(Ms(0, 10).IsEmpty);
    }

    [Fact]
    public void End_is_start_plus_duration_and_prints_as_clocks()
    {
        var r = new TimeRange(MediaTime.FromMilliseconds(10_000), MediaTime.FromFrames(600, new Rational(30, 1)));
        Assert.Equal(MediaTime.FromMilliseconds(30_000), r.End);
        Assert.Equal("0:10.000–0:30.000", r.ToString());
    }
}
