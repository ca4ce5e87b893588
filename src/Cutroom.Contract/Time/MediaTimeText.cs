using System.Globalization;

namespace Cutroom.Contract.Time;

// The text side of MediaTime: the strings ffmpeg reads, clocks for people, and parsing of user
// times. Every time handed to ffmpeg goes through ToFFmpeg so that the culture never leaks a
// decimal comma into an argument.
public readonly partial struct MediaTime
{
    /// <summary>Formats microseconds as seconds with microsecond precision, invariant culture (<c>12.345678</c>).</summary>
    public static string ToFFmpeg(long microseconds)
    {
        var sign = microseconds < 0 ? "-" : "";
        var abs = Math.Abs(microseconds);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / 1_000_000}.{abs % 1_000_000:D6}");
    }

    /// <summary>Formats milliseconds as <c>h:mm:ss.fff</c> (or <c>m:ss.fff</c> under an hour) for people.</summary>
    public static string ToClock(long milliseconds)
    {
        var t = TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
        return t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:D2}:{t.Seconds:D2}.{t.Milliseconds:D3}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:D2}.{t.Milliseconds:D3}");
    }

    /// <summary>
    /// Parses a user time into microseconds: seconds (<c>1.5</c>, <c>90s</c>, <c>250ms</c>, <c>2m</c>, <c>1h</c>)
    /// or a clock (<c>1:30</c>, <c>00:01:02.250</c>). Negative times are refused.
    /// </summary>
    /// <returns>False when the text is not a time.</returns>
    public static bool TryParse(string? text, out long microseconds)
    {
        microseconds = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim().ToLowerInvariant();
        decimal scale = 1_000_000m;
        if (s.EndsWith("ms", StringComparison.Ordinal)) { scale = 1_000m; s = s[..^2]; }
        else if (s.EndsWith('s')) { s = s[..^1]; }
        else if (s.EndsWith('m') && !s.Contains(':')) { scale = 60_000_000m; s = s[..^1]; }
        else if (s.EndsWith('h') && !s.Contains(':')) { scale = 3_600_000_000m; s = s[..^1]; }
        var parts = s.Split(':');
        if (parts.Length > 3 || (parts.Length > 1 && scale != 1_000_000m)) return false;
        decimal total = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0 || parts[i].StartsWith('-') || parts[i].StartsWith('+')) return false;
            if (!decimal.TryParse(parts[i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)) return false;
            if (i < parts.Length - 1 && v != decimal.Truncate(v)) return false;
            total = total * 60 + v;
        }
        var us = total * scale;
        if (us > long.MaxValue / 2) return false;
        microseconds = (long)decimal.Round(us, MidpointRounding.AwayFromZero);
        return true;
    }
}
