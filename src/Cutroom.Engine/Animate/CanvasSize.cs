using System.Globalization;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Engine.Animate;

/// <summary>An output frame size in pixels.</summary>
/// <param name="Width">Width, pixels.</param>
/// <param name="Height">Height, pixels.</param>
public readonly record struct CanvasSize(int Width, int Height)
{
    /// <summary>The longest side accepted (1920: 1080p in either orientation).</summary>
    public const int MaxSide = 1920;

    /// <summary>The shortest side accepted.</summary>
    public const int MinSide = 16;

    /// <summary>1920x1080, the default.</summary>
    public static CanvasSize Landscape1080 => new(1920, 1080);

    /// <summary>The 1080p canvas of an aspect ratio: <c>16:9</c> 1920x1080, <c>9:16</c> 1080x1920, <c>1:1</c> 1080x1080.</summary>
    /// <exception cref="JobInputException">For another aspect (a usage error).</exception>
    public static CanvasSize FromAspect(string aspect) => aspect.Trim() switch
    {
        "16:9" => new(1920, 1080),
        "9:16" => new(1080, 1920),
        "1:1" => new(1080, 1080),
        _ => throw new JobInputException($"unknown aspect '{aspect}'; use 16:9, 9:16 or 1:1", isUsage: true),
    };

    /// <summary>
    /// Picks the canvas from the command line: <paramref name="aspect"/>, or <paramref name="width"/> and
    /// <paramref name="height"/> together, or the 1920x1080 default; then checks it.
    /// </summary>
    /// <exception cref="JobInputException">When both forms or only one side are given, or the size fails <see cref="Validate"/> (usage errors).</exception>
    public static CanvasSize Resolve(string? aspect, int? width, int? height)
    {
        if (aspect is not null && (width is not null || height is not null))
            throw new JobInputException("give either --aspect or --width and --height, not both", isUsage: true);
        if ((width is null) != (height is null))
            throw new JobInputException("--width and --height go together", isUsage: true);
        var size = aspect is not null ? FromAspect(aspect) : width is { } w && height is { } h ? new CanvasSize(w, h) : Landscape1080;
        size.Validate();
        return size;
    }

    /// <summary>Checks the size: both sides even (yuv420p needs it), at least <see cref="MinSide"/>, at most <see cref="MaxSide"/>.</summary>
    /// <exception cref="JobInputException">When a side is out of range or odd (a usage error).</exception>
    public void Validate()
    {
        if (Math.Max(Width, Height) > MaxSide)
            throw new JobInputException($"canvas {this} is over {MaxSide} px on the long side; the largest are 1920x1080, 1080x1920 and 1080x1080", isUsage: true);
        if (Math.Min(Width, Height) < MinSide)
            throw new JobInputException($"canvas {this} is too small; each side must be at least {MinSide} px", isUsage: true);
        if (Width % 2 != 0 || Height % 2 != 0)
            throw new JobInputException($"canvas {this} has an odd side; H.264 in yuv420p needs even widths and heights", isUsage: true);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}");
}
