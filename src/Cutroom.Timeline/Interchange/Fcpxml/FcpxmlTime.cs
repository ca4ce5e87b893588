using Cutroom.Contract.Time;

namespace Cutroom.Timeline.Interchange.Fcpxml;

/// <summary>FCPXML's time values: rational seconds with an <c>s</c>, <c>0s</c>, <c>5s</c>, <c>151/30s</c>.</summary>
public static class FcpxmlTime
{
    /// <summary>The time of <paramref name="frames"/> frames at <paramref name="fps"/> frames per second, reduced.</summary>
    public static string Of(long frames, int fps)
    {
        var r = new Rational(frames, fps);
        return r.Num == 0 ? "0s" : r.Den == 1 ? $"{r.Num}s" : $"{r.Num}/{r.Den}s";
    }

    /// <summary>Reads an FCPXML time (<c>151/30s</c>, <c>5s</c>, <c>0s</c>) as an exact rational number of seconds.</summary>
    /// <returns>False when the text is not an FCPXML time.</returns>
    public static bool TryParse(string? text, out Rational seconds)
    {
        seconds = Rational.Unknown;
        if (text is null || !text.EndsWith('s')) return false;
        var body = text[..^1];
        if (body == "0") { seconds = new Rational(0, 1); return true; }
        return Rational.TryParse(body, out seconds) && seconds.Den > 0;
    }
}
