using Cutroom.Contract.Errors;
using Cutroom.Timeline.Edits.Internal;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

public static partial class DraftEdits
{
    /// <summary>
    /// Puts another media item in a segment's place: same id, start, duration, fades, fit and
    /// transition; new <c>src</c>, in-point 0, label and kind. When the new clip is shorter than
    /// the segment's source range, the segment is shortened to fit (a video track ripples).
    /// </summary>
    public static EditResult ReplaceSegment(this Draft draft, string segmentId, MediaItem media)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(media);
        if (Locate.Segment(draft, segmentId) is not { } at) return Locate.NoSegment(segmentId);
        var audioTrack = at.Track.Type == TrackType.Audio;
        if (at.Track.Type == TrackType.Text)
            return EditResult.Fail(JobErrorCodes.NotApplicable, "a text segment has no media; use edit_text", at.Path);
        if (audioTrack != (media.Kind == MediaKind.Audio))
            return EditResult.Fail(JobErrorCodes.NotApplicable, $"a{(media.Kind == MediaKind.Audio ? "n audio item" : " picture")} cannot go on a{(audioTrack ? "n audio" : " video")} track", at.Path);

        var s = at.Segment;
        var updated = s with
        {
            Src = media.Id,
            SourceInMs = media.Kind == MediaKind.Image ? null : 0,
            Speed = media.Kind == MediaKind.Image ? null : s.Speed,
            Meta = s.Meta with { Label = media.Name, Kind = media.KindKey },
        };
        if (media.Kind != MediaKind.Image && media.DurationMs is { } available && updated.SourceDurationMs > available)
            updated = updated with { DurationMs = Math.Max(1, (long)Math.Floor(available / updated.SpeedFactor)) };
        var (track, error) = TrackLayout.Resize(at.Track, at.TrackIndex, at.Index, updated);
        return error is not null ? EditResult.Fail(error) : EditResult.Ok(draft.WithTrack(at.TrackIndex, track!), s.Id);
    }
}
