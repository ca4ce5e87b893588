using System.Globalization;
using System.Text;

namespace Cutroom.Server.Storage;

/// <summary>
/// Client file names as metadata: no folders, no control characters, no format characters
/// (Unicode category Cf: the bidirectional overrides and isolates such as U+202E, which make
/// <c>\u202Egnp.exe.mp4</c> read as <c>mp4.exe.png</c>, zero-width characters, the BOM), no line or
/// paragraph separators, no ill-formed UTF-16, no leading dots, at most 120 characters.
/// </summary>
public static class FileNames
{
    /// <summary>The longest name kept (UTF-16 code units).</summary>
    public const int MaxLength = 120;

    /// <summary>The readable, harmless form of <paramref name="name"/> (<c>../../etc/passwd</c> → <c>passwd</c>; <c>file</c> when nothing is left).</summary>
    /// <param name="name">A client's file name.</param>
    public static string Sanitize(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault(p => p.Length > 0) ?? "";
        var sb = new StringBuilder(last.Length);
        foreach (var r in last.EnumerateRunes())
            if (Keeps(r)) sb.Append(r.ToString());
        var clean = sb.ToString().Trim().TrimStart('.');
        if (clean.Length > MaxLength)
        {
            var ext = Path.GetExtension(clean);
            clean = Cut(clean, MaxLength - Math.Min(ext.Length, 10)) + (ext.Length <= 10 ? ext : "");
        }
        return clean.Length == 0 ? "file" : clean;
    }

    /// <summary>Whether <paramref name="r"/> may stay in a name.</summary>
    private static bool Keeps(Rune r)
    {
        if (r == Rune.ReplacementChar) return false; // what EnumerateRunes makes of a lone surrogate
        if (r.IsAscii && r.Value is '"' or '<' or '>' or '|' or ':' or '*' or '?') return false;
        return Rune.GetUnicodeCategory(r) is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse);
    }

    /// <summary>The first at most <paramref name="length"/> code units of <paramref name="s"/>, never splitting a surrogate pair.</summary>
    private static string Cut(string s, int length) =>
        length < s.Length && char.IsHighSurrogate(s[length - 1]) ? s[..(length - 1)] : s[..length];
}
