using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Render;

/// <summary>
/// A video track's segments grouped into runs: segments that touch and are joined by a transition
/// play as one stream. Frames come from <see cref="TimelineClock"/>; the transition into segment
/// <c>i</c> occupies timeline frames <c>[Start_i, Start_i + TransitionFrames_i)</c>, where the
/// previous segment goes on under it (its "tail").
/// </summary>
internal static class TrackRuns
{
    /// <summary>One segment of a run.</summary>
    /// <param name="Segment">The segment.</param>
    /// <param name="Start">Its first own frame on the timeline.</param>
    /// <param name="Frames">Its own frames (without the tail under the next transition).</param>
    /// <param name="TransitionFrames">Frames of the transition into it (0 for the first of a run), clamped to both neighbours' lengths.</param>
    public readonly record struct Part(Segment Segment, long Start, long Frames, long TransitionFrames);

    /// <summary>Touching segments joined by transitions.</summary>
    public sealed class Run(long startFrame, bool isBottom)
    {
        /// <summary>The run's first timeline frame.</summary>
        public long StartFrame { get; } = startFrame;
        /// <summary>True on the bottom track when it is the base stream.</summary>
        public bool IsBottom { get; } = isBottom;
        /// <summary>Frames from <see cref="StartFrame"/> to the run's end.</summary>
        public long Frames { get; set; }
        /// <summary>The segments, in time order.</summary>
        public List<Part> Segments { get; } = [];
    }

    /// <summary>The runs of <paramref name="track"/>, in time order (segments of no frame are left out).</summary>
    public static List<Run> Of(TimelineClock clock, Track track, bool isBottom)
    {
        var runs = new List<Run>();
        Run? current = null;
        foreach (var seg in track.Segments.OrderBy(s => s.StartMs))
        {
            var start = clock.Frames(seg.StartMs);
            var own = clock.Frames(seg.EndMs) - start;
            if (own <= 0) continue;
            var joins = current is not null && seg.Meta.Transition is { DurationMs: > 0 } && current.StartFrame + current.Frames == start;
            if (joins)
            {
                var previousOwn = current!.Segments[^1].Frames;
                var t = Math.Clamp(clock.Frames(seg.Meta.Transition!.DurationMs), 1, Math.Min(own, previousOwn));
                current.Segments.Add(new(seg, start, own, t));
                current.Frames += own;
            }
            else
            {
                current = new Run(start, isBottom) { Frames = own };
                current.Segments.Add(new(seg, start, own, 0));
                runs.Add(current);
            }
        }
        return runs;
    }

    /// <summary>Every transition of every video track as timeline frames <c>[start, end)</c>: no render window may start or end strictly inside one.</summary>
    public static IEnumerable<(long Start, long End)> Transitions(TimelineClock clock, Draft draft) =>
        from track in draft.Tracks
        where track.Type == TrackType.Video
        from run in Of(clock, track, isBottom: false)
        from part in run.Segments
        where part.TransitionFrames > 0
        select (part.Start, part.Start + part.TransitionFrames);
}
