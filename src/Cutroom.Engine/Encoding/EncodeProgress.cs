using Cutroom.FFmpeg.Process;

namespace Cutroom.Engine.Encoding;

/// <summary>
/// Forwards an ffmpeg run's progress fraction (from <c>-progress</c> with an expected duration)
/// to a job's 0..1 progress, optionally squeezed into a sub-range for jobs that run ffmpeg twice.
/// Reports on the reader thread, without a synchronisation-context hop.
/// </summary>
public sealed class EncodeProgress : IProgress<FFmpegProgress>
{
    private readonly IProgress<double>? _target;
    private readonly double _from;
    private readonly double _to;

    /// <summary>Creates the adapter.</summary>
    /// <param name="target">The job's progress (may be null: nothing is reported).</param>
    /// <param name="from">The job fraction this run starts at (0..1).</param>
    /// <param name="to">The job fraction this run ends at (0..1).</param>
    public EncodeProgress(IProgress<double>? target, double from = 0, double to = 1)
    {
        _target = target; _from = from; _to = to;
    }

    /// <inheritdoc/>
    public void Report(FFmpegProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Fraction is { } f) _target?.Report(_from + (_to - _from) * f);
    }
}
