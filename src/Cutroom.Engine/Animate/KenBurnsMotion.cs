using Cutroom.Contract.Errors;

namespace Cutroom.Engine.Animate;

/// <summary>
/// The camera moves of <c>cutroom animate</c>. Directions name where the VIEW travels over the
/// picture (as a camera pans): on <see cref="PanLeft"/> the view moves towards the picture's left
/// edge, so the picture itself slides to the right on screen.
/// </summary>
public enum KenBurnsMotion
{
    /// <summary>Push in from the whole picture to its centre (zoom 1 to <see cref="CameraPath.ZoomAmount"/>).</summary>
    ZoomIn,
    /// <summary>Pull out from the centre to the whole picture.</summary>
    ZoomOut,
    /// <summary>The view travels from the picture's right edge to its left edge.</summary>
    PanLeft,
    /// <summary>The view travels from the picture's left edge to its right edge.</summary>
    PanRight,
    /// <summary>The view travels from the picture's bottom edge to its top edge.</summary>
    PanUp,
    /// <summary>The view travels from the picture's top edge to its bottom edge.</summary>
    PanDown,
}

/// <summary>Names of <see cref="KenBurnsMotion"/> in requests and drafts (<c>zoom-in</c>, <c>pan-left</c>...).</summary>
public static class KenBurnsMotionNames
{
    /// <summary>The request field that holds a motion.</summary>
    public const string Field = "motion";

    /// <summary>Every name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<KenBurnsMotion>().Select(Name).ToList();

    /// <summary>Parses a name such as <c>zoom-in</c> (case-insensitive; <c>zoom_in</c> and <c>zoomin</c> also accepted).</summary>
    /// <exception cref="JobInputException">For an unknown name: <see cref="JobErrorCodes.UnknownValue"/> on <see cref="Field"/>.</exception>
    public static KenBurnsMotion Parse(string? text)
    {
        var key = (text ?? "").Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        foreach (var m in Enum.GetValues<KenBurnsMotion>())
            if (string.Equals(m.ToString(), key, StringComparison.OrdinalIgnoreCase)) return m;
        throw new JobInputException(JobErrorCodes.UnknownValue, Field, $"must be one of {string.Join(", ", All)} (got '{text}')");
    }

    /// <summary>The kebab-case name (<c>zoom-in</c>).</summary>
    public static string Name(this KenBurnsMotion motion) => motion switch
    {
        KenBurnsMotion.ZoomIn => "zoom-in",
        KenBurnsMotion.ZoomOut => "zoom-out",
        KenBurnsMotion.PanLeft => "pan-left",
        KenBurnsMotion.PanRight => "pan-right",
        KenBurnsMotion.PanUp => "pan-up",
        KenBurnsMotion.PanDown => "pan-down",
        _ => throw new ArgumentOutOfRangeException(nameof(motion)),
    };
}
