using Cutroom.FFmpeg.Probe;

namespace Cutroom.Engine.Analysis;

/// <summary>
/// One part of the video that one ffmpeg process decodes in the exact analysis pass.
/// </summary>
/// <param name="StartFrame">First frame (presentation order) of the part: frame 0 or a keyframe.</param>
/// <param name="EndFrame">The next part's <see cref="StartFrame"/> (exclusive), or the frame count.</param>
/// <param name="SeekUs">Input seek (µs from the file's start) that lands the demuxer on <see cref="StartFrame"/>'s keyframe; null for the first part.</param>
/// <param name="DecodeFrames">Frames to decode (<c>-frames:v</c>): the part, the overlap the next part needs, and slack; null for the last part (to the end).</param>
/// <param name="OwnFromPts">This part's features are kept from this pts on (ticks); the frames before it (up to <see cref="VideoSegmentPlan.History"/> after <see cref="StartFrame"/>) come from the part before, which saw their history.</param>
/// <param name="StartUs">Presentation time of <see cref="StartFrame"/> (µs, stream clock), for progress.</param>
/// <param name="EndUs">Presentation time of <see cref="EndFrame"/> (µs, stream clock), for progress.</param>
internal sealed record VideoSegment(int StartFrame, int EndFrame, long? SeekUs, int? DecodeFrames, long OwnFromPts, long StartUs, long EndUs)
{
    /// <summary>Frames this part owns.</summary>
    public int Frames => EndFrame - StartFrame;
}

/// <summary>
/// Splits a video into parts that separate single-threaded ffmpeg processes decode side by side.
/// On two cores this beats one process with two frame threads: frame threading leaves cores idle
/// while a thread waits for the rows it references, and the scaling runs on ffmpeg's main thread
/// after decoding (measured in docs/benchmarks.md). Parts are of equal decoding work rather than equal
/// length (see <see cref="WorkBytesPerPixel"/>), start at keyframes, and each part decodes a few
/// frames into the next one so that every frame's differences to the four frames before it (the
/// flash test) are measured by one decoder.
/// </summary>
internal static class VideoSegmentPlan
{
    /// <summary>Frames of history a frame's features need: its difference to the frames up to four before it.</summary>
    public const int History = 4;

    /// <summary>Frames a part decodes past its end: the next part's first <see cref="History"/> frames and the three after them that their flash test looks at, plus slack for frames an open GOP shows before its keyframe.</summary>
    public const int Overlap = 16;

    /// <summary>
    /// How far after a keyframe's time the seek goes (µs): ffmpeg seeks 3/23 s early in files with
    /// B-frames (its "dts heuristic", fftools/ffmpeg_opt.c), so a seek to the keyframe's own time
    /// would land on the keyframe before. 131 ms later lands on it either way, as long as the next
    /// keyframe is at least <see cref="MinKeyframeGapUs"/> later.
    /// </summary>
    public const long SeekPastKeyframeUs = 131_000;

    /// <summary>A keyframe is used as a split only when the next keyframe is at least this far after it (1 s).</summary>
    public const long MinKeyframeGapUs = 1_000_000;

    /// <summary>
    /// The decoding work of a frame besides its compressed bytes, in bytes per pixel: H.264 decoding
    /// time here fits <c>1.0 ms per 1080p frame + 90 ms per MB of bitstream</c> (single thread, no
    /// loop filter, 2 parts of the known-cuts benchmark clip: 916 frames and 73 MB took 7.5 s, 1050
    /// frames and 53 MB 5.8 s), so a 1080p frame weighs like 11 KB of bitstream: 0.0053 bytes per pixel.
    /// Splitting by frames alone left one process working 1.7 s longer than the other.
    /// </summary>
    public const double WorkBytesPerPixel = 0.0053;

    /// <summary>
    /// Plans up to <paramref name="parts"/> parts of at least <paramref name="minFrames"/> frames,
    /// split at the usable keyframes nearest to equal shares of decoding work. One part (the whole
    /// video) when the video is short, has too few usable keyframes, or <paramref name="parts"/> is 1.
    /// </summary>
    /// <param name="index">The video's packets in presentation order.</param>
    /// <param name="startTimeUs">The file's start time (µs); ffmpeg's <c>-ss</c> counts from it.</param>
    /// <param name="parts">Processes to use (the cores available).</param>
    /// <param name="minFrames">Shortest part worth its own process.</param>
    /// <param name="pixels">Pixels per frame (width × height), for the work estimate.</param>
    public static IReadOnlyList<VideoSegment> Plan(PacketIndex index, long startTimeUs, int parts, int minFrames, long pixels = 0)
    {
        var count = index.Count;
        // work[i] = decoding work of frames [0, i).
        var work = new double[count + 1];
        var frameWork = Math.Max(1, pixels * WorkBytesPerPixel);
        for (var i = 0; i < count; i++) work[i + 1] = work[i] + index.Packets[i].Size + frameWork;
        parts = Math.Max(1, Math.Min(parts, count / Math.Max(1, minFrames)));
        var splits = new List<int>();
        if (parts > 1 && index.IsComplete)
        {
            var usable = UsableKeyframes(index).ToList();
            for (var s = 1; s < parts; s++)
            {
                var ideal = work[count] * s / parts;
                var previous = splits.Count > 0 ? splits[^1] : 0;
                var best = -1;
                foreach (var k in usable)
                {
                    if (k - previous < minFrames || count - k < minFrames) continue;
                    if (best < 0 || Math.Abs(work[k] - ideal) < Math.Abs(work[best] - ideal)) best = k;
                }
                if (best > 0) splits.Add(best);
            }
        }

        var bounds = new List<int> { 0 };
        bounds.AddRange(splits);
        bounds.Add(count);
        var segments = new List<VideoSegment>();
        for (var s = 0; s + 1 < bounds.Count; s++)
        {
            int start = bounds[s], end = bounds[s + 1];
            var last = s + 2 == bounds.Count;
            segments.Add(new VideoSegment(
                start, end,
                SeekUs: s == 0 ? null : Math.Max(0, index.PtsUs(start) - startTimeUs + SeekPastKeyframeUs),
                DecodeFrames: last ? null : end - start + Overlap,
                OwnFromPts: s == 0 ? long.MinValue : index.Packets[Math.Min(count - 1, start + History)].Pts,
                StartUs: index.PtsUs(start),
                EndUs: end < count ? index.PtsUs(end) : index.PtsUs(count - 1) + Math.Max(0, index.TimeBase.MultiplyRound(index.Packets[count - 1].Duration * 1_000_000))));
        }
        return segments;
    }

    /// <summary>
    /// A window of frames [<paramref name="from"/>, <paramref name="to"/>) to decode exactly, from the
    /// keyframe <paramref name="from"/> (decode it with an accurate seek: the seek goes to the keyframe's own time).
    /// </summary>
    public static VideoSegment Window(PacketIndex index, long startTimeUs, int from, int to) =>
        new(from, to,
            SeekUs: from == 0 ? null : Math.Max(0, index.PtsUs(from) - startTimeUs + SeekPastKeyframeUs),
            DecodeFrames: to - from,
            OwnFromPts: long.MinValue,
            StartUs: index.PtsUs(from),
            EndUs: index.PtsUs(Math.Min(to, index.Count - 1)));

    /// <summary>Keyframes (after frame 0) whose next keyframe is at least <see cref="MinKeyframeGapUs"/> later (or that are the last one).</summary>
    private static IEnumerable<int> UsableKeyframes(PacketIndex index)
    {
        var keys = index.Keyframes.ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] == 0) continue;
            var gap = i + 1 < keys.Count ? index.PtsUs(keys[i + 1]) - index.PtsUs(keys[i]) : long.MaxValue;
            if (gap >= MinKeyframeGapUs) yield return keys[i];
        }
    }
}
