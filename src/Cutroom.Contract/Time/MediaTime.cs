using System.Globalization;

namespace Cutroom.Contract.Time;

/// <summary>
/// A point in time (or a duration) as an exact rational: <see cref="Value"/> units of
/// <see cref="TimeBase"/> seconds, like OpenTimelineIO's <c>RationalTime</c> (value, rate) with the
/// rate inverted. A frame of 30000/1001 video is <c>MediaTime(n, 1001/30000)</c>, a draft time is
/// <c>MediaTime(ms, 1/1000)</c>, an ffmpeg time is <c>MediaTime(µs, 1/1000000)</c>; they compare and
/// add exactly. Conversions to a coarser unit round half away from zero unless named otherwise
/// (<see cref="ToFrameIndex"/> floors: the frame shown at a time). The default value is zero.
/// </summary>
public readonly partial struct MediaTime : IEquatable<MediaTime>, IComparable<MediaTime>
{
    private static readonly Rational Milli = new(1, 1000);
    private static readonly Rational Micro = new(1, 1_000_000);
    private readonly Rational _timeBase;

    /// <summary>Creates <paramref name="value"/> units of <paramref name="timeBase"/> seconds.</summary>
    /// <param name="value">Units of the time base (a pts, a frame number, milliseconds).</param>
    /// <param name="timeBase">Seconds per unit; must be positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="timeBase"/> is not positive.</exception>
    public MediaTime(long value, Rational timeBase)
    {
        if (!timeBase.IsPositive) throw new ArgumentOutOfRangeException(nameof(timeBase), "a time base must be positive");
        Value = value;
        _timeBase = timeBase;
    }

    /// <summary>Units of <see cref="TimeBase"/>.</summary>
    public long Value { get; }

    /// <summary>Seconds per unit (1/1000 for milliseconds); 1/1000 for the default value.</summary>
    public Rational TimeBase => _timeBase.IsPositive ? _timeBase : Milli;

    /// <summary>Zero.</summary>
    public static MediaTime Zero => default;

    /// <summary>A time of whole milliseconds (the draft's unit).</summary>
    public static MediaTime FromMilliseconds(long milliseconds) => new(milliseconds, Milli);

    /// <summary>A time of whole microseconds (ffmpeg's <c>AV_TIME_BASE</c>).</summary>
    public static MediaTime FromMicroseconds(long microseconds) => new(microseconds, Micro);

    /// <summary>The time of frame <paramref name="frames"/> (or a duration of that many frames) at <paramref name="frameRate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the rate is not positive.</exception>
    public static MediaTime FromFrames(long frames, Rational frameRate) => new(frames, frameRate.Invert());

    /// <summary>A time in seconds, rounded to the microsecond (for values that come as decimals: a user's "1.5 s").</summary>
    public static MediaTime FromSeconds(double seconds) =>
        FromMicroseconds((long)Math.Round(seconds * 1_000_000, MidpointRounding.AwayFromZero));

    /// <summary>True when the time is below zero.</summary>
    public bool IsNegative => Value < 0;

    /// <summary>True when the time is above zero.</summary>
    public bool IsPositive => Value > 0;

    /// <summary>The time in seconds as a double, for display and scoring only.</summary>
    public double TotalSeconds => (double)Value * TimeBase.Num / TimeBase.Den;

    /// <summary>Whole milliseconds, rounded half away from zero.</summary>
    public long ToMilliseconds() => Rescale(Milli);

    /// <summary>Whole microseconds, rounded half away from zero.</summary>
    public long ToMicroseconds() => Rescale(Micro);

    /// <summary>The value in units of <paramref name="timeBase"/>, rounded half away from zero (a pts in a stream's time base).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the time base is not positive.</exception>
    public long Rescale(Rational timeBase)
    {
        if (!timeBase.IsPositive) throw new ArgumentOutOfRangeException(nameof(timeBase), "a time base must be positive");
        // value × tb / timeBase = value × tb.Num × timeBase.Den / (tb.Den × timeBase.Num)
        var num = (Int128)Value * TimeBase.Num * timeBase.Den;
        var den = (Int128)TimeBase.Den * timeBase.Num;
        var q = Int128.DivRem(num, den);
        var twice = Int128.Abs(q.Remainder) * 2;
        return (long)(twice >= den ? q.Quotient + Int128.Sign(num) : q.Quotient);
    }

    /// <summary>
    /// The index of the frame shown at this time at <paramref name="frameRate"/>, counting from 0 at
    /// time 0: the last frame that starts at or before it (floor).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the rate is not positive.</exception>
    public long ToFrameIndex(Rational frameRate)
    {
        if (!frameRate.IsPositive) throw new ArgumentOutOfRangeException(nameof(frameRate), "a frame rate must be positive");
        var num = (Int128)Value * TimeBase.Num * frameRate.Num;
        var den = (Int128)TimeBase.Den * frameRate.Den;
        var q = Int128.DivRem(num, den);
        return (long)(q.Remainder < 0 ? q.Quotient - 1 : q.Quotient);
    }

    /// <summary>The time as seconds for an ffmpeg argument (<c>12.345678</c>, invariant culture, to the microsecond).</summary>
    public string ToFFmpeg() => ToFFmpeg(ToMicroseconds());

    /// <summary>The time as <c>m:ss.fff</c> (or <c>h:mm:ss.fff</c>) for people.</summary>
    public string ToClock() => ToClock(ToMilliseconds());

    /// <summary>The smaller of two times.</summary>
    public static MediaTime Min(MediaTime a, MediaTime b) => a <= b ? a : b;

    /// <summary>The larger of two times.</summary>
    public static MediaTime Max(MediaTime a, MediaTime b) => a >= b ? a : b;

    /// <summary>The exact sum, in a time base both operands divide.</summary>
    public static MediaTime operator +(MediaTime a, MediaTime b)
    {
        var (x, y, tb) = Common(a, b);
        return new MediaTime(checked(x + y), tb);
    }

    /// <summary>The exact difference, in a time base both operands divide.</summary>
    public static MediaTime operator -(MediaTime a, MediaTime b)
    {
        var (x, y, tb) = Common(a, b);
        return new MediaTime(checked(x - y), tb);
    }

    /// <summary>The negated time.</summary>
    public static MediaTime operator -(MediaTime a) => new(-a.Value, a.TimeBase);

    /// <summary>Scales a duration by an integer (n frames of a frame duration).</summary>
    public static MediaTime operator *(MediaTime a, long factor) => new(checked(a.Value * factor), a.TimeBase);

    /// <summary>Compares exactly.</summary>
    public static bool operator <(MediaTime a, MediaTime b) => a.CompareTo(b) < 0;
    /// <summary>Compares exactly.</summary>
    public static bool operator >(MediaTime a, MediaTime b) => a.CompareTo(b) > 0;
    /// <summary>Compares exactly.</summary>
    public static bool operator <=(MediaTime a, MediaTime b) => a.CompareTo(b) <= 0;
    /// <summary>Compares exactly.</summary>
    public static bool operator >=(MediaTime a, MediaTime b) => a.CompareTo(b) >= 0;
    /// <summary>Equal when they are the same instant, whatever their time bases.</summary>
    public static bool operator ==(MediaTime a, MediaTime b) => a.Equals(b);
    /// <summary>Not the same instant.</summary>
    public static bool operator !=(MediaTime a, MediaTime b) => !a.Equals(b);

    /// <inheritdoc/>
    public int CompareTo(MediaTime other)
    {
        var left = (Int128)Value * TimeBase.Num * other.TimeBase.Den;
        var right = (Int128)other.Value * other.TimeBase.Num * TimeBase.Den;
        return left.CompareTo(right);
    }

    /// <inheritdoc/>
    public bool Equals(MediaTime other) => CompareTo(other) == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MediaTime t && Equals(t);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var seconds = new Rational(1, 1);
        try { seconds = new Rational(checked(Value * TimeBase.Num), TimeBase.Den); }
        catch (OverflowException) { return Value.GetHashCode(); }
        return seconds.GetHashCode();
    }

    /// <summary>The time in seconds with its exact form: <c>1.001 s (1001/1000)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{ToFFmpeg()} s ({Value}×{TimeBase})");

    private static (long A, long B, Rational TimeBase) Common(MediaTime a, MediaTime b)
    {
        if (a.TimeBase == b.TimeBase) return (a.Value, b.Value, a.TimeBase);
        // A base both divide: gcd of the numerators over lcm of the denominators.
        var num = Gcd(a.TimeBase.Num, b.TimeBase.Num);
        var den = checked(a.TimeBase.Den / Gcd(a.TimeBase.Den, b.TimeBase.Den) * b.TimeBase.Den);
        var tb = new Rational(num, den);
        return (checked(a.Value * (a.TimeBase.Num / num) * (den / a.TimeBase.Den)),
                checked(b.Value * (b.TimeBase.Num / num) * (den / b.TimeBase.Den)), tb);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
