using System.Collections.Immutable;

namespace Cutroom.Timeline.Model;

/// <summary>
/// The session's editable timeline (api-contract.md §6): canvas <see cref="Width"/> x
/// <see cref="Height"/> at <see cref="Fps"/>, and tracks of segments. Immutable; edits in
/// <see cref="Edits.DraftEdits"/> return new drafts. Read and write it with
/// <see cref="Json.DraftJson"/>, check it with <see cref="Validation.DraftValidator"/>.
/// </summary>
public sealed record Draft
{
    /// <summary>The only draft format version (<c>v</c>).</summary>
    public const int CurrentVersion = 1;

    /// <summary>Format version (<c>v</c>); absent in the JSON means 1.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>Canvas width in pixels (<c>w</c>), even.</summary>
    public int Width { get; init; } = 1920;

    /// <summary>Canvas height in pixels (<c>h</c>), even.</summary>
    public int Height { get; init; } = 1080;

    /// <summary>Output frame rate in frames per second (<c>fps</c>), an integer 1-60.</summary>
    public int Fps { get; init; } = 30;

    /// <summary>
    /// Total duration in ms (<c>d</c>) as stored. Derived: every edit recomputes it with
    /// <see cref="DraftDuration.Compute"/>; a draft read from JSON keeps what the client sent
    /// until <see cref="DraftDuration.WithDerivedDuration"/> is applied.
    /// </summary>
    public long DurationMs { get; init; }

    /// <summary>Metadata (<c>m</c>).</summary>
    public DraftMeta Meta { get; init; } = DraftMeta.Empty;

    /// <summary>Tracks (<c>t</c>), bottom layer first.</summary>
    public ImmutableArray<Track> Tracks { get; init; } = [];

    /// <summary>Top-level keys Cutroom does not model, kept for the round trip.</summary>
    public UnknownKeys Extra { get; init; } = UnknownKeys.None;

    /// <summary>An empty draft on a <paramref name="width"/> x <paramref name="height"/> canvas at <paramref name="fps"/>.</summary>
    public static Draft Create(int width = 1920, int height = 1080, int fps = 30) => new() { Width = width, Height = height, Fps = fps };

    /// <summary>Every segment with its track, tracks in order, segments in list order.</summary>
    public IEnumerable<(Track Track, Segment Segment)> AllSegments() =>
        Tracks.SelectMany(t => t.Segments.Select(s => (t, s)));
}
