using System.Globalization;
using Cutroom.Contract.Time;

namespace Cutroom.FFmpeg.Graph;

// The filters of the frame jobs (frames, thumbnail, contact sheet): the select expressions that
// pick frames, and the concat that gathers labelled tiles before tile. Expressions use the
// variables of ffmpeg-filters(1), "select, aselect" (n, t, prev_t, pts); values are invariant.
public static partial class Filters
{
    /// <summary>
    /// <c>select</c> of the frames whose pts lies in [<paramref name="firstPts"/>, <paramref name="lastPts"/>]
    /// (ticks of the stream's time base, both ends included): <c>between(pts,first,last)</c>
    /// (ffmpeg-filters(1), "select"; "Expression Evaluation", <c>between</c>).
    /// </summary>
    /// <param name="firstPts">The first pts passed, in stream time-base ticks.</param>
    /// <param name="lastPts">The last pts passed, in stream time-base ticks.</param>
    public static Filter SelectPtsBetween(long firstPts, long lastPts) =>
        Select(string.Create(CultureInfo.InvariantCulture, $"between(pts,{firstPts},{lastPts})"));

    /// <summary>
    /// <c>select</c> of every <paramref name="step"/>th frame reaching the filter, the first one
    /// first: <c>not(mod(n,step))</c>, where <c>n</c> counts the frames the filter has seen from 0
    /// (ffmpeg-filters(1), "select").
    /// </summary>
    /// <param name="step">Frames between two frames passed, 1 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="step"/> is below 1.</exception>
    public static Filter SelectEveryNth(int step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        return Select(string.Create(CultureInfo.InvariantCulture, $"not(mod(n,{step}))"));
    }

    /// <summary>
    /// <c>select</c> of <paramref name="framesPerSecond"/> frames per second of video counted from
    /// <paramref name="from"/>: the first frame, then each frame for which
    /// <c>floor((t − from) × rate)</c> differs from that of the frame before it (<c>prev_t</c>), i.e.
    /// for each instant <c>from + k / rate</c> the first frame at or after it
    /// (ffmpeg-filters(1), "select": <c>n</c>, <c>t</c>, <c>prev_t</c>).
    /// </summary>
    /// <param name="framesPerSecond">Frames per second, exact; written as <c>(num/den)</c>.</param>
    /// <param name="from">The instant the count starts at, on the clock of <c>t</c> (seconds to the microsecond).</param>
    /// <exception cref="ArgumentOutOfRangeException">When the rate is not positive.</exception>
    public static Filter SelectRate(Rational framesPerSecond, MediaTime from)
    {
        if (!framesPerSecond.IsPositive) throw new ArgumentOutOfRangeException(nameof(framesPerSecond), "a frame rate must be positive");
        var start = from.ToFFmpeg();
        var rate = string.Create(CultureInfo.InvariantCulture, $"({framesPerSecond.Num}/{framesPerSecond.Den})");
        return Select($"eq(n,0)+gt(floor((t-{start})*{rate}),floor((prev_t-{start})*{rate}))");
    }

    /// <summary>
    /// The most terms ffmpeg's expression evaluator takes in one flat sum: a sum of 101 terms fails
    /// to parse ("Error while parsing expression"; measured with ffmpeg 5.1, libavutil/eval.c).
    /// </summary>
    public const int MaxFlatSumTerms = 100;

    /// <summary>
    /// <c>select</c> of the frames whose pts is one of <paramref name="pts"/> (stream time-base
    /// ticks): <c>eq(pts,a)+eq(pts,b)+…</c> (ffmpeg-filters(1), "select"). Above
    /// <see cref="MaxFlatSumTerms"/> terms the sum is nested in balanced halves,
    /// <c>(…)+(…)</c>, so that ffmpeg parses it (checked up to 10000 terms).
    /// </summary>
    /// <param name="pts">The pts to pass, at least one.</param>
    /// <exception cref="ArgumentException">When <paramref name="pts"/> is empty.</exception>
    public static Filter SelectPts(IEnumerable<long> pts)
    {
        ArgumentNullException.ThrowIfNull(pts);
        var terms = pts.Select(p => string.Create(CultureInfo.InvariantCulture, $"eq(pts,{p})")).ToList();
        if (terms.Count == 0) throw new ArgumentException("at least one pts is needed", nameof(pts));
        return Select(terms.Count <= MaxFlatSumTerms ? string.Join('+', terms) : BalancedSum(terms));
    }

    /// <summary>A sum of <paramref name="terms"/> as halves in parentheses down to flat sums of at most 32 terms.</summary>
    private static string BalancedSum(IReadOnlyList<string> terms)
    {
        if (terms.Count <= 32) return string.Join('+', terms);
        var half = terms.Count / 2;
        return "(" + BalancedSum([.. terms.Take(half)]) + ")+(" + BalancedSum([.. terms.Skip(half)]) + ")";
    }
}
