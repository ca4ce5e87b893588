namespace Cutroom.Timeline.Model;

/// <summary>
/// The kind of a track, the draft's <c>tt</c> key. The numbers are fixed by the seeds
/// (0 video, 1 audio, 7 text); any other number parses (so the draft round-trips) and is
/// reported by <see cref="Validation.DraftValidator"/> as an unknown track type.
/// </summary>
public enum TrackType
{
    /// <summary>Pictures: video clips and image stills (<c>tt</c> 0). The first video track is the bottom layer.</summary>
    Video = 0,

    /// <summary>Sound only: background music, voice-over (<c>tt</c> 1).</summary>
    Audio = 1,

    /// <summary>Text overlays drawn on top of every video track (<c>tt</c> 7).</summary>
    Text = 7,
}
