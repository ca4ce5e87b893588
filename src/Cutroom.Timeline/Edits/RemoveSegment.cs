using Cutroom.Timeline.Edits.Internal;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

public static partial class DraftEdits
{
    /// <summary>
    /// Removes a segment (the agent's <c>remove_segment</c>). Tracks stay, even when empty.
    /// </summary>
    /// <param name="draft">The draft.</param>
    /// <param name="segmentId">The segment.</param>
    /// <param name="closeGap">Move the later segments of its track left by its duration; null (default):
    /// yes on video tracks, no on audio and text tracks.</param>
    public static EditResult RemoveSegment(this Draft draft, string segmentId, bool? closeGap = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (Locate.Segment(draft, segmentId) is not { } at) return Locate.NoSegment(segmentId);
        var track = TrackLayout.Remove(at.Track, at.Index, closeGap ?? TrackLayout.Ripples(at.Track));
        return EditResult.Ok(draft.WithTrack(at.TrackIndex, track));
    }
}
