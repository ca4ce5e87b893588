namespace Cutroom.Timeline.Model;

/// <summary>
/// A segment's metadata, the <c>m</c> object: typed accessors for every key Cutroom knows
/// (null = key absent) and <see cref="Extra"/> for the rest. Units: milliseconds for times,
/// pixels of the output canvas for sizes, fractions 0-1 for positions and opacity.
/// </summary>
public sealed record SegmentMeta
{
    /// <summary>Metadata with no keys.</summary>
    public static SegmentMeta Empty { get; } = new();

    /// <summary>Display name (<c>label</c>), used by the timeline summary.</summary>
    public string? Label { get; init; }

    /// <summary>What <c>src</c> is: video, image or audio (<c>kind</c>, <see cref="MediaKinds"/>); image segments are stills.</summary>
    public string? Kind { get; init; }

    /// <summary>How the picture fills the canvas (<c>fit</c>, <see cref="Fits"/>); absent means contain.</summary>
    public string? Fit { get; init; }

    /// <summary>Fade-in length in ms (<c>fi</c>), picture from black and sound from silence.</summary>
    public long? FadeInMs { get; init; }

    /// <summary>Fade-out length in ms (<c>fo</c>).</summary>
    public long? FadeOutMs { get; init; }

    /// <summary>Transition from the previous adjacent segment into this one (<c>tr</c>).</summary>
    public Transition? Transition { get; init; }

    /// <summary>Audio: repeat the source when it is shorter than the segment (<c>loop</c>).</summary>
    public bool? Loop { get; init; }

    /// <summary>Ken Burns move on a still (<c>motion</c>, <see cref="Motions"/>).</summary>
    public string? Motion { get; init; }

    /// <summary>Text segments: the text, drawn literally (<c>text</c>).</summary>
    public string? Text { get; init; }

    /// <summary>Anchor on the canvas (<c>pos</c>, <see cref="Positions"/>); ignored when <see cref="X"/>/<see cref="Y"/> are set.</summary>
    public string? Position { get; init; }

    /// <summary>Horizontal centre as a fraction 0-1 of the canvas width (<c>x</c>).</summary>
    public double? X { get; init; }

    /// <summary>Vertical centre as a fraction 0-1 of the canvas height (<c>y</c>).</summary>
    public double? Y { get; init; }

    /// <summary>Text size in canvas pixels (<c>size</c>).</summary>
    public double? Size { get; init; }

    /// <summary>Text colour, <c>#RRGGBB</c> or <c>#RRGGBBAA</c> (<c>color</c>).</summary>
    public string? Color { get; init; }

    /// <summary>Text outline width in canvas pixels (<c>outline</c>); 0 or absent: none.</summary>
    public double? Outline { get; init; }

    /// <summary>Colour of a box drawn behind the text, <c>#RRGGBB[AA]</c> (<c>box</c>); absent: no box.</summary>
    public string? Box { get; init; }

    /// <summary>Opacity 0-1 of the picture or text (<c>opacity</c>); absent: 1.</summary>
    public double? Opacity { get; init; }

    /// <summary>
    /// Overlay pictures (logos): width as a fraction (0-1] of the canvas width (<c>scale</c>).
    /// A video segment with a scale is drawn at that size at <see cref="Position"/> instead of filling the canvas.
    /// </summary>
    public double? Scale { get; init; }

    /// <summary>Distance in canvas pixels from the edges for the corner and edge positions (<c>margin</c>).</summary>
    public double? Margin { get; init; }

    /// <summary>Keys of <c>m</c> that Cutroom does not model, kept for the round trip.</summary>
    public UnknownKeys Extra { get; init; } = UnknownKeys.None;

    /// <summary>True when no key at all is set (the writer then leaves <c>m</c> out).</summary>
    public bool IsEmpty => Extra.Count == 0 && this with { Extra = UnknownKeys.None } == Empty;
}
