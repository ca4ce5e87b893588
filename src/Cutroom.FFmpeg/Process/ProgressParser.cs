using System.Globalization;

namespace Cutroom.FFmpeg.Process;

/// <summary>
/// Parses ffmpeg's <c>-progress</c> output: blocks of <c>key=value</c> lines, each ending with
/// <c>progress=continue</c> or <c>progress=end</c> (ffmpeg documentation, "-progress url").
/// Feed it stdout lines; it returns a report at the end of every block.
/// </summary>
public sealed class ProgressParser
{
    private readonly long? _expectedDurationUs;
    private long _frame;
    private long _outTimeUs;
    private double? _speed;

    /// <summary>Creates a parser.</summary>
    /// <param name="expectedDurationUs">The output duration the run should reach (µs), to compute a fraction; null when unknown.</param>
    public ProgressParser(long? expectedDurationUs) =>
        _expectedDurationUs = expectedDurationUs is > 0 ? expectedDurationUs : null;

    /// <summary>Consumes one line; returns a report when the line closes a block, else null.</summary>
    public FFmpegProgress? Feed(string line)
    {
        var eq = line.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) return null;
        var key = line.AsSpan(0, eq).Trim();
        var value = line.AsSpan(eq + 1).Trim();
        switch (key)
        {
            case "frame":
                if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var f)) _frame = f;
                break;
            case "out_time_us":
            case "out_time_ms": // despite its name, ffmpeg writes microseconds here too
                if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var us) && us >= 0) _outTimeUs = us;
                break;
            case "speed":
                var v = value.TrimEnd('x');
                _speed = double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null;
                break;
            case "progress":
                var end = value.SequenceEqual("end");
                double? fraction = _expectedDurationUs is { } d
                    ? Math.Clamp((double)_outTimeUs / d, 0, 1)
                    : null;
                if (end) fraction = 1;
                return new FFmpegProgress(_frame, _outTimeUs, fraction, _speed, end);
        }
        return null;
    }
}
