using Cutroom.Timeline.Edits;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Sessions;

/// <summary>
/// The contract's upload rule (§5): while the draft is still empty, each uploaded video or
/// image is appended to the main video track (a video whole, an image as a 3 s still) and an
/// audio file becomes the background music; the canvas of a new draft is 1920x1080, or
/// 1080x1920 when the first upload is portrait. Later uploads only enter the bin.
/// </summary>
public static class UploadPlacement
{
    /// <summary>The draft after <paramref name="media"/> was uploaded.</summary>
    /// <param name="draft">The draft before.</param>
    /// <param name="media">The upload.</param>
    /// <param name="draftWasEmpty">Whether the draft was empty when this upload request started (all files of one request are placed).</param>
    public static Draft Apply(Draft draft, SessionMedia media, bool draftWasEmpty)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(media);
        if (!draftWasEmpty) return draft;
        if (draft.Tracks.Length == 0 && media.Kind != MediaKind.Audio && media.Width is { } w && media.Height is { } h && h > w)
            draft = draft with { Width = 1080, Height = 1920, Meta = draft.Meta with { Aspect = "9:16" } };
        var result = media.Kind == MediaKind.Audio
            ? draft.SetMusic(media.ToMediaItem())
            : draft.AddClip(media.ToMediaItem());
        return result.Draft ?? draft;
    }

    /// <summary>Whether a draft counts as empty for the upload rule (no segments).</summary>
    /// <param name="draft">The draft.</param>
    public static bool IsEmpty(Draft draft) => draft is null || draft.Tracks.All(t => t.Segments.IsDefaultOrEmpty);
}
