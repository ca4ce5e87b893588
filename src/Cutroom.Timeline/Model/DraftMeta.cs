namespace Cutroom.Timeline.Model;

/// <summary>The draft's metadata, the top-level <c>m</c> object.</summary>
public sealed record DraftMeta
{
    /// <summary>Metadata with no keys.</summary>
    public static DraftMeta Empty { get; } = new();

    /// <summary>Project title (<c>title</c>).</summary>
    public string? Title { get; init; }

    /// <summary>Aspect ratio as written by the aspect edits, e.g. "16:9" (<c>aspect</c>); informative, <c>w</c>/<c>h</c> decide.</summary>
    public string? Aspect { get; init; }

    /// <summary>Platform preset last applied, e.g. "tiktok" (<c>platform</c>, <see cref="Platforms"/>).</summary>
    public string? Platform { get; init; }

    /// <summary>Background colour of the canvas, <c>#RRGGBB</c> (<c>bg</c>); absent: black.</summary>
    public string? Background { get; init; }

    /// <summary>Keys Cutroom does not model, kept for the round trip.</summary>
    public UnknownKeys Extra { get; init; } = UnknownKeys.None;

    /// <summary>True when no key at all is set.</summary>
    public bool IsEmpty => Title is null && Aspect is null && Platform is null && Background is null && Extra.Count == 0;
}
