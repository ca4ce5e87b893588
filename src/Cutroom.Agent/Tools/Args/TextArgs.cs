using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Cutroom.Agent.Tools.Args;

/// <summary>Arguments of <c>add_text</c>.</summary>
public sealed record AddTextArgs
{
    /// <summary>The text, drawn literally.</summary>
    [Description("The text, drawn literally (any language)"), MinLength(1), MaxLength(1000)]
    public required string Text { get; init; }

    /// <summary>Start on the timeline (ms, default 0).</summary>
    [Description("Start on the timeline in ms (default 0)"), Range(0L, long.MaxValue)]
    public long? StartMs { get; init; }

    /// <summary>How long it shows (ms, default 3 s).</summary>
    [Description("How long it shows, in ms (default 3000)"), Range(1L, long.MaxValue)]
    public long? DurationMs { get; init; }

    /// <summary>top, center or bottom (default center).</summary>
    [Description("top, center (default) or bottom"), AllowedValues("top", "center", "bottom", "top-left", "top-right", "bottom-left", "bottom-right", null)]
    public string? Position { get; init; }

    /// <summary>Text size in canvas pixels.</summary>
    [Description("Text size in canvas pixels (default: 1/12 of the short side)"), Range(1.0, 1080.0)]
    public double? Size { get; init; }

    /// <summary>Colour: a name (red) or #RRGGBB.</summary>
    [Description("Colour: a name such as red, or #RRGGBB")]
    public string? Color { get; init; }
}

/// <summary>Arguments of <c>edit_text</c>: the fields given change, the others stay.</summary>
public sealed record EditTextArgs
{
    /// <summary>The text segment id.</summary>
    [Description("The text segment id")]
    public required string Segment { get; init; }

    /// <summary>New text.</summary>
    [Description("New text"), MinLength(1), MaxLength(1000)]
    public string? Text { get; init; }

    /// <summary>New position.</summary>
    [Description("top, center or bottom"), AllowedValues("top", "center", "bottom", "top-left", "top-right", "bottom-left", "bottom-right", null)]
    public string? Position { get; init; }

    /// <summary>New size (canvas pixels).</summary>
    [Description("New size in canvas pixels"), Range(1.0, 1080.0)]
    public double? Size { get; init; }

    /// <summary>New colour.</summary>
    [Description("New colour: a name or #RRGGBB")]
    public string? Color { get; init; }

    /// <summary>New start (ms).</summary>
    [Description("New start in ms"), Range(0L, long.MaxValue)]
    public long? StartMs { get; init; }

    /// <summary>New duration (ms).</summary>
    [Description("New duration in ms"), Range(1L, long.MaxValue)]
    public long? DurationMs { get; init; }
}

/// <summary>Arguments of <c>remove_text</c>.</summary>
public sealed record RemoveTextArgs
{
    /// <summary>The text segment id.</summary>
    [Description("The text segment id")]
    public required string Segment { get; init; }
}
