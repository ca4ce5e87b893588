using Cutroom.Contract.Errors;

namespace Cutroom.Engine.Stills;

/// <summary>How a picture of any aspect ratio fills a canvas.</summary>
public enum StillFit
{
    /// <summary>Scale to cover the whole canvas, cropping the overflow at the centre (the default).</summary>
    Cover,
    /// <summary>Scale to fit inside the canvas, black bars on the sides left over.</summary>
    Contain,
    /// <summary>Fit inside the canvas over a blurred, covering copy of itself (the usual way to put 16:9 in 9:16).</summary>
    Blur,
}

/// <summary>Names of <see cref="StillFit"/> in requests, drafts and JSON.</summary>
public static class StillFitNames
{
    /// <summary>The request field that holds a fit.</summary>
    public const string Field = "fit";

    /// <summary>Parses <c>cover</c>, <c>contain</c> or <c>blur</c> (case-insensitive; empty is cover).</summary>
    /// <exception cref="JobInputException">For any other text: <see cref="JobErrorCodes.UnknownValue"/> on <see cref="Field"/>.</exception>
    public static StillFit Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "cover" => StillFit.Cover,
        "contain" => StillFit.Contain,
        "blur" => StillFit.Blur,
        _ => throw new JobInputException(JobErrorCodes.UnknownValue, Field, $"must be cover, contain or blur (got '{text}')"),
    };

    /// <summary>The lower-case name.</summary>
    public static string Name(this StillFit fit) => fit.ToString().ToLowerInvariant();
}
