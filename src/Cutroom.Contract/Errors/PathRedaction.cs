using System.Text.RegularExpressions;

namespace Cutroom.Contract.Errors;

/// <summary>
/// Removes local paths from user-facing error text, leaving only file names: error messages
/// never contain local paths (docs/security.md, "responses never contain stack traces, local
/// paths or tokens"), and a file name is all a user needs to recognise the file.
/// </summary>
public static partial class PathRedaction
{
    /// <summary>
    /// Replaces every occurrence of the given paths (with or without a <c>file:</c> prefix), then
    /// any remaining absolute path of two or more segments, by the path's last segment.
    /// </summary>
    /// <param name="text">One line of error text (e.g. an ffmpeg stderr line).</param>
    /// <param name="knownPaths">Paths the text may name exactly (e.g. a command's arguments); entries that are not absolute paths are ignored.</param>
    /// <returns>The text with file names in place of paths.</returns>
    public static string Redact(string text, IEnumerable<string>? knownPaths = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var p in (knownPaths ?? [])
                     .Select(a => a.StartsWith("file:", StringComparison.Ordinal) ? a[5..] : a)
                     .Where(a => a.Length > 1 && a.StartsWith('/'))
                     .Distinct(StringComparer.Ordinal)
                     .OrderByDescending(a => a.Length))
        {
            var name = Path.GetFileName(p.TrimEnd('/'));
            text = text.Replace("file:" + p, name, StringComparison.Ordinal).Replace(p, name, StringComparison.Ordinal);
        }
        return AbsolutePath().Replace(text, m => Path.GetFileName(m.Groups["path"].Value.TrimEnd('/')));
    }

    // An absolute path: a slash not preceded by a word character, dot or colon (so "25/1",
    // "kb/s" and "a:/b" are left alone), at least one inner slash, optionally behind "file:".
    [GeneratedRegex(@"(?:(?<![\w.:])file:|(?<![\w.:]))(?<path>/(?:[^\s'""/]+/)+[^\s'""/,;]*)")]
    private static partial Regex AbsolutePath();
}
