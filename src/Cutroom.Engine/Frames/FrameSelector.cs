using Cutroom.Contract.Time;

namespace Cutroom.Engine.Frames;

/// <summary>
/// Which frames to extract. Exactly one selector per job, made by <see cref="FrameSelection.From"/>.
/// Frame indices count decoded frames in presentation order from the start of the range (frame 0 is
/// the first frame at or after <see cref="FramesRequest.Start"/>, or of the file).
/// </summary>
public abstract record FrameSelector
{
    private FrameSelector() { }

    /// <summary>Every Nth decoded frame, frame 0 first: 0, N, 2N... (field <c>every</c>).</summary>
    /// <param name="N">The step in frames, ≥ 1.</param>
    public sealed record Every(int N) : FrameSelector;

    /// <summary>
    /// R frames per second of video (field <c>fps</c>): for each time k/R, the first frame at or after it
    /// (ffmpeg <c>select</c> on <c>floor(t*R)</c> changing between consecutive frames).
    /// </summary>
    /// <param name="FramesPerSecond">Frames per second, &gt; 0, at most <see cref="FramesRequest.MaxFps"/>.</param>
    public sealed record Rate(Rational FramesPerSecond) : FrameSelector;

    /// <summary>The frames shown at the given times (field <c>at</c>): for each time, the last frame whose pts is at or before it.</summary>
    /// <param name="Times">Times from the start of the file, at least one, none negative.</param>
    public sealed record At(IReadOnlyList<MediaTime> Times) : FrameSelector;

    /// <summary>The frames shown at 0, I, 2I... within the range (field <c>interval</c>).</summary>
    /// <param name="Spacing">The interval I, &gt; 0.</param>
    public sealed record Interval(MediaTime Spacing) : FrameSelector;

    /// <summary>Keyframes only (field <c>keyframes</c>): the decoder skips every other frame (<c>-skip_frame nokey</c>), so this is much faster.</summary>
    public sealed record Keyframes : FrameSelector;

    /// <summary>
    /// N frames evenly spread over the range (field <c>count</c>): frame <c>floor((i + 0.5) × F / N)</c> for i in 0..N-1,
    /// where F is the range's frame count — the centre of each of N equal parts, so neither the
    /// first (often black) nor the last frame is forced in.
    /// </summary>
    /// <param name="N">How many frames, 1 to <see cref="FramesRequest.MaxCount"/>.</param>
    public sealed record Count(int N) : FrameSelector;

    /// <summary>A short description for manifests and messages ("every 10th frame").</summary>
    public string Describe() => this switch
    {
        Every e => e.N == 1 ? "every frame" : $"every {Ordinal(e.N)} frame",
        Rate r => $"{r.FramesPerSecond.ToDouble():0.###} frames per second",
        At a => $"frames at {string.Join(", ", a.Times.Select(t => t.ToClock()))}",
        Interval i => $"a frame every {i.Spacing.TotalSeconds:0.###} s",
        Keyframes => "keyframes",
        Count c => $"{c.N} frames evenly spread",
        _ => GetType().Name,
    };

    private static string Ordinal(int n) => (n % 100) is 11 or 12 or 13 ? $"{n}th" : (n % 10) switch
    {
        1 => $"{n}st",
        2 => $"{n}nd",
        3 => $"{n}rd",
        _ => $"{n}th",
    };
}
