namespace Cutroom.Timeline.Model;

/// <summary>
/// One segment (<c>sg[i]</c>) of a track: a range of a media item, or a text, placed on the
/// timeline. All times are integer milliseconds; ranges are end-exclusive: the segment covers
/// the timeline range [<see cref="StartMs"/>, <see cref="EndMs"/>) and the source range
/// [<see cref="InPointMs"/>, <see cref="OutPointMs"/>) of its media. Raw keys are nullable where
/// the wire format lets them be absent; the non-null "effective" accessors apply the defaults.
/// </summary>
public sealed record Segment
{
    /// <summary>Identifier, unique in the draft (<c>id</c>, 1-64 of <c>A-Z a-z 0-9 _ -</c>); empty when absent.</summary>
    public string Id { get; init; } = "";

    /// <summary>Media id (or, on the command line, a file path) of the source (<c>src</c>); required on video and audio tracks.</summary>
    public string? Src { get; init; }

    /// <summary>Start on the timeline in ms (<c>st</c>).</summary>
    public long StartMs { get; init; }

    /// <summary>Duration on the timeline in ms (<c>d</c>), greater than 0.</summary>
    public long DurationMs { get; init; }

    /// <summary>In-point in the source in ms (<c>so</c>); absent means 0.</summary>
    public long? SourceInMs { get; init; }

    /// <summary>Speed factor 0.25-4 (<c>sp</c>); absent means 1.</summary>
    public double? Speed { get; init; }

    /// <summary>Volume factor 0-2 (<c>vol</c>), 1 unchanged, 0 muted; absent means 1.</summary>
    public double? Volume { get; init; }

    /// <summary>Metadata (<c>m</c>).</summary>
    public SegmentMeta Meta { get; init; } = SegmentMeta.Empty;

    /// <summary>Keys of the segment object that Cutroom does not model, kept for the round trip.</summary>
    public UnknownKeys Extra { get; init; } = UnknownKeys.None;

    /// <summary>End on the timeline in ms, exclusive: <c>st + d</c>.</summary>
    public long EndMs => StartMs + DurationMs;

    /// <summary>Effective in-point in ms (<c>so</c>, default 0).</summary>
    public long InPointMs => SourceInMs ?? 0;

    /// <summary>Effective speed factor (<c>sp</c>, default 1).</summary>
    public double SpeedFactor => Speed ?? 1.0;

    /// <summary>Effective volume factor (<c>vol</c>, default 1).</summary>
    public double VolumeFactor => Volume ?? 1.0;

    /// <summary>
    /// Length of source consumed in ms: <c>d × sp</c>, rounded half away from zero
    /// (a 4000 ms segment at speed 2 plays 8000 ms of its media).
    /// </summary>
    public long SourceDurationMs => (long)Math.Round(DurationMs * SpeedFactor, MidpointRounding.AwayFromZero);

    /// <summary>Out-point in the source in ms, exclusive: <c>so + d × sp</c>.</summary>
    public long OutPointMs => InPointMs + SourceDurationMs;

    /// <summary>True when the source is an image shown as a still (<c>m.kind</c> = image).</summary>
    public bool IsStill => Meta.Kind == MediaKinds.Image;
}
