using System.Globalization;

namespace Cutroom.Contract.Time;

/// <summary>
/// An exact rational number of two 64-bit integers, used for frame rates and time bases
/// (30000/1001 stays exact; a <see cref="double"/> fps never enters time math).
/// The value is kept reduced with a positive denominator; <c>0/0</c> is <see cref="Unknown"/>,
/// the form ffprobe uses for "not known".
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(RationalJsonConverter))]
public readonly record struct Rational
{
    /// <summary>The numerator.</summary>
    public long Num { get; }

    /// <summary>The denominator (positive, or 0 for <see cref="Unknown"/>).</summary>
    public long Den { get; }

    /// <summary>Creates a reduced rational <paramref name="num"/>/<paramref name="den"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="den"/> is 0 and <paramref name="num"/> is not.</exception>
    public Rational(long num, long den)
    {
        if (den == 0)
        {
            if (num != 0) throw new ArgumentOutOfRangeException(nameof(den), "denominator must not be 0");
            Num = 0; Den = 0; return;
        }
        if (den < 0) { num = -num; den = -den; }
        var g = Gcd(Math.Abs(num), den);
        Num = num / g;
        Den = den / g;
    }

    /// <summary>The "unknown" value ffprobe writes as <c>0/0</c>.</summary>
    public static Rational Unknown => default;

    /// <summary>True when the value is known and greater than zero.</summary>
    public bool IsPositive => Den > 0 && Num > 0;

    /// <summary>The value as a double, for display and scoring only (NaN when unknown).</summary>
    public double ToDouble() => Den == 0 ? double.NaN : (double)Num / Den;

    /// <summary>The reciprocal (a frame rate to a frame duration, a time base to ticks per second).</summary>
    public Rational Invert() => Num == 0 ? Unknown : new Rational(Den, Num);

    /// <summary>Parses <c>"30000/1001"</c>, <c>"30000:1001"</c>, <c>"25"</c> or <c>"29.97"</c> (decimal, exact).</summary>
    /// <returns>False for empty, <c>N/A</c> or malformed text.</returns>
    public static bool TryParse(string? text, out Rational value)
    {
        value = Unknown;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var sep = text.IndexOfAny(['/', ':']);
        if (sep > 0)
        {
            if (!long.TryParse(text.AsSpan(0, sep), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ||
                !long.TryParse(text.AsSpan(sep + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var d))
                return false;
            if (d == 0) { value = Unknown; return n == 0; }
            value = new Rational(n, d);
            return true;
        }
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var dec)) return false;
        long den = 1;
        while (dec != decimal.Truncate(dec) && den < 1_000_000_000) { dec *= 10; den *= 10; }
        value = new Rational((long)decimal.Truncate(dec), den);
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/> and returns <see cref="Unknown"/> on failure.</summary>
    public static Rational ParseOrUnknown(string? text) => TryParse(text, out var r) ? r : Unknown;

    /// <summary>Multiplies an integer by this rational, rounding to the nearest integer (ties away from zero).</summary>
    public long MultiplyRound(long value) =>
        Den == 0 ? 0 : (long)Math.Round((decimal)value * Num / Den, MidpointRounding.AwayFromZero);

    /// <summary>Multiplies an integer by this rational, rounding toward negative infinity.</summary>
    public long MultiplyFloor(long value) =>
        Den == 0 ? 0 : (long)Math.Floor((decimal)value * Num / Den);

    /// <inheritdoc/>
    public override string ToString() =>
        Den == 0 ? "0/0" : string.Create(CultureInfo.InvariantCulture, $"{Num}/{Den}");

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a == 0 ? 1 : a;
    }
}
