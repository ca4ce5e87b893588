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

    /// <summary>Decides the window for [<paramref name="start"/>, <paramref name="end"/>) (from the start of the file).</summary>
    /// <param name="info">The probed source.</param>
    /// <param name="index">The source's video packets.</param>
    /// <param name="start">Requested start, from the file start; not negative (<see cref="TrimRequest.Validate"/>).</param>
    /// <param name="end">Requested end, exclusive, from the file start; after <paramref name="start"/>.</param>
    /// <exception cref="JobInputException">Code <c>out_of_range</c> (field <c>start</c> or <c>end</c>) when a time is past the end of the file; <c>unsupported_media</c> when the file has no frames.</exception>
    /// <exception cref="MediaProbeException">When the file's duration is unknown.</exception>
    public static TrimWindow Plan(MediaInfo info, PacketIndex index, MediaTime start, MediaTime end)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(index);
        var name = Path.GetFileName(info.Path);
        var duration = Common.MediaGuard.RequireDuration(info);
        var pastEnd = new JobErrorList();
        if (start >= duration)
            pastEnd.Add(JobErrorCodes.OutOfRange, JobFields.Start, $"{Common.TimeWords.Seconds(start)} is beyond the end of '{name}' ({Common.TimeWords.Seconds(duration)} long)");
        if (end > duration)
            pastEnd.Add(JobErrorCodes.OutOfRange, JobFields.End, $"{Common.TimeWords.Seconds(end)} is beyond the end of '{name}' ({Common.TimeWords.Seconds(duration)} long)");
        pastEnd.ThrowIfAny();
        if (index.Count == 0) throw new JobInputException(JobErrorCodes.UnsupportedMedia, JobFields.Input, $"'{name}' has no video frames to cut");
        long fromUs = start.ToMicroseconds(), toUs = end.ToMicroseconds();

        var origin = info.StartTimeUs;
        var first = index.FrameAt(origin + fromUs);
        var startUs = index.PtsUs(first);
        var windowEnd = startUs + (toUs - fromUs);
        var last = Math.Max(first, index.FrameAt(windowEnd - 1));
        var endFrame = last + 1;
        var endUs = endFrame < index.Count ? index.PtsUs(endFrame) : index.PtsUs(last) + FrameDurationUs(info, index, last);
        var key = index.KeyframeAtOrBefore(first);
        return new TrimWindow
        {
            OriginUs = origin,
            FirstFrame = first,
            EndFrame = endFrame,
            Keyframe = key,
            StartUs = startUs,
            EndUs = endUs,
            KeyframeUs = index.PtsUs(key),
            TrimStartUs = first == 0 ? null : Midpoint(index.PtsUs(first - 1), startUs),
            TrimEndUs = endFrame >= index.Count ? null : Midpoint(index.PtsUs(last), endUs),
        };
    }

    /// <summary>Converts an absolute stream time (µs) to ms from the file start.</summary>
    public long ToFileMs(long absoluteUs) => MediaTime.FromMicroseconds(absoluteUs - OriginUs).ToMilliseconds();

    private static long FrameDurationUs(MediaInfo info, PacketIndex index, int frame)
    {
        var ticks = index.Packets[frame].Duration;
        if (ticks > 0 && index.TimeBase.IsPositive) return new MediaTime(ticks, index.TimeBase).ToMicroseconds();
        var rate = info.Video?.FrameRate ?? Rational.Unknown;
        return (rate.IsPositive ? MediaTime.FromFrames(1, rate) : MediaTime.FromFrames(1, new Rational(25, 1))).ToMicroseconds();
    }

    private static long Midpoint(long a, long b) => a + (b - a) / 2;
}
