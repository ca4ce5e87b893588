namespace Cutroom.Engine.Render;

/// <summary>
/// A window of output frames of the timeline, <c>[First, First + Count)</c> (end-exclusive, frames at
/// the draft's rate): the part of a draft one render pass produces. A whole render is the window
/// <c>[0, total)</c>; a render chunk is a few seconds of it; a scrubbing frame is one frame.
/// </summary>
/// <param name="First">The first frame, from 0.</param>
/// <param name="Count">How many frames, at least 1.</param>
public readonly record struct FrameWindow(long First, long Count)
{
    /// <summary>The frame after the last one.</summary>
    public long End => First + Count;

    /// <summary>The whole timeline of <paramref name="totalFrames"/> frames.</summary>
    public static FrameWindow All(long totalFrames) => new(0, totalFrames);

    /// <summary>The window <c>[first, end)</c>.</summary>
    public static FrameWindow FromFirstEnd(long first, long end) => new(first, end - first);

    /// <summary>The frames of <c>[first, end)</c> that are also in this window; <see cref="Count"/> is 0 (or less) when none are.</summary>
    public (long First, long End) Clip(long first, long end) => (Math.Max(first, First), Math.Min(end, End));

    /// <summary>True when <c>[first, end)</c> shares at least one frame with this window.</summary>
    public bool Overlaps(long first, long end) => first < End && end > First;

    /// <inheritdoc/>
    public override string ToString() => $"[{First}, {End})";
}
