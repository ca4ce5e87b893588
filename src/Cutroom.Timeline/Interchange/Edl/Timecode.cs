using System.Globalization;

namespace Cutroom.Timeline.Interchange.Edl;

/// <summary>Non-drop-frame SMPTE timecode <c>HH:MM:SS:FF</c> at a whole frame rate (the draft's fps are integers).</summary>
public static class Timecode
{
    /// <summary>The timecode of frame <paramref name="frame"/> (≥ 0) at <paramref name="fps"/>.</summary>
    public static string Of(long frame, int fps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        ArgumentOutOfRangeException.ThrowIfLessThan(fps, 1);
        var ff = frame % fps;
        var seconds = frame / fps;
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:00}:{seconds / 60 % 60:00}:{seconds % 60:00}:{ff:00}");
    }

    /// <summary>The frame of a timecode <c>HH:MM:SS:FF</c> (also <c>;</c> before the frames) at <paramref name="fps"/>.</summary>
    /// <returns>False when the text is not a timecode or its frames are not below the rate.</returns>
    public static bool TryParse(string? text, int fps, out long frame)
    {
        frame = 0;
        var parts = text?.Replace(';', ':').Split(':');
        if (parts is not { Length: 4 }) return false;
        var n = new long[4];
        for (var i = 0; i < 4; i++)
            if (!long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out n[i])) return false;
        if (n[1] > 59 || n[2] > 59 || n[3] >= fps) return false;
        frame = ((n[0] * 60 + n[1]) * 60 + n[2]) * fps + n[3];
        return true;
    }
}
