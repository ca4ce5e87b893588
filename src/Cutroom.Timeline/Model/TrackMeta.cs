namespace Cutroom.Timeline.Model;

/// <summary>A track's metadata, the <c>m</c> object of <c>t[i]</c>.</summary>
public sealed record TrackMeta
{
    /// <summary>Metadata with no keys.</summary>
    public static TrackMeta Empty { get; } = new();

    /// <summary>Display name (<c>name</c>), e.g. "Video", "BGM", "Title"; used by the timeline summary.</summary>
    public string? Name { get; init; }

    /// <summary>What an audio track is for (<c>role</c>, <see cref="TrackRoles"/>): music or voice.</summary>
    public string? Role { get; init; }

    /// <summary>Keys Cutroom does not model, kept for the round trip.</summary>
    public UnknownKeys Extra { get; init; } = UnknownKeys.None;

    /// <summary>True when no key at all is set.</summary>
    public bool IsEmpty => Name is null && Role is null && Extra.Count == 0;
}
