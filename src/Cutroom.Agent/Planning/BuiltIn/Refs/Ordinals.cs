using System.Globalization;
using System.Text.RegularExpressions;
using Cutroom.Agent.Planning.BuiltIn.Text;

namespace Cutroom.Agent.Planning.BuiltIn.Refs;

/// <summary>The kinds of thing a user names: photos, clips, any segment.</summary>
internal enum Noun
{
    None,
    Photo,
    Clip,
    Segment,
    Video,
}

/// <summary>
/// Ordinal references: "the second photo", "photo 4", "the last clip", "第二张图片" (第2张),
/// "最后一段", "clip #3". Index 0 is the first, -1 the last.
/// </summary>
internal static partial class Ordinals
{
    private const string Nouns = @"(?<noun>photos?|images?|pictures?|pics?|stills?|clips?|videos?|segments?|parts?|shots?|ones?|items?|captions?|subtitles?|texts?|titles?)";

    [GeneratedRegex(@"\b(?<ord>first|second|third|last|final|(?<n>\d+)(?:st|nd|rd|th))\s+(?:(?:\w+)\s+)?" + Nouns + @"\b")]
    private static partial Regex English();

    [GeneratedRegex(@"\b" + Nouns + @"\s*(?:#|no\.?|number)?\s*(?<n>\d+)(?![\d:%])(?!\s*(?:x|fps|th|st|nd|rd|p\b|frames?))")]
    private static partial Regex NounNumber();

    [GeneratedRegex(@"第(?<n>\d+)(?<m>张|个|段|幅|条|部)?(?<noun>视频|片段|图片|照片|图|段|张|个)?|最后(?:1)?(?<m>张|个|段|幅|条)(?<noun>视频|片段|图片|照片|图)?|最后(?<noun>一张|一段|一个)")]
    private static partial Regex Chinese();

    /// <summary>Every ordinal reference in the clause, in order: index (0-based, -1 last), noun, position.</summary>
    public static List<(int Index, Noun Noun, int Position)> All(Clause c)
    {
        var found = new List<(int, Noun, int)>();
        foreach (Match m in English().Matches(c.Text))
        {
            var ord = m.Groups["ord"].Value;
            var index = ord switch
            {
                "first" => 0,
                "second" => 1,
                "third" => 2,
                "last" or "final" => -1,
                _ => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) - 1,
            };
            found.Add((index, NounOf(m.Groups["noun"].Value), m.Index));
        }
        foreach (Match m in NounNumber().Matches(c.Text))
            found.Add((int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) - 1, NounOf(m.Groups["noun"].Value), m.Index));
        foreach (Match m in Chinese().Matches(c.Text))
        {
            var index = m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) - 1 : -1;
            var noun = m.Groups["noun"].Value switch
            {
                "视频" => Noun.Clip,
                "图片" or "照片" or "图" or "张" or "一张" => Noun.Photo,
                "片段" or "段" or "一段" => Noun.Segment,
                _ => m.Groups["m"].Value == "张" ? Noun.Photo : m.Groups["m"].Value == "段" ? Noun.Segment : Noun.None,
            };
            found.Add((index, noun, m.Index));
        }
        return [.. found.OrderBy(f => f.Item3)];
    }

    public static Noun NounOf(string word) => word.TrimEnd('s') switch
    {
        "photo" or "image" or "picture" or "pic" or "still" => Noun.Photo,
        "clip" or "shot" => Noun.Clip,
        "video" => Noun.Video,
        "segment" or "part" or "item" => Noun.Segment,
        _ => Noun.None,
    };
}
