namespace Cutroom.Engine.Shots;

/// <summary>
/// Thresholds of <see cref="ShotDetector"/>. Content values are on PySceneDetect's scale
/// (mean HSV difference, 0-255) so its documented defaults carry over.
/// </summary>
public sealed record ShotDetectorOptions
{
    /// <summary>
    /// A frame whose content difference to the previous one is below this is never a cut
    /// (PySceneDetect's AdaptiveDetector <c>min_content_val</c>, default 15).
    /// </summary>
    public double MinContent { get; init; } = 15;

    /// <summary>
    /// The lower floor used when the neighbouring frames are still (mean difference under 1): a slide
    /// whose background colour changes is a new shot even though only the hue moved (8).
    /// </summary>
    public double StillMinContent { get; init; } = 8;

    /// <summary>
    /// How many times larger than the mean difference of its neighbours (two frames each side) a
    /// frame's difference must be to be a cut (PySceneDetect's AdaptiveDetector
    /// <c>adaptive_threshold</c>, default 3). This is what keeps fast motion from being cut up.
    /// </summary>
    public double AdaptiveRatio { get; init; } = 3;

    /// <summary>
    /// A difference at or above this is a cut with a lower ratio (<see cref="StrongRatio"/>), so that
    /// a cut between two busy shots is still found (PySceneDetect's ContentDetector threshold, 27).
    /// </summary>
    public double StrongContent { get; init; } = 27;

    /// <summary>The neighbour ratio a difference of at least <see cref="StrongContent"/> needs (1.8).</summary>
    public double StrongRatio { get; init; } = 1.8;

    /// <summary>Shortest shot in frames (PySceneDetect's <c>min_scene_len</c>, default 15); of two closer cuts the stronger stays.</summary>
    public int MinShotFrames { get; init; } = 15;

    /// <summary>
    /// A frame that differs from its neighbours while the frames around it match each other to
    /// within this content difference (or a third of the jump into the flash, when larger) is a flash,
    /// not a cut (a photographic flash, a white frame, two frames of decoder garbage).
    /// </summary>
    public double FlashMatch { get; init; } = 12;

    /// <summary>Longest flash in frames (3 at most; default 3: bursts of TV static used as an effect last that long).</summary>
    public int MaxFlashFrames { get; init; } = 3;

    /// <summary>A frame whose mean luma (0-255) is below this is black: runs of black between content mark a fade (24).</summary>
    public double BlackLuma { get; init; } = 24;
}
