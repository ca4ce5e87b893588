using System.Globalization;
using System.Text.RegularExpressions;

namespace Cutroom.Agent.Planning.BuiltIn.Text;

/// <summary>
/// Finds times in a normalised message (number words already digits) and replaces each with a
/// placeholder <c>«tN»</c>; the values are integer milliseconds. Understands clocks (<c>1:30</c>,
/// <c>00:01:30.5</c>, <c>10:00</c> = 10 min), numbers with units and their compounds (<c>90s</c>,
/// <c>1.5 seconds</c>, <c>1m30s</c>, <c>1 min 30</c>, <c>500ms</c>, <c>2-minute</c>, <c>1分30秒</c>,
/// <c>1分半</c>, <c>90秒</c>, <c>2分钟</c>, <c>半分钟</c>), ranges whose first number has no unit
/// (<c>15 and 40 seconds</c>, <c>10到20秒</c>), and words (<c>a minute and a half</c>,
/// <c>1 and a half minutes</c>, <c>half a minute</c>, <c>an hour</c>, <c>every second</c>).
/// A <c>第</c> before a time is dropped (<c>第10秒</c> is the time 10 s).
/// </summary>
internal static partial class Times
{
    private const string Unit = @"(?:ms|milliseconds?|millisecs?|毫秒|h|hrs?|hours?|小时|m|mins?|minutes?|分钟|分|s|secs?|seconds?|秒钟|秒)(?![a-z])";

    [GeneratedRegex(@"(?<![\d:.«r])第?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.(\d{1,3}))?(?![\d:])")]
    private static partial Regex Clock();

    [GeneratedRegex(@"(?:\ban? |\b1 )?(minute|hour) and a half\b|\b(\d+(?:\.\d+)?) and a half (minutes?|hours?|seconds?)\b|\bhalf an? (minute|hour)\b|半(分钟|小时)")]
    private static partial Regex Halves();

    [GeneratedRegex(@"(?<![\d.])第?(\d+)\s*分\s*半")]
    private static partial Regex ChineseHalf();

    [GeneratedRegex(@"(?<![\d.])第?(\d+(?:\.\d+)?)\s*(?:to|and|-|~|到|至)\s*(\d+(?:\.\d+)?)\s*-?\s*(" + Unit + ")")]
    private static partial Regex BareRange();

    [GeneratedRegex(@"(?<![\d.a-z])第?\d+(?:\.\d+)?\s*-?\s*" + Unit + @"(?:\s*(?:and\s+)?\d+(?:\.\d+)?\s*-?\s*" + Unit + ")*")]
    private static partial Regex Compound();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*-?\s*(" + Unit + ")")]
    private static partial Regex Part();

    [GeneratedRegex(@"\b(every|each) (second|minute|hour)\b(?! (?:frame|photo|image|picture|clip|video|one|caption|text|title|song|track))|\b(an?) (second|minute|hour)\b(?! (?:frame|photo|image|picture|clip|video|one|caption|text|title|song|track))")]
    private static partial Regex Single();

    [GeneratedRegex(@"(«t\d+»)\s*(\d{1,3})(?![\d.%:a-z])(?=\s*(?:$|[,.;]| to | and |-|到|至))")]
    private static partial Regex TrailingSeconds();

    /// <summary>The text with <c>«tN»</c> placeholders, and the times (ms) in order.</summary>
    public static (string Text, List<long> Times) Extract(string text)
    {
        var times = new List<long>();
        string Keep(double ms)
        {
            times.Add((long)Math.Round(ms));
            return $"«t{times.Count - 1}»";
        }
        text = Halves().Replace(text, m =>
        {
            if (m.Groups[1].Success) return Keep(Ms(1.5, m.Groups[1].Value));
            if (m.Groups[2].Success) return Keep(Ms(Num(m.Groups[2].Value) + 0.5, m.Groups[3].Value));
            return Keep(Ms(0.5, m.Groups[4].Success ? m.Groups[4].Value : m.Groups[5].Value));
        });
        text = Clock().Replace(text, m =>
        {
            var a = Num(m.Groups[1].Value);
            var b = Num(m.Groups[2].Value);
            var frac = m.Groups[4].Success ? Num("0." + m.Groups[4].Value) : 0;
            var seconds = m.Groups[3].Success ? a * 3600 + b * 60 + Num(m.Groups[3].Value) : a * 60 + b;
            return Keep((seconds + frac) * 1000);
        });
        text = ChineseHalf().Replace(text, m => Keep((Num(m.Groups[1].Value) * 60 + 30) * 1000));
        text = BareRange().Replace(text, m => Keep(Ms(Num(m.Groups[1].Value), m.Groups[3].Value)) + " to " + Keep(Ms(Num(m.Groups[2].Value), m.Groups[3].Value)));
        text = Compound().Replace(text, m => Keep(Part().Matches(m.Value).Sum(p => Ms(Num(p.Groups[1].Value), p.Groups[2].Value))));
        // "1 min 30": seconds without a unit after minutes.
        text = TrailingSeconds().Replace(text, m =>
        {
            var i = int.Parse(m.Groups[1].Value[2..^1], CultureInfo.InvariantCulture);
            if (times[i] % 60_000 != 0) return m.Value;
            times[i] += long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * 1000;
            return m.Groups[1].Value;
        });
        text = Single().Replace(text, m => m.Groups[1].Success ? m.Groups[1].Value + " " + Keep(Ms(1, m.Groups[2].Value)) : Keep(Ms(1, m.Groups[4].Value)));
        return (text, times);
    }

    private static double Num(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double Ms(double value, string unit)
    {
        unit = unit.Trim();
        if (unit is "ms" or "毫秒" || unit.StartsWith("milli", StringComparison.Ordinal)) return value;
        if (unit is "h" or "小时" || unit.StartsWith("hr", StringComparison.Ordinal) || unit.StartsWith("hour", StringComparison.Ordinal)) return value * 3_600_000;
        if (unit is "m" or "分" or "分钟" || unit.StartsWith("min", StringComparison.Ordinal)) return value * 60_000;
        return value * 1000;
    }
}
