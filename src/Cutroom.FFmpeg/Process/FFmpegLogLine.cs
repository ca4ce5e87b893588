namespace Cutroom.FFmpeg.Process;

/// <summary>
/// One stderr line of ffmpeg run with <c>-loglevel level+LEVEL</c>, split into its parts. ffmpeg
/// writes <c>[component @ 0xADDRESS] [level] text</c> for messages from a component (a decoder,
/// a demuxer) and <c>[level] text</c> for its own (libavutil/log.c, <c>format_line</c>).
/// </summary>
/// <param name="Component">The component's name (<c>h264</c>, <c>mov,mp4,m4a,3gp,3g2,mj2</c>), without its address; null for ffmpeg's own lines.</param>
/// <param name="Level">The level word (<c>error</c>, <c>warning</c>, <c>fatal</c>...), or null when the line has none.</param>
/// <param name="Text">The message itself.</param>
public sealed record FFmpegLogLine(string? Component, string? Level, string Text)
{
    private static readonly HashSet<string> Levels = new(StringComparer.Ordinal)
        { "quiet", "panic", "fatal", "error", "warning", "info", "verbose", "debug", "trace" };

    /// <summary>True for <c>error</c>, <c>fatal</c> and <c>panic</c> lines.</summary>
    public bool IsError => Level is "error" or "fatal" or "panic";

    /// <summary>True for <c>warning</c> lines.</summary>
    public bool IsWarning => Level == "warning";

    /// <summary>The message with its component (<c>h264: decode_slice_header error</c>), for people.</summary>
    public string Display => Component is null ? Text : $"{Component}: {Text}";

    /// <summary>Splits <paramref name="line"/>; parts that are absent are null, the rest is <see cref="Text"/>.</summary>
    public static FFmpegLogLine Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string? component = null, level = null;
        var rest = line.AsSpan();
        // At most one component prefix and one level prefix, in either order.
        for (var i = 0; i < 2 && rest.StartsWith("["); i++)
        {
            var close = rest.IndexOf(']');
            if (close < 0) break;
            var inner = rest[1..close];
            var at = inner.IndexOf(" @ ");
            if (component is null && at > 0)
                component = inner[..at].ToString();
            else if (level is null && Levels.Contains(inner.ToString()))
                level = inner.ToString();
            else
                break;
            rest = rest[(close + 1)..].TrimStart();
        }
        return new FFmpegLogLine(component, level, rest.ToString());
    }
}
