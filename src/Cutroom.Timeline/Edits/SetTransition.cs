using Cutroom.Contract.Errors;
using Cutroom.Timeline.Edits.Internal;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

public static partial class DraftEdits
{
    /// <summary>Default transition length in ms.</summary>
    public const long DefaultTransitionMs = 500;

    /// <summary>
    /// Sets the transition into a segment from the one that ends where it starts (<c>m.tr</c>), or,
    /// when <paramref name="segmentId"/> is null, between every pair of adjacent segments of the video
    /// tracks (the agent's <c>add_transition</c>). <paramref name="type"/> is an xfade name or an alias
    /// (<see cref="TransitionTypes.Normalize"/>); <c>none</c> or <c>cut</c> removes transitions.
    /// For "all", the duration is shortened to fit each segment.
    /// </summary>
    public static EditResult SetTransition(this Draft draft, string type, long durationMs = DefaultTransitionMs, string? segmentId = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var remove = type?.Trim().ToLowerInvariant() is "none" or "cut";
        var name = remove ? null : TransitionTypes.Normalize(type);
        if (!remove && name is null)
            return EditResult.Fail(JobErrorCodes.UnknownValue, $"unknown transition \"{type}\" (use crossfade, fade-black, wipe-left, slide-left, ... or none)");
        if (!remove && durationMs <= 0) return EditResult.Fail(JobErrorCodes.OutOfRange, "the transition's duration must be > 0 ms");

        if (segmentId is not null)
        {
            if (Locate.Segment(draft, segmentId) is not { } at) return Locate.NoSegment(segmentId);
            var s = at.Segment;
            if (remove) return EditResult.Ok(draft.WithSegment(at, s.WithMeta(m => m with { Transition = null })), s.Id);
            if (!at.Track.Segments.Any(o => o.EndMs == s.StartMs && o.Id != s.Id))
                return EditResult.Fail(JobErrorCodes.NotAdjacent, $"no segment on its track ends where \"{s.Id}\" starts ({s.StartMs} ms)", at.PathOf("m.tr"));
            if (durationMs > s.DurationMs)
                return EditResult.Fail(JobErrorCodes.OutOfRange, $"the transition ({durationMs} ms) must not be longer than the segment (d = {s.DurationMs} ms)", at.PathOf("m.tr.d"));
            return EditResult.Ok(draft.WithSegment(at, s.WithMeta(m => m with { Transition = new Transition { Type = name!, DurationMs = durationMs } })), s.Id);
        }

        var count = 0;
        var tracks = draft.Tracks.Select(t =>
        {
            if (t.Type != TrackType.Video) return t;
            var ends = t.Segments.Select(s => s.EndMs).ToHashSet();
            return t with
            {
                Segments = [.. t.Segments.Select(s =>
                {
                    if (!ends.Contains(s.StartMs)) return s;
                    count++;
                    var tr = remove ? null : new Transition { Type = name!, DurationMs = Math.Min(durationMs, s.DurationMs) };
                    return s.WithMeta(m => m with { Transition = tr });
                })],
            };
        }).ToList();
        if (count == 0 && !remove) return EditResult.Fail(JobErrorCodes.NotAdjacent, "no two segments of a video track are adjacent, so there is nothing to transition between");
        return EditResult.Ok(draft with { Tracks = [.. tracks] });
    }
}
