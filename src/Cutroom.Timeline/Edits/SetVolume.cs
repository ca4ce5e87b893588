using Cutroom.Contract.Errors;
using Cutroom.Timeline.Edits.Internal;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

public static partial class DraftEdits
{
    /// <summary>The <c>set_volume</c> target for the music track.</summary>
    public const string MusicTarget = "music";

    /// <summary>The <c>set_volume</c> target for the sound of every segment on the video tracks.</summary>
    public const string VideoTarget = "video";

    /// <summary>
    /// Sets the volume factor (0-2, 1 unchanged, 0 mutes) of <paramref name="target"/> (the agent's
    /// <c>set_volume</c>): <c>music</c> (the music track), <c>video</c> (every segment of the video
    /// tracks), a track id (its segments) or a segment id. Text segments have no sound.
    /// </summary>
    public static EditResult SetVolume(this Draft draft, string target, double volume)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (double.IsNaN(volume) || volume < 0 || volume > DraftLimits.MaxVolume)
            return EditResult.Fail(JobErrorCodes.OutOfRange, $"volume must be between 0 and {DraftLimits.MaxVolume} (1 = unchanged, 0 mutes)");
        if (Locate.Segment(draft, target) is { } at)
        {
            if (at.Track.Type == TrackType.Text) return EditResult.Fail(JobErrorCodes.NotApplicable, "a text segment has no sound", at.Path);
            return EditResult.Ok(draft.WithSegment(at, at.Segment with { Volume = volume }), at.Segment.Id);
        }
        Func<Track, bool>? pick = target switch
        {
            MusicTarget => t => MusicTrack.Find(draft) is var m && m >= 0 && ReferenceEquals(t, draft.Tracks[m]),
            VideoTarget => t => t.Type == TrackType.Video,
            _ => Locate.Track(draft, target) is var i && i >= 0 && draft.Tracks[i].Type != TrackType.Text ? t => ReferenceEquals(t, draft.Tracks[i]) : null,
        };
        if (pick is null) return EditResult.Fail(JobErrorCodes.NotFound, $"no segment or sound track \"{target}\" (use music, video, a track id or a segment id)");
        var touched = false;
        var tracks = draft.Tracks.Select(t =>
        {
            if (!pick(t) || t.Segments.Length == 0) return t;
            touched = true;
            return t with { Segments = [.. t.Segments.Select(s => s with { Volume = volume })] };
        }).ToList();
        if (!touched) return EditResult.Fail(JobErrorCodes.NotFound, target == MusicTarget ? "the draft has no music" : $"\"{target}\" has no segments");
        return EditResult.Ok(draft with { Tracks = [.. tracks] });
    }

    /// <summary>Mutes <paramref name="target"/>: <see cref="SetVolume"/> with 0.</summary>
    public static EditResult Mute(this Draft draft, string target) => draft.SetVolume(target, 0);
}
