using Cutroom.Contract.Errors;
using Cutroom.Contract.Time;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;

namespace Cutroom.Engine.Frames;

/// <summary>
/// The part of a video a frame job looks at, resolved against its frame index: absolute
/// stream-clock times and the first and last frames inside [start, end).
/// </summary>
/// <param name="Start">The pts time of the first frame (stream clock).</param>
/// <param name="End">The end (exclusive, stream clock): the requested end, or just after the last frame's pts.</param>
/// <param name="FirstFrame">The first frame inside the range.</param>
/// <param name="LastFrame">The last frame inside the range.</param>
/// <param name="Index">The video's frame index.</param>
internal sealed record FrameRange(MediaTime Start, MediaTime End, int FirstFrame, int LastFrame, PacketIndex Index)
{
    /// <summary>How far before a requested start a frame still counts as inside (start times given rounded to the ms).</summary>
    private static readonly MediaTime StartTolerance = MediaTime.FromMicroseconds(500);

    /// <summary>The smallest step of the stream clock ffmpeg reads: the end after the last frame is its pts plus this.</summary>
    private static readonly MediaTime Tick = MediaTime.FromMicroseconds(1);

    /// <summary>Frames inside the range.</summary>
    public int FrameCount => LastFrame - FirstFrame + 1;

    /// <summary>Resolves request times (relative to the file start) into a range.</summary>
    /// <exception cref="JobInputException">
    /// <see cref="JobErrorCodes.OutOfRange"/> (field <c>start</c>) when the start is beyond the end of the video;
    /// <see cref="JobErrorCodes.NothingSelected"/> when the range holds no frame.
    /// </exception>
    public static FrameRange Resolve(MediaInfo info, PacketIndex index, MediaTime? start, MediaTime? end)
    {
        var duration = MediaTime.FromMilliseconds(info.DurationMs ?? 0);
        var fileStart = MediaTime.FromMicroseconds(info.StartTimeUs);
        if (start is { } s && duration.IsPositive && s >= duration)
            throw new JobInputException(JobErrorCodes.OutOfRange, JobFields.Start, $"{s.ToClock()} is beyond the end of the video ({duration.ToClock()})");
        var absStart = fileStart + (start ?? MediaTime.Zero) - StartTolerance;
        MediaTime? absEnd = end is { } e ? fileStart + e : null;
        var first = -1;
        var last = -1;
        for (var i = 0; i < index.Count; i++)
        {
            var t = index.PtsTime(i);
            if (t < absStart || (absEnd is { } limit && t >= limit)) continue;
            if (first < 0) first = i;
            last = i;
        }
        if (first < 0)
            throw new JobInputException(JobErrorCodes.NothingSelected, JobFields.Request,
                $"no frame lies between {(start ?? MediaTime.Zero).ToClock()} and {(end ?? duration).ToClock()}");
        return new FrameRange(index.PtsTime(first), absEnd ?? index.PtsTime(index.Count - 1) + Tick, first, last, index);
    }

    /// <summary>A <c>select</c> passing the frames whose pts lies in the range.</summary>
    public Filter PtsFilter() => Filters.SelectPtsBetween(Index.Packets[FirstFrame].Pts, Index.Packets[LastFrame].Pts);

    /// <summary>" between 0:01.000 and 0:02.000" when the range is not the whole file, else "".</summary>
    public string Describe(MediaInfo info)
    {
        if (FirstFrame == 0 && LastFrame == Index.Count - 1) return "";
        var fileStart = MediaTime.FromMicroseconds(info.StartTimeUs);
        return $" between {(Start - fileStart).ToClock()} and {(End - fileStart).ToClock()}";
    }
}
