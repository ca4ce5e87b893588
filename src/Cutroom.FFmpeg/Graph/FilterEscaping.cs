using System.Text;

namespace Cutroom.FFmpeg.Graph;

/// <summary>
/// The two escaping levels of an ffmpeg filter graph, applied in ONE place (ffmpeg-filters(1),
/// "Notes on filtergraph escaping"): an option value is escaped for the filter's option parser
/// (<c>\ ' :</c>), then the whole filter description is escaped for the graph parser
/// (<c>\ ' [ ] , ;</c>). Nothing else in Cutroom escapes filter text.
/// </summary>
public static class FilterEscaping
{
    /// <summary>Level 1: escapes an option value for <c>av_opt_set_from_string</c> (characters <c>\ ' :</c>).</summary>
    public static string EscapeOptionValue(string value) => Escape(value, "\\':");

    /// <summary>Level 2: escapes a filter's argument text for the graph parser (characters <c>\ ' [ ] , ;</c>).</summary>
    public static string EscapeForGraph(string filterArguments) => Escape(filterArguments, "\\'[],;");

    private static string Escape(string value, string special)
    {
        if (value.AsSpan().IndexOfAny(special) < 0) return value;
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (special.Contains(c, StringComparison.Ordinal)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
