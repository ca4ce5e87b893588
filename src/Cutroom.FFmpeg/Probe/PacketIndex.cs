using Cutroom.Contract.Time;

namespace Cutroom.FFmpeg.Probe;

/// <summary>One video packet: its pts (stream time base), duration, keyframe flag and size.</summary>
/// <param name="Pts">Presentation timestamp in time-base ticks.</param>
/// <param name="Duration">Duration in ticks (0 when the container does not say).</param>
/// <param name="IsKeyframe">True when the container flags it as a keyframe (a random access point, as the container claims).</param>
/// <param name="Size">Compressed size in bytes (0 when unknown): a measure of how much work decoding it is.</param>
public readonly record struct PacketInfo(long Pts, long Duration, bool IsKeyframe, int Size = 0);

/// <summary>
/// The video packets of a file in presentation order: frame <c>n</c> of a decode from the start
/// is packet <c>n</c> here (one packet = one frame for the codecs Cutroom reads). Used to map
/// times to frame indices, to find the keyframe before a time, and to measure VFR.
/// </summary>
/// <param name="TimeBase">The video stream's time base.</param>
/// <param name="Packets">The packets sorted by pts.</param>
/// <param name="IsComplete">False when the scan stopped at its packet limit.</param>
public sealed record PacketIndex(Rational TimeBase, IReadOnlyList<PacketInfo> Packets, bool IsComplete)
{
    /// <summary>Number of packets (frames) listed.</summary>
    public int Count => Packets.Count;

    /// <summary>Presentation time of packet <paramref name="n"/>, exact, relative to the file's time zero (zero when the time base is unknown).</summary>
    public MediaTime PtsTime(int n) => TimeOf(Packets[n].Pts);

    /// <summary>Presentation time of packet <paramref name="n"/> in µs (rounded half away from zero), relative to the file's time zero.</summary>
    public long PtsUs(int n) => PtsTime(n).ToMicroseconds();

    /// <summary>The time of <paramref name="pts"/> ticks of this stream's time base (zero when the time base is unknown).</summary>
    public MediaTime TimeOf(long pts) => TimeBase.IsPositive ? new MediaTime(pts, TimeBase) : MediaTime.Zero;

    /// <summary>The frame shown at <paramref name="timeUs"/>: the last frame whose pts is at or before it (frame 0 before the first).</summary>
    public int FrameAt(long timeUs)
    {
        int lo = 0, hi = Packets.Count - 1, best = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (PtsUs(mid) <= timeUs) { best = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return best;
    }

    /// <summary>The index of the frame whose pts is <paramref name="pts"/> (ticks), or the frame shown at that time when no packet has it exactly.</summary>
    public int FrameOfPts(long pts)
    {
        for (var i = 0; i < Packets.Count; i++) if (Packets[i].Pts == pts) return i;
        return FrameAt(TimeOf(pts).ToMicroseconds());
    }

    /// <summary>The last frame at or before <paramref name="frame"/> that the container flags as a keyframe (0 when none).</summary>
    public int KeyframeAtOrBefore(int frame)
    {
        for (var i = Math.Min(frame, Packets.Count - 1); i >= 0; i--)
            if (Packets[i].IsKeyframe) return i;
        return 0;
    }

    /// <summary>Indices of all flagged keyframes.</summary>
    public IEnumerable<int> Keyframes => Enumerable.Range(0, Packets.Count).Where(i => Packets[i].IsKeyframe);

    /// <summary>
    /// True when the spacing of consecutive pts varies by more than 1 % of the median frame
    /// duration plus one tick (timestamp rounding), i.e. the frame rate is variable.
    /// </summary>
    public bool IsVariableFrameRate
    {
        get
        {
            if (Packets.Count < 3) return false;
            var deltas = new long[Packets.Count - 1];
            for (var i = 1; i < Packets.Count; i++) deltas[i - 1] = Packets[i].Pts - Packets[i - 1].Pts;
            var sorted = deltas.Order().ToArray();
            var median = sorted[sorted.Length / 2];
            var tolerance = Math.Max(1, median / 100) + 1;
            // Ignore the last delta (often short at the end of a stream).
            return deltas.Take(deltas.Length - 1).Any(d => Math.Abs(d - median) > tolerance);
        }
    }
}
