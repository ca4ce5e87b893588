using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Probe;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Frames;

/// <summary>
/// The part of a video a frame job looks at, resolved against its frame index: absolute
/// stream-clock times (µs) and the first and last frames inside [start, end).
/// </summary>
internal sealed record FrameRange(long StartUs, long EndUs, int FirstFrame, int LastFrame, PacketIndex Index)
{
    /// <summary>Frames inside the range.</summary>
    public int FrameCount => LastFrame - FirstFrame + 1;

    /// <summary>Resolves user times (relative to the file start) into a range.</summary>
    /// <exception cref="JobInputException">When the start is beyond the end or the range holds no frame.</exception>
    public static FrameRange Resolve(MediaInfo info, PacketIndex index, long? startUs, long? endUs)
    {
        var durationUs = (info.DurationMs ?? 0) * 1000;
        if (startUs is { } s && durationUs > 0 && s >= durationUs)
            throw new JobInputException($"--start {MediaTime.ToClock(MediaTime.UsToMs(s))} is beyond the end of the video ({MediaTime.ToClock(info.DurationMs ?? 0)})");
        var absStart = info.StartTimeUs + (startUs ?? 0);
        var absEnd = endUs is { } e ? info.StartTimeUs + e : long.MaxValue;
        var first = -1;
        var last = -1;
        for (var i = 0; i < index.Count; i++)
        {
            var t = index.PtsUs(i);
            if (t < absStart - 500 || t >= absEnd) continue; // 0.5 ms tolerance for rounded start times
            if (first < 0) first = i;
            last = i;
        }
        if (first < 0) throw new JobInputException($"no frame lies between {MediaTime.ToClock(MediaTime.UsToMs(startUs ?? 0))} and {MediaTime.ToClock(MediaTime.UsToMs(endUs ?? durationUs))}");
        var end = endUs is null ? index.PtsUs(index.Count - 1) + 1 : absEnd;
        return new FrameRange(index.PtsUs(first), end, first, last, index);
    }

    /// <summary>A select expression passing frames whose pts lies in the range (stream time-base ticks).</summary>
    public string PtsFilter()
    {
        var from = Index.Packets[FirstFrame].Pts;
        var to = Index.Packets[LastFrame].Pts;
        return $"between(pts,{from},{to})";
    }

    /// <summary>" between 0:01.000 and 0:02.000" when the range is not the whole file, else "".</summary>
    public string Describe(MediaInfo info) =>
        FirstFrame == 0 && LastFrame == Index.Count - 1 ? "" : $" between {MediaTime.ToClock(MediaTime.UsToMs(StartUs - info.StartTimeUs))} and {MediaTime.ToClock(MediaTime.UsToMs(EndUs - info.StartTimeUs))}";
}
