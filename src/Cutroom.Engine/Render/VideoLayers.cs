using Cutroom.FFmpeg.Graph;
using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Render;

/// <summary>
/// Composes the video tracks, bottom to top (the first video track is the bottom layer, as in
/// OpenTimelineIO), and draws the text tracks at their place in that order, for the frames of the
/// render's <see cref="RenderGraph.Window"/> only. Segments of a track that touch and are joined by a
/// transition form a run (<see cref="TrackRuns"/>): one stream joined with <c>xfade</c> (and
/// <c>concat</c> where there is no transition). The bottom track, when every segment fills the
/// canvas, becomes the base stream itself with gaps filled by the background colour; every other run
/// is laid over the base with <c>overlay</c> at its time and place. A window never starts or ends
/// inside a transition (<see cref="Chunks.RenderChunkPlanner"/> cuts outside them), so each transition is
/// either wholly in the window or wholly out of it.
/// </summary>
internal static class VideoLayers
{
    /// <summary>The composed picture of the window: exactly <c>g.Window.Count</c> frames, timestamps from 0.</summary>
    public static GraphStream Compose(RenderGraph g)
    {
        var draft = g.Draft;
        var window = g.Window;
        var videoTracks = draft.Tracks.Where(t => t.Type == TrackType.Video).ToList();
        var bottom = videoTracks.FirstOrDefault();
        var bottomIsBase = bottom is not null && bottom.Segments.All(s => s.Meta.Scale is null or <= 0);
        var canvas = bottomIsBase ? BottomBase(g, bottom!) : VideoSegmentChain.Gap(g, window.Count);

        foreach (var track in draft.Tracks)
        {
            if (track.Type == TrackType.Video)
            {
                if (bottomIsBase && ReferenceEquals(track, bottom)) continue;
                foreach (var run in TrackRuns.Of(g.Clock, track, isBottom: false))
                    if (Join(g, run) is { } joined) canvas = Overlay(g, canvas, joined, run);
            }
            else if (track.Type == TrackType.Text)
            {
                canvas = TextLayer.Draw(g, canvas, track);
            }
        }
        return canvas;
    }

    private static GraphStream BottomBase(RenderGraph g, Track track)
    {
        var window = g.Window;
        var items = new List<JoinItem>();
        var cursor = window.First;
        foreach (var run in TrackRuns.Of(g.Clock, track, isBottom: true))
        {
            if (Join(g, run) is not { } joined) continue;
            if (joined.First > cursor) items.Add(new(VideoSegmentChain.Gap(g, joined.First - cursor), cursor, 0, null));
            items.Add(new(joined.Stream, joined.First, 0, null));
            cursor = joined.End;
        }
        if (cursor < window.End) items.Add(new(VideoSegmentChain.Gap(g, window.End - cursor), cursor, 0, null));
        return JoinStreams(g, items);
    }

    private static GraphStream Overlay(RenderGraph g, GraphStream canvas, Joined joined, TrackRuns.Run run)
    {
        var stream = joined.Stream.Then(Filters.SetPts($"PTS-STARTPTS+{RenderGraph.Num(joined.First - g.Window.First)}"));
        var first = run.Segments[0].Segment;
        var (x, y) = first.Meta.Scale is > 0
            ? Placement.OverlayXY(first.Meta, g.Width, g.Height)
            : ("(W-w)/2", "(H-h)/2");
        return g.Graph.Apply(Filters.Overlay(x, y, eofAction: "pass", repeatLast: false), canvas, stream)[0];
    }

    /// <summary>
    /// Joins the part of a run inside the window: each segment's span (its own frames plus the next
    /// segment's transition) clipped to the window, <c>xfade</c> where a segment's transition is in the
    /// window, <c>concat</c> otherwise. Null when the run has no frame in the window.
    /// </summary>
    private static Joined? Join(RenderGraph g, TrackRuns.Run run)
    {
        var window = g.Window;
        var items = new List<JoinItem>();
        for (var i = 0; i < run.Segments.Count; i++)
        {
            var part = run.Segments[i];
            var tail = i + 1 < run.Segments.Count ? run.Segments[i + 1].TransitionFrames : 0;
            var spanEnd = part.Start + part.Frames + tail;
            if (!window.Overlaps(part.Start, spanEnd)) continue;
            var (first, end) = window.Clip(part.Start, spanEnd);
            var layout = SegmentLayout.For(part.Segment, g.Width, run.IsBottom);
            var stream = VideoSegmentChain.Build(g, part.Segment, part.Frames + tail, first - part.Start, end - first, layout, alpha: !run.IsBottom);
            // The transition into this segment is drawn only when it lies in the window (and so does the segment before it).
            var transition = items.Count > 0 && part.Start >= window.First ? part.TransitionFrames : 0;
            if (transition > 0 && part.Start + transition > window.End)
                throw new InvalidOperationException($"the window {window} ends inside the transition at frame {part.Start}");
            items.Add(new(stream, first, transition, part.Segment.Meta.Transition?.Type));
        }
        if (items.Count == 0) return null;
        var endFrame = Math.Min(run.StartFrame + run.Frames, window.End);
        return new Joined(JoinStreams(g, items), items[0].First, endFrame);
    }

    /// <summary>Joins streams that follow each other: <c>xfade</c> over an item's transition frames, <c>concat</c> where it has none.</summary>
    private static GraphStream JoinStreams(RenderGraph g, List<JoinItem> items)
    {
        var acc = items[0].Stream;
        var origin = items[0].First;
        for (var i = 1; i < items.Count; i++)
        {
            var (next, first, transition, type) = items[i];
            acc = transition > 0
                ? g.Graph.Apply(Filters.XFade(g.Clock.Time(transition), g.Clock.Time(first - origin), type ?? TransitionTypes.Fade), acc, next)[0]
                : g.Graph.Apply(Filters.ConcatVideo(2), acc, next)[0];
            acc = acc.Then(Filters.SetTimeBase(g.Clock.Rate.Invert()));
        }
        return acc;
    }

    /// <summary>A stream that starts at timeline frame <see cref="First"/> and, with the next item's transition, overlaps it.</summary>
    private readonly record struct JoinItem(GraphStream Stream, long First, long TransitionFrames, string? Type);

    /// <summary>A run's frames in the window: timeline frames <c>[First, End)</c>.</summary>
    private sealed record Joined(GraphStream Stream, long First, long End);
}
