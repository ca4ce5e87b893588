using Cutroom.Contract.Errors;
using Cutroom.Timeline.Edits.Internal;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

public static partial class DraftEdits
{
    /// <summary>
    /// Sets or replaces the background music (the agent's <c>add_music</c>): one segment on the music
    /// track (created as the last track, named "BGM", role music, when there is none), from 0 to the
    /// end of the other tracks, looped (<c>m.loop</c>) when the media is known to be shorter. On an
    /// empty timeline the music lasts its own duration.
    /// </summary>
    /// <param name="draft">The draft.</param>
    /// <param name="media">A sound (or a clip whose sound is used); an image fails.</param>
    /// <param name="volume">Volume factor 0-2 (the agent offers 0-1).</param>
    /// <param name="fadeInMs">Fade-in in ms (0: none).</param>
    /// <param name="fadeOutMs">Fade-out in ms (0: none).</param>
    public static EditResult SetMusic(this Draft draft, MediaItem media, double volume = 1.0, long fadeInMs = 0, long fadeOutMs = 0)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(media);
        if (media.Kind == MediaKind.Image) return EditResult.Fail(JobErrorCodes.NotApplicable, "an image cannot be music");
        if (double.IsNaN(volume) || volume < 0 || volume > DraftLimits.MaxVolume)
            return EditResult.Fail(JobErrorCodes.OutOfRange, $"volume must be between 0 and {DraftLimits.MaxVolume}");
        if (fadeInMs < 0 || fadeOutMs < 0) return EditResult.Fail(JobErrorCodes.OutOfRange, "fades must be >= 0 ms");

        var music = MusicTrack.Find(draft);
        var others = draft.Tracks.Where((_, i) => i != music).Select(t => t.EndMs).DefaultIfEmpty(0).Max();
        var d = others > 0 ? others : media.DurationMs ?? 0;
        if (d <= 0) return EditResult.Fail(JobErrorCodes.Required, "the timeline is empty and the music's duration is unknown: add clips first");
        if (fadeInMs + fadeOutMs > d)
            return EditResult.Fail(JobErrorCodes.OutOfRange, $"fade-in + fade-out ({fadeInMs + fadeOutMs} ms) must not be longer than the music ({d} ms)");

        var ids = new IdAllocator(draft);
        var segment = new Segment
        {
            Id = ids.Next("seg"),
            Src = media.Id,
            StartMs = 0,
            DurationMs = d,
            SourceInMs = 0,
            Volume = volume,
            Meta = new SegmentMeta
            {
                Label = media.Name,
                Kind = MediaKinds.Audio,
                FadeInMs = fadeInMs == 0 ? null : fadeInMs,
                FadeOutMs = fadeOutMs == 0 ? null : fadeOutMs,
                Loop = media.DurationMs < d ? true : null,
            },
        };
        if (music >= 0)
        {
            var track = draft.Tracks[music];
            return EditResult.Ok(draft.WithTrack(music, track with { Meta = track.Meta with { Role = TrackRoles.Music }, Segments = [segment] }), segment.Id);
        }
        var created = new Track { Id = ids.Next("trk"), Type = TrackType.Audio, Meta = new TrackMeta { Name = "BGM", Role = TrackRoles.Music }, Segments = [segment] };
        return EditResult.Ok(draft with { Tracks = draft.Tracks.Add(created) }, segment.Id);
    }

    /// <summary>Removes the background-music track.</summary>
    public static EditResult RemoveMusic(this Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var music = MusicTrack.Find(draft);
        return music < 0 ? EditResult.Fail(JobErrorCodes.NotFound, "the draft has no music") : EditResult.Ok(draft.WithoutTrack(music));
    }
}
