using Cutroom.Contract.Errors;
using Cutroom.Timeline.Edits.Internal;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

public static partial class DraftEdits
{
    /// <summary>
    /// Sets a clip's source range (the agent's <c>trim_segment</c> with <c>start_ms</c>/<c>end_ms</c>):
    /// the in-point and/or the out-point in the media, in ms, end-exclusive. The timeline duration
    /// becomes <c>(out − in) / sp</c>, rounded; a video track ripples.
    /// </summary>
    public static EditResult TrimSegment(this Draft draft, string segmentId, long? inPointMs, long? outPointMs)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Locate.Segment(draft, segmentId) is not { } at) return Locate.NoSegment(segmentId);
        var s = at.Segment;
        if (at.Track.Type == TrackType.Text || s.IsStill)
            return EditResult.Fail(JobErrorCodes.NotApplicable, "only clips have a source range; shorten this segment with cut_start_ms/cut_end_ms", at.Path);
        var inPoint = inPointMs ?? s.InPointMs;
        var outPoint = outPointMs ?? s.OutPointMs;
        if (inPoint < 0) return EditResult.Fail(JobErrorCodes.OutOfRange, "start_ms must be >= 0", at.PathOf("so"));
        if (outPoint <= inPoint) return EditResult.Fail(JobErrorCodes.OutOfRange, $"end_ms ({outPoint}) must be after start_ms ({inPoint})", at.PathOf("d"));
        var d = Math.Max(1, (long)Math.Round((outPoint - inPoint) / s.SpeedFactor, MidpointRounding.AwayFromZero));
        return Resize(draft, at, s with { SourceInMs = inPoint, DurationMs = d });
    }

    /// <summary>
    /// Cuts time off a segment's head and/or tail (the agent's <c>trim_segment</c> with
    /// <c>cut_start_ms</c>/<c>cut_end_ms</c>), in timeline ms. A clip's in-point moves by
    /// <c>cut_start × sp</c>. On a video track the segment keeps its start and later segments move
    /// left; on other tracks what remains stays where it was (the start moves by <c>cut_start</c>).
    /// </summary>
    public static EditResult CutSegment(this Draft draft, string segmentId, long cutStartMs, long cutEndMs)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Locate.Segment(draft, segmentId) is not { } at) return Locate.NoSegment(segmentId);
        var s = at.Segment;
        if (cutStartMs < 0 || cutEndMs < 0) return EditResult.Fail(JobErrorCodes.OutOfRange, "cut_start_ms and cut_end_ms must be >= 0");
        if (cutStartMs + cutEndMs >= s.DurationMs)
            return EditResult.Fail(JobErrorCodes.OutOfRange, $"cutting {cutStartMs + cutEndMs} ms leaves nothing of a {s.DurationMs} ms segment; remove it instead", at.PathOf("d"));
        var hasSource = at.Track.Type != TrackType.Text && !s.IsStill;
        var updated = s with
        {
            StartMs = TrackLayout.Ripples(at.Track) ? s.StartMs : s.StartMs + cutStartMs,
            DurationMs = s.DurationMs - cutStartMs - cutEndMs,
            SourceInMs = hasSource ? s.InPointMs + (long)Math.Round(cutStartMs * s.SpeedFactor, MidpointRounding.AwayFromZero) : s.SourceInMs,
        };
        return Resize(draft, at, updated);
    }

    private static EditResult Resize(Draft draft, SegmentRef at, Segment updated)
    {
        var (track, error) = TrackLayout.Resize(at.Track, at.TrackIndex, at.Index, updated);
        return error is not null ? EditResult.Fail(error) : EditResult.Ok(draft.WithTrack(at.TrackIndex, track!), updated.Id);
    }
}
