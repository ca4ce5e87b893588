using System.Globalization;
using System.Text.RegularExpressions;

namespace Cutroom.Engine.Frames;

/// <summary>
/// Reads the per-frame lines ffmpeg's <c>showinfo</c> filter logs at info level
/// (<c>[Parsed_showinfo_1 @ 0x..] n:   3 pts:  12800 pts_time:1 ...</c>) and collects each
/// frame's pts, in the order the frames reached the encoder.
/// </summary>
internal sealed partial class ShowInfoReader
{
    private readonly List<long> _pts = [];

    /// <summary>The pts (link time base ticks) of every frame seen, in order.</summary>
    public IReadOnlyList<long> Pts { get { lock (_pts) return [.. _pts]; } }

    /// <summary>Feeds one stderr line; ignores everything but showinfo's frame lines.</summary>
    public void Feed(string line)
    {
        if (!line.Contains("Parsed_showinfo_", StringComparison.Ordinal)) return;
        var m = FrameLine().Match(line);
        if (!m.Success) return;
        var pts = long.Parse(m.Groups["pts"].Value, CultureInfo.InvariantCulture);
        lock (_pts) _pts.Add(pts);
    }

    [GeneratedRegex(@"\bn:\s*\d+\s+pts:\s*(?<pts>-?\d+)\s+pts_time:")]
    private static partial Regex FrameLine();
}
