namespace Cutroom.Engine.Trim;

/// <summary>How <see cref="TrimJob"/> cuts (docs/trim-and-convert.md).</summary>
public enum TrimMode
{
    /// <summary>
    /// Re-encode the range: the first frame is the source frame shown at the start time, the
    /// duration is within one frame of the range, audio is cut to the same span. The default.
    /// </summary>
    Exact,

    /// <summary>
    /// Copy the video packets from the keyframe at or before the start time (no re-encode); the
    /// MP4 hides the frames before the start with an edit list, which some players ignore.
    /// Needs H.264 video. Audio is re-encoded to AAC, cut at the start time.
    /// </summary>
    Fast,
}
