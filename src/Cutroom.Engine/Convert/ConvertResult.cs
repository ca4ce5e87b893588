using Cutroom.Contract.Output;
using Cutroom.Engine.Encoding;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Convert;

/// <summary>What <see cref="ConvertJob"/> wrote, measured by probing the output.</summary>
public sealed record ConvertResult
{
    /// <summary>The output file (absolute path).</summary>
    public required string OutputPath { get; init; }
    /// <summary>The container written.</summary>
    public required OutputFormat Format { get; init; }
    /// <summary>The quality level used.</summary>
    public required OutputQuality Quality { get; init; }
    /// <summary>Source size as displayed (after rotation), in pixels.</summary>
    public required int SourceWidth { get; init; }
    /// <summary>Source height as displayed, in pixels.</summary>
    public required int SourceHeight { get; init; }
    /// <summary>The rotation that was applied to the pictures (degrees, as the source's display matrix said; 0 for none).</summary>
    public required int RotationApplied { get; init; }
    /// <summary>True when the requested height was above the source's and the source's was kept (no <c>--upscale</c>).</summary>
    public required bool UpscaleRefused { get; init; }
    /// <summary>Output width in pixels, as probed.</summary>
    public required int Width { get; init; }
    /// <summary>Output height in pixels, as probed.</summary>
    public required int Height { get; init; }
    /// <summary>Output frame rate, as probed (the source's).</summary>
    public required Rational FrameRate { get; init; }
    /// <summary>Output video frames, as counted.</summary>
    public required long FrameCount { get; init; }
    /// <summary>Output duration (ms).</summary>
    public required long DurationMs { get; init; }
    /// <summary>Output video codec (<c>h264</c>, <c>vp9</c>).</summary>
    public required string VideoCodec { get; init; }
    /// <summary>Output audio codec (<c>aac</c>, <c>opus</c>), null when the source has no audio.</summary>
    public string? AudioCodec { get; init; }
    /// <summary>Output size in bytes.</summary>
    public required long SizeBytes { get; init; }
    /// <summary>Things the user should know (damaged source, height kept), one line each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
