using System.Globalization;
using Cutroom.Contract.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Animate;

/// <summary>An output frame size in pixels.</summary>
/// <param name="Width">Width, pixels.</param>
/// <param name="Height">Height, pixels.</param>
public readonly record struct CanvasSize(int Width, int Height)
{
    /// <summary>The longest side accepted: the draft's limit, <see cref="DraftLimits.MaxLongSide"/> (1920: 1080p in either orientation).</summary>
    public const int MaxSide = DraftLimits.MaxLongSide;

    /// <summary>The shortest side accepted, pixels.</summary>
    public const int MinSide = 16;

    /// <summary>The request field of an aspect ratio.</summary>
    public const string AspectField = "aspect";

    /// <summary>1920x1080, the default.</summary>
    public static CanvasSize Landscape1080 => new(1920, 1080);

    /// <summary>The 1080p canvas of an aspect ratio: <c>16:9</c> 1920x1080, <c>9:16</c> 1080x1920, <c>1:1</c> 1080x1080.</summary>
    /// <exception cref="JobInputException">For another aspect: <see cref="JobErrorCodes.UnknownValue"/> on <see cref="AspectField"/>.</exception>
    public static CanvasSize FromAspect(string aspect) => aspect.Trim() switch
    {
        "16:9" => new(1920, 1080),
        "9:16" => new(1080, 1920),
        "1:1" => new(1080, 1080),
        _ => throw new JobInputException(JobErrorCodes.UnknownValue, AspectField, $"must be 16:9, 9:16 or 1:1 (got '{aspect}')"),
    };

    /// <summary>
    /// The one place that picks a canvas from neutral values: <paramref name="aspect"/>, or
    /// <paramref name="width"/> and <paramref name="height"/> together, or the 1920x1080 default.
    /// The size itself is checked by the request (<see cref="Problems"/>).
    /// </summary>
    /// <exception cref="JobInputException">
    /// Both forms given (<see cref="JobErrorCodes.NotApplicable"/> on <see cref="AspectField"/>), only one
    /// side given (<see cref="JobErrorCodes.Required"/> on the other), or an unknown aspect.
    /// </exception>
    public static CanvasSize Resolve(string? aspect, int? width, int? height)
    {
        var errors = new JobErrorList();
        if (aspect is not null && (width is not null || height is not null))
            errors.Add(JobErrorCodes.NotApplicable, AspectField, "goes without a width and height: give one or the other");
        else if (width is null && height is not null)
            errors.Add(JobErrorCodes.Required, JobFields.Width, "is required with a height");
        else if (width is not null && height is null)
            errors.Add(JobErrorCodes.Required, JobFields.Height, "is required with a width");
        errors.ThrowIfAny();
        return aspect is not null ? FromAspect(aspect) : width is { } w && height is { } h ? new CanvasSize(w, h) : Landscape1080;
    }

    /// <summary>
    /// The problems of this size, on the fields <see cref="JobFields.Width"/> and <see cref="JobFields.Height"/>:
    /// a long side over <see cref="MaxSide"/> or a side under <see cref="MinSide"/>
    /// (<see cref="JobErrorCodes.OutOfRange"/>), an odd side (<see cref="JobErrorCodes.NotEven"/>: yuv420p needs even sides).
    /// </summary>
    public IEnumerable<JobError> Problems()
    {
        var longField = Width >= Height ? JobFields.Width : JobFields.Height;
        if (Math.Max(Width, Height) > MaxSide)
            yield return new JobError(JobErrorCodes.OutOfRange, longField, N($"must be at most {MaxSide} px on the long side (got {Math.Max(Width, Height)})"));
        foreach (var (field, side) in new[] { (JobFields.Width, Width), (JobFields.Height, Height) })
        {
            if (side < MinSide)
                yield return new JobError(JobErrorCodes.OutOfRange, field, N($"must be at least {MinSide} px (got {side})"));
            else if (side % 2 != 0)
                yield return new JobError(JobErrorCodes.NotEven, field, N($"must be even for H.264 in yuv420p (got {side})"));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => N($"{Width}x{Height}");

    private static string N(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
