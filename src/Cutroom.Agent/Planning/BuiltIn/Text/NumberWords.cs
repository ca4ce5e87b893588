using System.Globalization;
using System.Text.RegularExpressions;

namespace Cutroom.Agent.Planning.BuiltIn.Text;

/// <summary>
/// Number words to digits. English: <c>ten</c> → 10, <c>twenty-five</c> → 25, <c>tenth</c> →
/// 10th, <c>a dozen</c> → 12, <c>a couple of</c> → 2, <c>N percent</c> → N% (<c>one</c> only
/// before a unit or noun, so "the second one" stays). Chinese: runs of 零一二两三…十百 before a
/// measure word or unit (秒 分 帧 张 个 段 倍 …) or after 第/前/每/每隔, <c>百分之三十</c> → 30%,
/// <c>一点五</c> → 1.5.
/// </summary>
internal static partial class NumberWords
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.Ordinal)
    {
        ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7, ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11,
        ["twelfth"] = 12, ["fifteenth"] = 15, ["twentieth"] = 20, ["thirtieth"] = 30, ["fiftieth"] = 50, ["hundredth"] = 100,
    };

    [GeneratedRegex(@"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|eight|nine)\b")]
    private static partial Regex Compound();

    [GeneratedRegex(@"\b(zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|fifteenth|twentieth|thirtieth|fiftieth|hundredth)\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"\bone(?=\s+(?:and a half|frames?|seconds?|secs?|minutes?|mins?|hours?|photos?|images?|pictures?|pics?|clips?|videos?|screenshots?|highlights?|moments?|per|every|in)\b)")]
    private static partial Regex One();

    [GeneratedRegex(@"\ba dozen\b")]
    private static partial Regex Dozen();

    [GeneratedRegex(@"\ba (?:couple|pair) of\b")]
    private static partial Regex Couple();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*(?:percent|per cent|pct)\b")]
    private static partial Regex Percent();

    [GeneratedRegex(@"百分之([零一二两三四五六七八九十百\d]+)")]
    private static partial Regex ChinesePercent();

    [GeneratedRegex(@"([零一二两三四五六七八九十]+)点([零一二三四五六七八九]+)(?=倍|秒|分)")]
    private static partial Regex ChineseDecimal();

    [GeneratedRegex(@"(?<=第|前|后|每|每隔|最后|后面|开头|只要|保留)[零一二两三四五六七八九十百]+|[零一二两三四五六七八九十百]+(?=\s*(?:秒|分|小时|帧|张|个|段|倍|幅|次|遍|行|页|位|部|条))")]
    private static partial Regex ChineseRun();

    public static string ToDigits(string text)
    {
        text = Compound().Replace(text, m => (Tens[m.Groups[1].Value] + Units[m.Groups[2].Value]).ToString(CultureInfo.InvariantCulture));
        text = Word().Replace(text, m =>
            Units.TryGetValue(m.Value, out var u) ? u.ToString(CultureInfo.InvariantCulture)
            : Tens.TryGetValue(m.Value, out var t) ? t.ToString(CultureInfo.InvariantCulture)
            : Ordinals[m.Value].ToString(CultureInfo.InvariantCulture) + "th");
        text = One().Replace(text, "1");
        text = Dozen().Replace(text, "12");
        text = Couple().Replace(text, "2");
        text = Percent().Replace(text, "$1%");
        text = ChinesePercent().Replace(text, m => Chinese(m.Groups[1].Value) + "%");
        text = ChineseDecimal().Replace(text, m => Chinese(m.Groups[1].Value) + "." + string.Concat(m.Groups[2].Value.Select(c => Chinese(c.ToString()))));
        text = ChineseRun().Replace(text, m => Chinese(m.Value));
        return text;
    }

    /// <summary>A Chinese (or digit) number: 十 10, 十五 15, 二十五 25, 两 2, 一百 100, 三百二十 320.</summary>
    public static string Chinese(string s)
    {
        if (s.All(char.IsAsciiDigit)) return s;
        long total = 0, current = 0;
        foreach (var c in s)
        {
            var d = "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (c == '两') d = 2;
            if (char.IsAsciiDigit(c)) d = c - '0';
            if (d >= 0) { current = current * 10 + d; continue; }
            var unit = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 1 };
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        }
        return (total + current).ToString(CultureInfo.InvariantCulture);
    }
}
