namespace Cutroom.Timeline.Edits;

/// <summary>A text to add (the agent's <c>add_text</c>).</summary>
public sealed record TextSpec
{
    /// <summary>The text, drawn literally (any Unicode, newlines allowed).</summary>
    public required string Text { get; init; }

    /// <summary>Start on the timeline in ms.</summary>
    public long StartMs { get; init; }

    /// <summary>Duration in ms; null: 3000 ms, shortened to the end of the timeline when that comes first.</summary>
    public long? DurationMs { get; init; }

    /// <summary>top, center or bottom (or a corner); null: center.</summary>
    public string? Position { get; init; }

    /// <summary>Horizontal centre 0-1 instead of a position.</summary>
    public double? X { get; init; }

    /// <summary>Vertical centre 0-1 instead of a position.</summary>
    public double? Y { get; init; }

    /// <summary>Size in canvas pixels; null: 1/12 of the canvas's short side (90 px on 1080p).</summary>
    public double? Size { get; init; }

    /// <summary>Colour name or hex (<see cref="ColorNames"/>); null: white.</summary>
    public string? Color { get; init; }

    /// <summary>Name of the text track created when no existing one has room; null: "Text".</summary>
    public string? TrackName { get; init; }
}

/// <summary>Changes to a text (the agent's <c>edit_text</c>); null leaves a property as it is.</summary>
public sealed record TextChange
{
    /// <summary>New text.</summary>
    public string? Text { get; init; }

    /// <summary>New position (clears x/y).</summary>
    public string? Position { get; init; }

    /// <summary>New horizontal centre 0-1.</summary>
    public double? X { get; init; }

    /// <summary>New vertical centre 0-1.</summary>
    public double? Y { get; init; }

    /// <summary>New size in canvas pixels.</summary>
    public double? Size { get; init; }

    /// <summary>New colour name or hex.</summary>
    public string? Color { get; init; }

    /// <summary>New start in ms.</summary>
    public long? StartMs { get; init; }

    /// <summary>New duration in ms.</summary>
    public long? DurationMs { get; init; }
}
