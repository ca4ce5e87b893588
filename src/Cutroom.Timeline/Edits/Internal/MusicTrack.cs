using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits.Internal;

/// <summary>
/// Which track is the background music: the first audio track with <c>m.role</c> "music", else the
/// first audio track named "BGM" or "Music" (case-insensitive; drafts from clients such as the
/// contract's example have no role). Other audio tracks (voice-over) are never taken for music.
/// </summary>
internal static class MusicTrack
{
    public static int Find(Draft draft)
    {
        var byRole = draft.Tracks.ToList().FindIndex(t => t.Type == TrackType.Audio && t.Meta.Role == TrackRoles.Music);
        return byRole >= 0 ? byRole : draft.Tracks.ToList().FindIndex(t => t.Type == TrackType.Audio && t.Meta.Role is null && IsNamedMusic(t));
    }

    public static bool IsNamedMusic(Track t) =>
        string.Equals(t.Meta.Name, "BGM", StringComparison.OrdinalIgnoreCase) || string.Equals(t.Meta.Name, "Music", StringComparison.OrdinalIgnoreCase);
}
