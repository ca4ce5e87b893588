using Cutroom.FFmpeg.Graph;
using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Render;

/// <summary>
/// Composes the video tracks, bottom to top (the first video track is the bottom layer, as in
/// OpenTimelineIO), and draws the text tracks at their place in that order. Segments of a track
/// that touch and are joined by a transition form a run: one stream joined with <c>xfade</c>
/// (and <c>concat</c> where there is no transition). The bottom track, when every segment fills
/// the canvas, becomes the base stream itself with gaps filled by the background colour; every
/// other run is laid over the base with <c>overlay</c> at its time and place.
/// </summary>
internal static class VideoLayers
{
    public static GraphStream Compose(RenderGraph g, long totalFrames)
    {
        var draft = g.Draft;
        var videoTracks = draft.Tracks.Where(t => t.Type == TrackType.Video).ToList();
        var bottom = videoTracks.FirstOrDefault();
        GraphStream canvas;
        var bottomIsBase = bottom is not null && bottom.Segments.All(s => s.Meta.Scale is null or <= 0);
        canvas = bottomIsBase ? BottomBase(g, bottom!, totalFrames) : VideoSegmentChain.Gap(g, totalFrames);

        foreach (var track in draft.Tracks)
        {
            if (track.Type == TrackType.Video)
            {
                if (bottomIsBase && ReferenceEquals(track, bottom)) continue;
                foreach (var run in Runs(g, track, isBottom: false))
                    canvas = Overlay(g, canvas, run);
            }
            else if (track.Type == TrackType.Text)
            {
                canvas = TextLayer.Draw(g, canvas, track);
            }
        }
        return canvas;
    }

    private static GraphStream BottomBase(RenderGraph g, Track track, long totalFrames)
    {
        var items = new List<(GraphStream Stream, long Frames, long TransitionFrames, string? Type)>();
        long cursor = 0;
        foreach (var run in Runs(g, track, isBottom: true))
        {
            if (run.StartFrame > cursor) items.Add((VideoSegmentChain.Gap(g, run.StartFrame - cursor), run.StartFrame - cursor, 0, null));
            items.Add((Join(g, run), run.Frames, 0, null));
            cursor = run.StartFrame + run.Frames;
        }
        if (cursor < totalFrames) items.Add((VideoSegmentChain.Gap(g, totalFrames - cursor), totalFrames - cursor, 0, null));
        return JoinStreams(g, items);
    }

    private static GraphStream Overlay(RenderGraph g, GraphStream canvas, Run run)
    {
        var stream = Join(g, run).Then(Filters.SetPts($"PTS-STARTPTS+{RenderGraph.Num(run.StartFrame)}"));
        var first = run.Segments[0].Segment;
        var (x, y) = first.Meta.Scale is > 0
            ? Placement.OverlayXY(first.Meta, g.Width, g.Height)
            : ("(W-w)/2", "(H-h)/2");
        return g.Graph.Apply(Filters.Overlay(x, y, eofAction: "pass", repeatLast: false), canvas, stream)[0];
    }

    /// <summary>Joins a run's segments: <c>xfade</c> where a segment has a transition, <c>concat</c> otherwise.</summary>
    private static GraphStream Join(RenderGraph g, Run run)
    {
        var items = new List<(GraphStream, long, long, string?)>();
        for (var i = 0; i < run.Segments.Count; i++)
        {
            var (seg, own, transition) = run.Segments[i];
            var tail = i + 1 < run.Segments.Count ? run.Segments[i + 1].TransitionFrames : 0;
            var layout = SegmentLayout.For(seg, g.Width, run.IsBottom);
            var stream = VideoSegmentChain.Build(g, seg, own + tail, layout, alpha: !run.IsBottom);
            items.Add((stream, own, transition, seg.Meta.Transition?.Type));
        }
        return JoinStreams(g, items);
    }

    private static GraphStream JoinStreams(RenderGraph g, List<(GraphStream Stream, long Frames, long TransitionFrames, string? Type)> items)
    {
        var acc = items[0].Stream;
        var offset = items[0].Frames;
        for (var i = 1; i < items.Count; i++)
        {
            var (next, frames, transition, type) = items[i];
            acc = transition > 0
                ? g.Graph.Apply(Filters.XFade(g.Clock.Time(transition), g.Clock.Time(offset), type ?? TransitionTypes.Fade), acc, next)[0]
                : g.Graph.Apply(Filters.ConcatVideo(2), acc, next)[0];
            acc = acc.Then(Filters.SetTimeBase(g.Clock.Rate.Invert()));
            offset += frames;
        }
        return acc;
    }

    /// <summary>Groups a track's segments into runs of touching segments joined by transitions, in time order.</summary>
    /// <param name="g">The render being built.</param>
    /// <param name="track">The track.</param>
    /// <param name="isBottom">True for the bottom track when it is the base stream (its contained pictures are padded to the canvas).</param>
    private static List<Run> Runs(RenderGraph g, Track track, bool isBottom)
    {
        var runs = new List<Run>();
        Run? current = null;
        foreach (var seg in track.Segments.OrderBy(s => s.StartMs))
        {
            var start = g.Clock.Frames(seg.StartMs);
            var own = g.Clock.Frames(seg.EndMs) - start;
            if (own <= 0) continue;
            var joins = current is not null && seg.Meta.Transition is { DurationMs: > 0 } && current.StartFrame + current.Frames == start;
            if (joins)
            {
                var previousOwn = current!.Segments[^1].Frames;
                var t = Math.Clamp(g.Clock.Frames(seg.Meta.Transition!.DurationMs), 1, Math.Min(own, previousOwn));
                current.Segments.Add((seg, own, t));
                current.Frames += own;
            }
            else
            {
                current = new Run(start, isBottom) { Frames = own };
                current.Segments.Add((seg, own, 0));
                runs.Add(current);
            }
        }
        return runs;
    }

    private sealed class Run(long startFrame, bool isBottom)
    {
        public long StartFrame { get; } = startFrame;
        public bool IsBottom { get; } = isBottom;
        public long Frames { get; set; }
        public List<(Segment Segment, long Frames, long TransitionFrames)> Segments { get; } = [];
    }
}
