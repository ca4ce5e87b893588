using System.Text.RegularExpressions;

namespace Cutroom.FFmpeg.Process;

/// <summary>
/// One stderr line of ffmpeg run with <c>-loglevel level+...</c>: an optional context
/// (<c>[h264 @ 0x55...]</c>), the level in brackets (<c>[error]</c>), and the text.
/// </summary>
/// <param name="Level">The level word: quiet, panic, fatal, error, warning, info, verbose, debug, trace; "" when absent.</param>
/// <param name="Component">The context's component name (<c>h264</c>, <c>Parsed_showinfo_1</c>), or null.</param>
/// <param name="Text">The message without context and level.</param>
public sealed partial record FFmpegLogLine(string Level, string? Component, string Text)
{
    /// <summary>True for error, fatal and panic lines.</summary>
    public bool IsError => Level is "error" or "fatal" or "panic";

    /// <summary>True for warning lines.</summary>
    public bool IsWarning => Level == "warning";

    /// <summary>Splits a stderr line into context, level and text.</summary>
    public static FFmpegLogLine Parse(string line)
    {
        var m = Pattern().Match(line);
        if (!m.Success) return new FFmpegLogLine("", null, line);
        var component = m.Groups["ctx"].Success ? m.Groups["ctx"].Value : null;
        var level = m.Groups["lvl"].Success ? m.Groups["lvl"].Value : "";
        return new FFmpegLogLine(level, component, line[m.Length..]);
    }

    [GeneratedRegex(@"^(?:\[(?<ctx>[^\]\s]+) @ 0x[0-9a-fA-F]+\] )?(?:\[(?<lvl>quiet|panic|fatal|error|warning|info|verbose|debug|trace)\] )?")]
    private static partial Regex Pattern();
}
