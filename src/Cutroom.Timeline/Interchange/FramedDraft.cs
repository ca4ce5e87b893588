using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Interchange;

/// <summary>A segment placed on the draft's frame grid (every value in frames at the draft's fps).</summary>
/// <param name="TrackIndex">Index of its track in the draft (<c>t[i]</c>).</param>
/// <param name="SegmentIndex">Index in its track's <c>sg</c> as stored (not the start order).</param>
/// <param name="Segment">The segment.</param>
/// <param name="Start">First frame on the timeline.</param>
/// <param name="End">Frame after the last (end-exclusive).</param>
/// <param name="In">In-point in the source, in frames of the draft's rate.</param>
/// <param name="Transition">Frames of the transition into this segment (<c>m.tr</c>), 0 for a cut.</param>
public sealed record FramedSegment(int TrackIndex, int SegmentIndex, Segment Segment, long Start, long End, long In, long Transition)
{
    /// <summary>The segment's draft path, <c>t[0].sg[1]</c>.</summary>
    public string Path => JsonPaths.Segment(TrackIndex, SegmentIndex);

    /// <summary>Frames on the timeline.</summary>
    public long Duration => End - Start;

    /// <summary>Frames of source played: <see cref="Duration"/> × speed, rounded.</summary>
    public long SourceDuration => (long)Math.Round(Duration * Segment.SpeedFactor, MidpointRounding.AwayFromZero);
}

/// <summary>A track with its segments on the frame grid, in start order.</summary>
/// <param name="Index">Index of the track in the draft (<c>t[i]</c>).</param>
/// <param name="Track">The track.</param>
/// <param name="Segments">Its segments of at least one frame, by start.</param>
public sealed record FramedTrack(int Index, Track Track, IReadOnlyList<FramedSegment> Segments)
{
    /// <summary>The track's draft path, <c>t[0]</c>.</summary>
    public string Path => JsonPaths.Track(Index);

    /// <summary>The track's display name: <c>m.name</c>, else Video, Audio or Text.</summary>
    public string Name => Track.Meta.Name ?? Track.Type switch { TrackType.Audio => "Audio", TrackType.Text => "Text", _ => "Video" };
}

/// <summary>
/// A valid draft converted once to frames (<see cref="FrameGrid"/>) for the writers. A segment
/// shorter than half a frame has no frame and is left out, recorded in <see cref="Losses"/>.
/// </summary>
public sealed class FramedDraft
{
    private FramedDraft(Draft draft, FrameGrid grid, IReadOnlyList<FramedTrack> tracks, List<string> losses)
    {
        Draft = draft;
        Grid = grid;
        Tracks = tracks;
        Losses = losses;
    }

    /// <summary>The draft.</summary>
    public Draft Draft { get; }

    /// <summary>Its frame grid.</summary>
    public FrameGrid Grid { get; }

    /// <summary>Every track in draft order.</summary>
    public IReadOnlyList<FramedTrack> Tracks { get; }

    /// <summary>Frames of the whole timeline: the latest segment end.</summary>
    public long Duration => Tracks.SelectMany(t => t.Segments).Select(s => s.End).DefaultIfEmpty(0).Max();

    /// <summary>What the writers could not carry, <c>PATH: sentence</c>; writers add theirs.</summary>
    public List<string> Losses { get; }

    /// <summary>The display title: <c>m.title</c>, else "Cutroom draft".</summary>
    public string Title => string.IsNullOrWhiteSpace(Draft.Meta.Title) ? "Cutroom draft" : Draft.Meta.Title!;

    /// <summary>Converts a draft (already validated) to frames.</summary>
    public static FramedDraft Of(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var grid = new FrameGrid(draft.Fps);
        var losses = new List<string>();
        var tracks = new List<FramedTrack>();
        for (var t = 0; t < draft.Tracks.Length; t++)
        {
            var track = draft.Tracks[t];
            var segments = new List<FramedSegment>();
            foreach (var (s, i) in track.Segments.Select((s, i) => (s, i)).OrderBy(p => p.s.StartMs))
            {
                var path = JsonPaths.Segment(t, i);
                var start = grid.Frame(s.StartMs);
                var end = grid.Frame(s.EndMs);
                if (end <= start) { losses.Add($"{path}: shorter than one frame at {draft.Fps} fps, left out"); continue; }
                var tr = s.Meta.Transition is { } x ? Math.Min(grid.Frame(s.StartMs + x.DurationMs) - start, end - start) : 0;
                if (s.Meta.Transition is not null && tr <= 0) losses.Add($"{path}.m.tr: shorter than one frame at {draft.Fps} fps, exported as a cut");
                segments.Add(new FramedSegment(t, i, s, start, end, grid.Frame(s.InPointMs), tr));
            }
            // A transition needs a segment that ends where its segment starts on the same frame.
            for (var k = 0; k < segments.Count; k++)
            {
                if (segments[k].Transition > 0 && (k == 0 || segments[k - 1].End != segments[k].Start))
                    segments[k] = segments[k] with { Transition = 0 };
            }
            tracks.Add(new FramedTrack(t, track, segments));
        }
        return new FramedDraft(draft, grid, tracks, losses);
    }
}
