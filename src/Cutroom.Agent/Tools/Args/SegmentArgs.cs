using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Cutroom.Agent.Tools.Args;

/// <summary>Arguments of <c>add_clip</c>.</summary>
public sealed record AddClipArgs
{
    /// <summary>The video or image to place (media id).</summary>
    [Description("The video or image to place: a media id")]
    public required string Media { get; init; }

    /// <summary>Timeline position (ms); absent: appended at the end.</summary>
    [Description("Where on the timeline, in ms (a cut between segments inserts); absent: at the end"), Range(0L, long.MaxValue)]
    public long? AtMs { get; init; }

    /// <summary>A track id; absent: the main video track.</summary>
    [Description("A track id; absent: the main video track")]
    public string? Track { get; init; }

    /// <summary>Length on the timeline (ms); absent: a clip's whole length, 3 s for an image.</summary>
    [Description("Length on the timeline in ms (absent: the whole clip, 3000 for an image)"), Range(1L, long.MaxValue)]
    public long? DurationMs { get; init; }

    /// <summary>A segment id to put the media in place of (keeps its time, fades and transition).</summary>
    [Description("Replace this segment (id) with the media, keeping its place, fades and transition")]
    public string? Replace { get; init; }
}

/// <summary>
/// Arguments of <c>remove_segment</c>. With <c>start_ms</c>/<c>end_ms</c> only that timeline
/// range of the segment is cut out (the rest closes up).
/// </summary>
public sealed record RemoveSegmentArgs
{
    /// <summary>The segment id.</summary>
    [Description("The segment id")]
    public required string Segment { get; init; }

    /// <summary>Start of a range inside the segment to cut out (timeline ms).</summary>
    [Description("Cut out only this part: its start on the timeline, in ms"), Range(0L, long.MaxValue)]
    public long? StartMs { get; init; }

    /// <summary>End of that range (timeline ms, exclusive).</summary>
    [Description("Cut out only this part: its end on the timeline, in ms"), Range(1L, long.MaxValue)]
    public long? EndMs { get; init; }
}

/// <summary>Arguments of <c>move_segment</c>: a new start (<c>at_ms</c>) or a new place in the order (<c>index</c>, 0 = first).</summary>
public sealed record MoveSegmentArgs : IValidatableObject
{
    /// <summary>The segment id.</summary>
    [Description("The segment id")]
    public required string Segment { get; init; }

    /// <summary>New start on its track (ms).</summary>
    [Description("New start on its track, in ms"), Range(0L, long.MaxValue)]
    public long? AtMs { get; init; }

    /// <summary>New position in the track's order, 0 = first (the track closes up).</summary>
    [Description("New position in the track's order, 0 = first"), Range(0, 10_000)]
    public int? Index { get; init; }

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((AtMs is null) == (Index is null)) yield return new ValidationResult("give at_ms or index");
    }
}

/// <summary>
/// Arguments of <c>trim_segment</c>: the source in/out points (<c>start_ms</c>/<c>end_ms</c>),
/// or timeline ms cut off the head/tail (<c>cut_start_ms</c>/<c>cut_end_ms</c>), or a new
/// length (<c>duration_ms</c>, also for stills).
/// </summary>
public sealed record TrimSegmentArgs : IValidatableObject
{
    /// <summary>The segment id.</summary>
    [Description("The segment id")]
    public required string Segment { get; init; }

    /// <summary>New in-point in the source (ms).</summary>
    [Description("New in-point in the source media, in ms"), Range(0L, long.MaxValue)]
    public long? StartMs { get; init; }

    /// <summary>New out-point in the source (ms).</summary>
    [Description("New out-point in the source media, in ms"), Range(1L, long.MaxValue)]
    public long? EndMs { get; init; }

    /// <summary>Timeline ms to cut off the head.</summary>
    [Description("Cut this many ms off the head"), Range(0L, long.MaxValue)]
    public long? CutStartMs { get; init; }

    /// <summary>Timeline ms to cut off the tail.</summary>
    [Description("Cut this many ms off the tail"), Range(0L, long.MaxValue)]
    public long? CutEndMs { get; init; }

    /// <summary>New length on the timeline (ms): a clip is cut at the tail, a still is lengthened or shortened.</summary>
    [Description("New length on the timeline in ms (clips are cut at the tail; stills may also grow)"), Range(1L, long.MaxValue)]
    public long? DurationMs { get; init; }

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var source = StartMs is not null || EndMs is not null;
        var cut = CutStartMs is not null || CutEndMs is not null;
        var kinds = (source ? 1 : 0) + (cut ? 1 : 0) + (DurationMs is null ? 0 : 1);
        if (kinds != 1) yield return new ValidationResult("give start_ms/end_ms, or cut_start_ms/cut_end_ms, or duration_ms");
    }
}

/// <summary>Arguments of <c>split_segment</c>.</summary>
public sealed record SplitSegmentArgs
{
    /// <summary>The segment id.</summary>
    [Description("The segment id")]
    public required string Segment { get; init; }

    /// <summary>Timeline time strictly inside the segment (ms).</summary>
    [Description("Where to split: a timeline time strictly inside the segment, in ms"), Range(1L, long.MaxValue)]
    public required long AtMs { get; init; }
}

/// <summary>Arguments of <c>set_speed</c>.</summary>
public sealed record SetSpeedArgs
{
    /// <summary>A segment id, or <c>all</c> for every clip of the video tracks.</summary>
    [Description("A segment id, or \"all\" for every clip")]
    public required string Segment { get; init; }

    /// <summary>Speed factor 0.25-4.</summary>
    [Description("Speed factor: 2 = twice as fast, 0.5 = half speed"), Range(0.25, 4.0)]
    public required double Speed { get; init; }
}
