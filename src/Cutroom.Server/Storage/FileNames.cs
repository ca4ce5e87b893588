using System.Text;

namespace Cutroom.Server.Storage;

/// <summary>Client file names as metadata: no folders, no control characters, no leading dots, at most 120 characters.</summary>
public static class FileNames
{
    /// <summary>The readable, harmless form of <paramref name="name"/> (<c>../../etc/passwd</c> → <c>passwd</c>).</summary>
    /// <param name="name">A client's file name.</param>
    public static string Sanitize(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault(p => p.Length > 0) ?? "";
        var sb = new StringBuilder(last.Length);
        foreach (var c in last)
            if (!char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')) sb.Append(c);
        var clean = sb.ToString().Trim().TrimStart('.');
        if (clean.Length > 120)
        {
            var ext = Path.GetExtension(clean);
            clean = clean[..(120 - Math.Min(ext.Length, 10))] + (ext.Length <= 10 ? ext : "");
        }
        return clean.Length == 0 ? "file" : clean;
    }
}
