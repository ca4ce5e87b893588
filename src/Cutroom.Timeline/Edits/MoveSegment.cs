using Cutroom.Contract.Errors;
using Cutroom.Timeline.Edits.Internal;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

public static partial class DraftEdits
{
    /// <summary>
    /// Moves a segment to another start on its track (the agent's <c>move_segment</c> with
    /// <c>at_ms</c>). Nothing else moves: it fails when the segment would overlap another.
    /// </summary>
    public static EditResult MoveSegment(this Draft draft, string segmentId, long atMs)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Locate.Segment(draft, segmentId) is not { } at) return Locate.NoSegment(segmentId);
        if (atMs < 0) return EditResult.Fail(JobErrorCodes.OutOfRange, "at_ms must be >= 0");
        var moved = at.Segment with { StartMs = atMs };
        if (TrackLayout.Clash(at.Track, moved, at.Index) is { } c)
        {
            var other = at.Track.Segments[c];
            return EditResult.Fail(JobErrorCodes.Overlap, $"at {atMs} ms it would overlap \"{other.Id}\" ({other.StartMs}-{other.EndMs} ms); reorder with an index instead", at.Path);
        }
        return EditResult.Ok(draft.WithSegment(at, moved), segmentId);
    }

    /// <summary>
    /// Moves a segment to position <paramref name="index"/> (0-based, in start order) of its track
    /// (the agent's <c>move_segment</c> with <c>index</c>). The track is then packed end to end
    /// from its first start: gaps between its segments close. Each segment keeps its own
    /// transition (into it), which then applies to its new neighbour.
    /// </summary>
    public static EditResult ReorderSegment(this Draft draft, string segmentId, int index)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Locate.Segment(draft, segmentId) is not { } at) return Locate.NoSegment(segmentId);
        var order = at.Track.Segments.OrderBy(s => s.StartMs).ToList();
        if (index < 0 || index >= order.Count)
            return EditResult.Fail(JobErrorCodes.OutOfRange, $"index must be between 0 and {order.Count - 1}");
        var start = order[0].StartMs;
        order.Remove(at.Segment);
        order.Insert(index, at.Segment);
        var packed = new List<Segment>(order.Count);
        foreach (var s in order)
        {
            packed.Add(s with { StartMs = start });
            start += s.DurationMs;
        }
        return EditResult.Ok(draft.WithTrack(at.TrackIndex, at.Track with { Segments = [.. packed] }), segmentId);
    }
}
