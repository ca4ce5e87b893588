namespace Cutroom.FFmpeg.Process;

/// <summary>The outcome of a successful ffmpeg run.</summary>
/// <param name="Elapsed">Wall time.</param>
/// <param name="DecodeErrors">How many stderr lines ffmpeg logged at error level while still finishing (damage it concealed).</param>
/// <param name="Warnings">The first distinct warning and error lines (at most 10), without the level prefix.</param>
public sealed record FFmpegRunResult(TimeSpan Elapsed, int DecodeErrors, IReadOnlyList<string> Warnings);
