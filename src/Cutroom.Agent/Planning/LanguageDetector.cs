namespace Cutroom.Agent.Planning;

/// <summary>The reply language of a message: <c>zh</c> when it holds Chinese characters (CJK unified ideographs), else <c>en</c>.</summary>
public static class LanguageDetector
{
    /// <summary>The session's language when set (<c>en</c>/<c>zh</c>), else detected from <paramref name="message"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="sessionLanguage">The session's language, if any.</param>
    public static string Detect(string message, string? sessionLanguage = null)
    {
        if (sessionLanguage is { } l && (l.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || l.StartsWith("en", StringComparison.OrdinalIgnoreCase)))
            return l[..2].ToLowerInvariant();
        return (message ?? "").Any(IsHan) ? "zh" : "en";
    }

    /// <summary>Whether <paramref name="c"/> is a CJK unified ideograph (U+4E00-U+9FFF or extension A).</summary>
    /// <param name="c">A character.</param>
    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
