using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits.Internal;

/// <summary>Copy-with-one-change helpers for the immutable draft.</summary>
internal static class DraftUpdate
{
    public static Draft WithTrack(this Draft draft, int index, Track track) => draft with { Tracks = draft.Tracks.SetItem(index, track) };

    public static Draft WithSegment(this Draft draft, SegmentRef at, Segment segment) =>
        draft.WithTrack(at.TrackIndex, at.Track with { Segments = at.Track.Segments.SetItem(at.Index, segment) });

    public static Draft WithoutTrack(this Draft draft, int index) => draft with { Tracks = draft.Tracks.RemoveAt(index) };

    public static Segment WithMeta(this Segment segment, Func<SegmentMeta, SegmentMeta> change) => segment with { Meta = change(segment.Meta) };
}
