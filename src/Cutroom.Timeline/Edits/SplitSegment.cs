using Cutroom.Contract.Errors;
using Cutroom.Timeline.Edits.Internal;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

public static partial class DraftEdits
{
    /// <summary>
    /// Splits a segment in two at timeline time <paramref name="atMs"/> (the agent's
    /// <c>split_segment</c>), which must lie strictly inside it. The left part keeps the id, the
    /// fade-in and the transition; the right part gets a new id (returned as
    /// <see cref="EditResult.SegmentId"/>), the fade-out, and an in-point moved by
    /// <c>(at − st) × sp</c>. Nothing else moves.
    /// </summary>
    public static EditResult SplitSegment(this Draft draft, string segmentId, long atMs)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Locate.Segment(draft, segmentId) is not { } at) return Locate.NoSegment(segmentId);
        var s = at.Segment;
        if (atMs <= s.StartMs || atMs >= s.EndMs)
            return EditResult.Fail(JobErrorCodes.OutOfRange, $"at_ms must be inside the segment, between {s.StartMs} and {s.EndMs} ms (exclusive)", at.Path);
        var leftMs = atMs - s.StartMs;
        var hasSource = at.Track.Type != TrackType.Text && !s.IsStill;
        var left = s with { DurationMs = leftMs, Meta = s.Meta with { FadeOutMs = null } };
        var right = s with
        {
            Id = new IdAllocator(draft).Next("seg"),
            StartMs = atMs,
            DurationMs = s.EndMs - atMs,
            SourceInMs = hasSource ? s.InPointMs + (long)Math.Round(leftMs * s.SpeedFactor, MidpointRounding.AwayFromZero) : s.SourceInMs,
            Meta = s.Meta with { FadeInMs = null, Transition = null },
        };
        var segments = at.Track.Segments.SetItem(at.Index, left).Insert(at.Index + 1, right);
        return EditResult.Ok(draft.WithTrack(at.TrackIndex, at.Track with { Segments = segments }), right.Id);
    }
}
