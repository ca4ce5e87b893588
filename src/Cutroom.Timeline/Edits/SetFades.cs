using Cutroom.Contract.Errors;
using Cutroom.Timeline.Edits.Internal;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

public static partial class DraftEdits
{
    /// <summary>
    /// Sets a segment's fade-in and/or fade-out in ms (<c>m.fi</c>/<c>m.fo</c>; null leaves one as it
    /// is, 0 removes it). Together they must fit in the segment.
    /// </summary>
    public static EditResult SetFades(this Draft draft, string segmentId, long? fadeInMs, long? fadeOutMs)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Locate.Segment(draft, segmentId) is not { } at) return Locate.NoSegment(segmentId);
        var s = at.Segment;
        var fi = fadeInMs ?? s.Meta.FadeInMs ?? 0;
        var fo = fadeOutMs ?? s.Meta.FadeOutMs ?? 0;
        if (fi < 0) return EditResult.Fail(JobErrorCodes.OutOfRange, "fade-in must be >= 0 ms", at.PathOf("m.fi"));
        if (fo < 0) return EditResult.Fail(JobErrorCodes.OutOfRange, "fade-out must be >= 0 ms", at.PathOf("m.fo"));
        if (fi + fo > s.DurationMs)
            return EditResult.Fail(JobErrorCodes.OutOfRange, $"fade-in + fade-out ({fi + fo} ms) must not be longer than the segment (d = {s.DurationMs} ms)",
                at.PathOf(fadeOutMs is null ? "m.fi" : "m.fo"));
        var updated = s.WithMeta(m => m with { FadeInMs = fi == 0 ? null : fi, FadeOutMs = fo == 0 ? null : fo });
        return EditResult.Ok(draft.WithSegment(at, updated), s.Id);
    }
}
