using Cutroom.Contract.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits.Internal;

/// <summary>Where a segment is: track index, index in the track, and the values.</summary>
internal readonly record struct SegmentRef(int TrackIndex, int Index, Track Track, Segment Segment)
{
    public string Path => JsonPaths.Segment(TrackIndex, Index);

    public string PathOf(string key) => JsonPaths.Key(Path, key);
}

/// <summary>Finds segments and tracks by id, and the errors for ids that are not there.</summary>
internal static class Locate
{
    public static SegmentRef? Segment(Draft draft, string? id)
    {
        if (string.IsNullOrEmpty(id)) return null;
        for (var t = 0; t < draft.Tracks.Length; t++)
        {
            var track = draft.Tracks[t];
            for (var s = 0; s < track.Segments.Length; s++)
            {
                if (track.Segments[s].Id == id) return new SegmentRef(t, s, track, track.Segments[s]);
            }
        }
        return null;
    }

    public static int Track(Draft draft, string? id)
    {
        for (var t = 0; t < draft.Tracks.Length; t++)
        {
            if (draft.Tracks[t].Id == id) return t;
        }
        return -1;
    }

    public static int FirstTrack(Draft draft, TrackType type)
    {
        for (var t = 0; t < draft.Tracks.Length; t++)
        {
            if (draft.Tracks[t].Type == type) return t;
        }
        return -1;
    }

    public static EditResult NoSegment(string? id) =>
        EditResult.Fail(JobErrorCodes.NotFound, $"no segment with id \"{id}\" in the draft");

    public static EditResult NoTrack(string? id) =>
        EditResult.Fail(JobErrorCodes.NotFound, $"no track with id \"{id}\" in the draft");
}
