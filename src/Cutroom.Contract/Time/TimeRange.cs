namespace Cutroom.Contract.Time;

/// <summary>
/// A span of time, end-exclusive: <c>[Start, Start + Duration)</c>, as OpenTimelineIO's
/// <c>TimeRange</c> (a source range in the media, a timeline range on a track, the available range
/// of a file). An empty range has a zero duration.
/// </summary>
/// <param name="Start">The first instant in the range.</param>
/// <param name="Duration">How long it is; never negative.</param>
public readonly record struct TimeRange(MediaTime Start, MediaTime Duration)
{
    /// <summary>The first instant after the range.</summary>
    public MediaTime End => Start + Duration;

    /// <summary>The range from <paramref name="start"/> up to (not including) <paramref name="end"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="end"/> is before <paramref name="start"/>.</exception>
    public static TimeRange FromStartEnd(MediaTime start, MediaTime end) =>
        end < start ? throw new ArgumentOutOfRangeException(nameof(end), "a range cannot end before it starts") : new(start, end - start);

    /// <summary>The range of whole milliseconds <c>[startMs, endMs)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the end is before the start.</exception>
    public static TimeRange FromMilliseconds(long startMs, long endMs) =>
        FromStartEnd(MediaTime.FromMilliseconds(startMs), MediaTime.FromMilliseconds(endMs));

    /// <summary>True when the duration is zero.</summary>
    public bool IsEmpty => !Duration.IsPositive;

    /// <summary>True when <paramref name="time"/> is at or after the start and before the end.</summary>
    public bool Contains(MediaTime time) => time >= Start && time < End;

    /// <summary>True when the two ranges share some time (touching ends do not overlap).</summary>
    public bool Overlaps(TimeRange other) => Start < other.End && other.Start < End;

    /// <summary>The time both ranges cover, or null when they do not overlap.</summary>
    public TimeRange? Intersect(TimeRange other)
    {
        var start = MediaTime.Max(Start, other.Start);
        var end = MediaTime.Min(End, other.End);
        return end > start ? FromStartEnd(start, end) : null;
    }

    /// <summary>The range as <c>0:10.000–0:30.000</c> for people.</summary>
    public override string ToString() => $"{Start.ToClock()}–{End.ToClock()}";
}
