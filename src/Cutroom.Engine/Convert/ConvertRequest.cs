using Cutroom.Contract.Output;
using Cutroom.Engine.Encoding;

namespace Cutroom.Engine.Convert;

/// <summary>A request to re-encode a video to a web-friendly file, optionally scaled to a height.</summary>
/// <param name="InputPath">The source video.</param>
/// <param name="OutputPath">The file to write (through a temporary name; replaced when complete).</param>
public sealed record ConvertRequest(string InputPath, string OutputPath)
{
    /// <summary>Output height in pixels (as displayed, after rotation); the width follows the aspect ratio. Null keeps the source's size.</summary>
    public int? Height { get; init; }

    /// <summary>Allow an output taller than the source; when false (default) a larger <see cref="Height"/> keeps the source's height.</summary>
    public bool Upscale { get; init; }

    /// <summary>Encoding quality.</summary>
    public OutputQuality Quality { get; init; } = OutputQuality.Medium;

    /// <summary>The container; null picks it from the output's extension (<c>.webm</c>, <c>.mov</c>, else MP4).</summary>
    public OutputFormat? Format { get; init; }
}
