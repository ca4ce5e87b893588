using Cutroom.Contract.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Validation;

/// <summary>What a media item offers a track, as far as the track rule cares.</summary>
/// <param name="Name">Its name as the user knows it (a file name or the upload's name), for messages.</param>
/// <param name="HasPicture">It has a picture: a video or an image.</param>
/// <param name="HasSound">It has sound: audio, or a video with an audio stream.</param>
/// <param name="DurationMs">How long it is, ms, for media that play in time (a video, a sound); null for a still picture or when unknown.</param>
public sealed record MediaFacts(string Name, bool HasPicture, bool HasSound, long? DurationMs = null);

/// <summary>A segment that names media: its track's type, its <c>src</c> and the JSON path of that <c>src</c> (<c>t[1].sg[0].src</c>).</summary>
/// <param name="TrackType">The type of the segment's track.</param>
/// <param name="Src">The media the segment names.</param>
/// <param name="Path">The JSON path of its <c>src</c> in the draft.</param>
/// <param name="SourceInMs">The segment's in-point in its media (<c>so</c>), ms; 0 when absent.</param>
public sealed record MediaPlacement(TrackType TrackType, string Src, string Path, long SourceInMs = 0)
{
    /// <summary>The JSON path of the segment's in-point (<c>t[1].sg[0].so</c>).</summary>
    public string SourceInPath => Path.EndsWith(".src", StringComparison.Ordinal) ? Path[..^4] + ".so" : Path;
}

/// <summary>
/// The one rule of which media go on which track (docs/draft.md "Tracks"): a video track shows
/// pictures, so its media need a picture (a video or an image); an audio track plays sound, so its
/// media need sound; text tracks name no media. The renderer checks it on probed files, the server on
/// its media records before queueing a render.
/// </summary>
public static class TrackMedia
{
    /// <summary>Every segment of a video or audio track that names media, in document order.</summary>
    /// <param name="draft">The draft.</param>
    public static IEnumerable<MediaPlacement> Placements(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        for (var t = 0; t < draft.Tracks.Length; t++)
        {
            var track = draft.Tracks[t];
            if (track.Type is not (TrackType.Video or TrackType.Audio)) continue;
            for (var s = 0; s < track.Segments.Length; s++)
                if (track.Segments[s].Src is { } src)
                    yield return new MediaPlacement(track.Type, src, JsonPaths.Key(JsonPaths.Segment(t, s), "src"), track.Segments[s].SourceInMs ?? 0);
        }
    }

    /// <summary>
    /// The problem of putting <paramref name="media"/> where <paramref name="placement"/> is, or null
    /// when it may go there: <see cref="JobErrorCodes.UnsupportedMedia"/> at the <c>src</c>'s path.
    /// </summary>
    /// <param name="placement">Where the media is placed.</param>
    /// <param name="media">What the media offers.</param>
    /// <remarks>Also refuses an in-point at or past the end of media that plays in time (<see cref="JobErrorCodes.OutOfRange"/> at the <c>so</c>'s path).</remarks>
    public static JobError? Check(MediaPlacement placement, MediaFacts media)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(media);
        return placement.TrackType switch
        {
            TrackType.Video when !media.HasPicture =>
                new JobError(JobErrorCodes.UnsupportedMedia, placement.Path, $"'{media.Name}' has no picture and cannot be on a video track"),
            TrackType.Audio when !media.HasSound =>
                new JobError(JobErrorCodes.UnsupportedMedia, placement.Path, $"'{media.Name}' has no sound and cannot be on an audio track"),
            _ when media.DurationMs is { } d && placement.SourceInMs >= d =>
                new JobError(JobErrorCodes.OutOfRange, placement.SourceInPath,
                    $"the in-point {MediaTimeText(placement.SourceInMs)} is past the end of '{media.Name}' ({MediaTimeText(d)} long)"),
            _ => null,
        };
    }

    private static string MediaTimeText(long ms) => Cutroom.Contract.Time.MediaTime.FromMilliseconds(ms).ToClock();
}
