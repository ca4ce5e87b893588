using Cutroom.Contract.Errors;
using Cutroom.Timeline.Edits.Internal;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

/// <summary>
/// Pure edits of a <see cref="Draft"/>: each returns an <see cref="EditResult"/> with a new
/// draft or the reason it cannot be done, never changing its input. Times are integer ms.
/// Video tracks ripple (later segments shift to keep the sequence closed); audio and text
/// tracks do not (an edit that would overlap fails). One file per edit; rules in docs/draft.md.
/// </summary>
public static partial class DraftEdits
{
    /// <summary>Default duration in ms of an image placed without a duration (the upload rule of api-contract.md §5).</summary>
    public const long DefaultStillMs = 3000;

    /// <summary>
    /// Adds a segment as given to track <paramref name="trackId"/> (an id is allocated when it has
    /// none); nothing moves, so it fails when the segment would overlap another on that track.
    /// </summary>
    public static EditResult AddSegment(this Draft draft, string trackId, Segment segment)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(segment);
        var t = Locate.Track(draft, trackId);
        if (t < 0) return Locate.NoTrack(trackId);
        if (segment.DurationMs <= 0) return EditResult.Fail(JobErrorCodes.OutOfRange, "the segment's duration must be > 0 ms");
        if (segment.StartMs < 0) return EditResult.Fail(JobErrorCodes.OutOfRange, "the segment's start must be >= 0 ms");
        if (segment.Id.Length == 0) segment = segment with { Id = new IdAllocator(draft).Next("seg") };
        else if (Locate.Segment(draft, segment.Id) is not null || Locate.Track(draft, segment.Id) >= 0)
            return EditResult.Fail(JobErrorCodes.DuplicateId, $"the id \"{segment.Id}\" is already used");
        var track = draft.Tracks[t];
        var clash = TrackLayout.Clash(track, segment, -1);
        if (clash is { } c)
            return EditResult.Fail(JobErrorCodes.Overlap, $"would overlap \"{track.Segments[c].Id}\" ({track.Segments[c].StartMs}-{track.Segments[c].EndMs} ms)", JsonPaths.Track(t));
        return EditResult.Ok(draft.WithTrack(t, track with { Segments = track.Segments.Add(segment) }), segment.Id);
    }

    /// <summary>
    /// Places a media item (the agent's <c>add_clip</c>): a video or image on the first video track
    /// (or <paramref name="trackId"/>; a "Video" track is created as the bottom layer when there is
    /// none), a sound on the first audio track that is not the music track (or a new "Audio" track).
    /// </summary>
    /// <param name="draft">The draft.</param>
    /// <param name="media">The item; its name becomes <c>m.label</c>.</param>
    /// <param name="atMs">Timeline position; null appends at the end of the track. On a video track the
    /// segments from there on move right; a position inside a segment fails.</param>
    /// <param name="trackId">The track to use instead of the default one.</param>
    /// <param name="durationMs">Duration on the timeline; default: an image 3000 ms, a clip its whole length.</param>
    public static EditResult AddClip(this Draft draft, MediaItem media, long? atMs = null, string? trackId = null, long? durationMs = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(media);
        if (string.IsNullOrWhiteSpace(media.Id))
            return EditResult.Fail(JobErrorCodes.Required, "media id required");
        var wantType = media.Kind == MediaKind.Audio ? TrackType.Audio : TrackType.Video;
        var d = durationMs ?? (media.Kind == MediaKind.Image ? DefaultStillMs : media.DurationMs);
        if (d is null) return EditResult.Fail(JobErrorCodes.Required, $"the duration of \"{media.Name ?? media.Id}\" is unknown: give duration_ms");
        if (d <= 0) return EditResult.Fail(JobErrorCodes.OutOfRange, "duration_ms must be > 0");
        if (media.Kind != MediaKind.Image && media.DurationMs is { } available && d > available)
            return EditResult.Fail(JobErrorCodes.OutOfRange, $"\"{media.Name ?? media.Id}\" is only {available} ms long");
        if (atMs < 0) return EditResult.Fail(JobErrorCodes.OutOfRange, "at_ms must be >= 0");

        var ids = new IdAllocator(draft);
        int t;
        if (trackId is not null)
        {
            t = Locate.Track(draft, trackId);
            if (t < 0) return Locate.NoTrack(trackId);
            if (draft.Tracks[t].Type != wantType)
                return EditResult.Fail(JobErrorCodes.NotApplicable, $"track \"{trackId}\" is not a{(wantType == TrackType.Audio ? "n audio" : " video")} track", JsonPaths.Key(JsonPaths.Track(t), "tt"));
        }
        else
        {
            t = wantType == TrackType.Video
                ? Locate.FirstTrack(draft, TrackType.Video)
                : draft.Tracks.ToList().FindIndex(x => x.Type == TrackType.Audio && x.Meta.Role != TrackRoles.Music && !MusicTrack.IsNamedMusic(x));
            if (t < 0)
            {
                var name = wantType == TrackType.Video ? "Video" : "Audio";
                var created = new Track { Id = ids.Next("trk"), Type = wantType, Meta = new TrackMeta { Name = name } };
                draft = wantType == TrackType.Video ? draft with { Tracks = draft.Tracks.Insert(0, created) } : draft with { Tracks = draft.Tracks.Add(created) };
                t = wantType == TrackType.Video ? 0 : draft.Tracks.Length - 1;
            }
        }

        var track = draft.Tracks[t];
        var segment = new Segment
        {
            Id = ids.Next("seg"),
            Src = media.Id,
            StartMs = atMs ?? track.EndMs,
            DurationMs = d.Value,
            SourceInMs = media.Kind == MediaKind.Image ? null : 0,
            Meta = new SegmentMeta { Label = media.Name, Kind = media.KindKey },
        };
        var (placed, error) = TrackLayout.Insert(track, t, segment);
        return error is not null ? EditResult.Fail(error) : EditResult.Ok(draft.WithTrack(t, placed!), segment.Id);
    }
}
