using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Probe;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Trim;

/// <summary>
/// The source frames a trim keeps, decided once from the packet index so that every mode cuts at
/// the same frames: the first is the frame shown at the start time (the last frame whose pts is at
/// or before it), and the range keeps the requested length from that frame's pts on, i.e. the
/// frames whose pts lies in [<see cref="StartUs"/>, <see cref="StartUs"/> + (to - from)).
/// Times here are absolute stream times (µs, as the packets carry them); <see cref="OriginUs"/> is
/// the container's start time that user times are counted from.
/// </summary>
public sealed record TrimWindow
{
    /// <summary>The container start time (µs) that user times are relative to.</summary>
    public required long OriginUs { get; init; }
    /// <summary>Index of the first kept frame.</summary>
    public required int FirstFrame { get; init; }
    /// <summary>Index one past the last kept frame.</summary>
    public required int EndFrame { get; init; }
    /// <summary>The keyframe at or before <see cref="FirstFrame"/> (the container's flag).</summary>
    public required int Keyframe { get; init; }
    /// <summary>Absolute pts of the first kept frame (µs).</summary>
    public required long StartUs { get; init; }
    /// <summary>Absolute end of the last kept frame (µs): the next frame's pts, or the last frame's pts plus its duration.</summary>
    public required long EndUs { get; init; }
    /// <summary>Absolute pts of <see cref="Keyframe"/> (µs).</summary>
    public required long KeyframeUs { get; init; }
    /// <summary>
    /// Lower bound for a time-based <c>trim</c> filter (µs): halfway between the previous frame and the first kept frame,
    /// so that timestamp rounding cannot add or drop a frame; null when the window starts at frame 0.
    /// </summary>
    public long? TrimStartUs { get; init; }
    /// <summary>Upper bound for a time-based <c>trim</c> filter (µs): halfway between the last kept frame and the next; null at the end of the stream.</summary>
    public long? TrimEndUs { get; init; }

    /// <summary>Number of kept frames.</summary>
    public int FrameCount => EndFrame - FirstFrame;
    /// <summary>Length of the window (µs).</summary>
    public long DurationUs => EndUs - StartUs;

    /// <summary>Decides the window for [<paramref name="fromUs"/>, <paramref name="toUs"/>) (µs from the start of the file).</summary>
    /// <param name="info">The probed source.</param>
    /// <param name="index">The source's video packets.</param>
    /// <param name="fromUs">Requested start (µs from the file start).</param>
    /// <param name="toUs">Requested end, exclusive (µs from the file start).</param>
    /// <exception cref="JobInputException">When the end is not after the start (a usage error), a time is beyond the end of the file, or the file has no frames.</exception>
    /// <exception cref="MediaProbeException">When the file's duration is unknown.</exception>
    public static TrimWindow Plan(MediaInfo info, PacketIndex index, long fromUs, long toUs)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(index);
        var name = Path.GetFileName(info.Path);
        if (fromUs < 0 || toUs < 0) throw new JobInputException("times must not be negative", isUsage: true);
        if (toUs <= fromUs)
            throw new JobInputException($"the end ({Seconds(toUs)}) must be after the start ({Seconds(fromUs)})", isUsage: true);
        var durationUs = Common.MediaGuard.RequireDurationUs(info);
        if (fromUs >= durationUs)
            throw new JobInputException($"the start {Seconds(fromUs)} is beyond the end of '{name}' ({Seconds(durationUs)} long)");
        if (toUs > durationUs)
            throw new JobInputException($"the end {Seconds(toUs)} is beyond the end of '{name}' ({Seconds(durationUs)} long)");
        if (index.Count == 0) throw new JobInputException($"'{name}' has no video frames to cut");

        var origin = info.StartTimeUs;
        var first = index.FrameAt(origin + fromUs);
        var startUs = index.PtsUs(first);
        var windowEnd = startUs + (toUs - fromUs);
        var last = Math.Max(first, index.FrameAt(windowEnd - 1));
        var end = last + 1;
        var endUs = end < index.Count ? index.PtsUs(end) : index.PtsUs(last) + FrameDurationUs(info, index, last);
        var key = index.KeyframeAtOrBefore(first);
        return new TrimWindow
        {
            OriginUs = origin,
            FirstFrame = first,
            EndFrame = end,
            Keyframe = key,
            StartUs = startUs,
            EndUs = endUs,
            KeyframeUs = index.PtsUs(key),
            TrimStartUs = first == 0 ? null : Midpoint(index.PtsUs(first - 1), startUs),
            TrimEndUs = end >= index.Count ? null : Midpoint(index.PtsUs(last), endUs),
        };
    }

    /// <summary>Converts an absolute stream time (µs) to ms from the file start.</summary>
    public long ToFileMs(long absoluteUs) => MediaTime.UsToMs(absoluteUs - OriginUs);

    private static long FrameDurationUs(MediaInfo info, PacketIndex index, int frame)
    {
        var ticks = index.Packets[frame].Duration;
        if (ticks > 0 && index.TimeBase.IsPositive) return index.TimeBase.MultiplyRound(ticks * 1_000_000);
        var rate = info.Video?.FrameRate ?? Rational.Unknown;
        return rate.IsPositive ? rate.Invert().MultiplyRound(1_000_000) : 40_000;
    }

    private static long Midpoint(long a, long b) => a + (b - a) / 2;

    private static string Seconds(long us) => MediaTime.ToFFmpeg(us).TrimEnd('0').TrimEnd('.') + " s";
}
