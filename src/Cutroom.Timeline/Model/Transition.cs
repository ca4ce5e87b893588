namespace Cutroom.Timeline.Model;

/// <summary>
/// A transition into a segment from the segment before it on the same track, the segment's
/// <c>m.tr</c> key: <c>{"type": "fade", "d": 500}</c>. It needs a previous segment that ends
/// exactly where this one starts. During the first <see cref="DurationMs"/> of this segment the
/// previous segment's picture (continuing past its out-point, or holding its last frame) blends
/// into this one, so the timeline keeps its length and this segment still starts at its
/// <c>st</c>. See docs/draft.md.
/// </summary>
public sealed record Transition
{
    /// <summary>The ffmpeg <c>xfade</c> transition name (<see cref="TransitionTypes.All"/>), key <c>type</c>.</summary>
    public string Type { get; init; } = TransitionTypes.Fade;

    /// <summary>Length of the blend in milliseconds, key <c>d</c>; at most the segment's duration.</summary>
    public long DurationMs { get; init; }

    /// <summary>Keys of <c>m.tr</c> that Cutroom does not model, kept for the round trip.</summary>
    public UnknownKeys Extra { get; init; } = UnknownKeys.None;
}
