using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Cutroom.Agent.Tools.Args;

/// <summary>The arguments of a tool that takes none (<c>undo</c>, <c>redo</c>, <c>show_timeline</c>, <c>credits</c>, <c>help</c>).</summary>
public sealed record NoArgs
{
    /// <summary>The one instance.</summary>
    public static NoArgs Instance { get; } = new();
}

/// <summary>Arguments of <c>export</c>.</summary>
public sealed record ExportArgs
{
    /// <summary>mp4 (default), webm, mov or gif.</summary>
    [Description("mp4 (default), webm, mov or gif"), AllowedValues("mp4", "webm", "mov", "gif", null)]
    public string? Format { get; init; }

    /// <summary>low, medium or high (default).</summary>
    [Description("low, medium or high (default)"), AllowedValues("low", "medium", "high", null)]
    public string? Quality { get; init; }

    /// <summary>Render smaller than the canvas: the output height in pixels (texts and margins scale too).</summary>
    [Description("Render smaller than the canvas: output height in pixels (e.g. 720)"), Range(144, 1920)]
    public int? Height { get; init; }
}

/// <summary>Arguments of <c>clarify</c>.</summary>
public sealed record ClarifyArgs
{
    /// <summary>The question for the user, in the user's language.</summary>
    [Description("The question for the user, in the user's language"), MinLength(1)]
    public required string Question { get; init; }
}
