using System.Text.Json.Serialization;
using Cutroom.FFmpeg.Probe;

namespace Cutroom.Engine.Render;

/// <summary>A rendered draft, as verified by probing the output once.</summary>
/// <param name="File">The output file.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="DurationMs">Duration as probed, in ms (shown to users as is).</param>
/// <param name="Frames">Video frames written.</param>
/// <param name="SizeBytes">File size.</param>
/// <param name="ElapsedMs">Wall time of the render, in ms.</param>
/// <param name="Warnings">Problems that did not stop the render.</param>
public sealed record RenderResult(string File, int Width, int Height, long DurationMs, long Frames, long SizeBytes, long ElapsedMs, IReadOnlyList<string> Warnings)
{
    /// <summary>The probe of the output that verified it (a picture, sound unless GIF, a duration); not serialized.</summary>
    [JsonIgnore]
    public MediaInfo? Probe { get; init; }

    /// <summary>How the render was split and what it reused; null for a one-pass render.</summary>
    public Chunks.RenderChunkReport? Chunks { get; init; }
}
