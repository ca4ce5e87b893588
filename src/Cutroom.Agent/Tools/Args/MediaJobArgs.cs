using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Cutroom.Engine.Highlights;

namespace Cutroom.Agent.Tools.Args;

/// <summary>Arguments of <c>probe</c>.</summary>
public sealed record ProbeArgs
{
    /// <summary>The media to inspect.</summary>
    [Description("The media to inspect: a media id")]
    public required string Media { get; init; }

    /// <summary>What the user asked about (resolution, duration, fps, codec, size, audio, bitrate, rotation); absent: everything.</summary>
    [Description("What the user asked about, to answer first: resolution, duration, fps, codec, size, audio, bitrate, rotation")]
    public IReadOnlyList<string>? Fields { get; init; }
}

/// <summary>Arguments of <c>summarize</c>.</summary>
public sealed record SummarizeArgs
{
    /// <summary>The video or audio to summarise.</summary>
    [Description("The video or audio to summarise: a media id")]
    public required string Media { get; init; }
}

/// <summary>Arguments of <c>highlights</c>.</summary>
public sealed record HighlightsArgs
{
    /// <summary>The video.</summary>
    [Description("The video: a media id")]
    public required string Media { get; init; }

    /// <summary>Clips wanted (default <see cref="HighlightsRequest.DefaultCount"/>).</summary>
    [Description("How many highlight clips (default 5)"), Range(HighlightsRequest.MinCount, HighlightsRequest.MaxCount)]
    public int? Count { get; init; }

    /// <summary>Shortest clip (ms, default <see cref="HighlightsRequest.DefaultMinMs"/>).</summary>
    [Description("Shortest clip in ms (default 10000)"), Range(HighlightsRequest.ShortestClipMs, HighlightsRequest.LongestClipMs)]
    public long? MinMs { get; init; }

    /// <summary>Longest clip (ms, default <see cref="HighlightsRequest.DefaultMaxMs"/>).</summary>
    [Description("Longest clip in ms (default 45000)"), Range(HighlightsRequest.ShortestClipMs, HighlightsRequest.LongestClipMs)]
    public long? MaxMs { get; init; }

    /// <summary>Also join the clips into one reel.</summary>
    [Description("Also join the clips into one highlight reel")]
    public bool? Reel { get; init; }

    /// <summary>fast (stream copy, cuts on keyframes) or exact (re-encoded).</summary>
    [Description("fast: stream copy; exact: re-encoded, frame-accurate"), AllowedValues("fast", "exact", null)]
    public string? Mode { get; init; }
}

/// <summary>
/// Arguments of <c>trim</c>. Both times absent: the dead head and tail (black or silent
/// stretches touching the start or the end, found by analysis) are cut.
/// </summary>
public sealed record TrimArgs : IValidatableObject
{
    /// <summary>The video.</summary>
    [Description("The video: a media id")]
    public required string Media { get; init; }

    /// <summary>Start of the part to keep (ms).</summary>
    [Description("Start of the part to keep, in ms (absent with end_ms: cut the black/silent head and tail)"), Range(0L, long.MaxValue)]
    public long? StartMs { get; init; }

    /// <summary>End of the part to keep (ms, exclusive); absent: the end of the video.</summary>
    [Description("End of the part to keep, in ms (absent: the end of the video)"), Range(1L, long.MaxValue)]
    public long? EndMs { get; init; }

    /// <summary>exact (re-encoded, default) or fast (stream copy from the keyframe before the start).</summary>
    [Description("exact (default, frame-accurate) or fast (stream copy)"), AllowedValues("fast", "exact", null)]
    public string? Mode { get; init; }

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (StartMs is { } s && EndMs is { } e && e <= s) yield return new ValidationResult("end_ms must be after start_ms", [nameof(EndMs)]);
    }
}

/// <summary>Arguments of <c>convert</c>.</summary>
public sealed record ConvertArgs
{
    /// <summary>The video.</summary>
    [Description("The video: a media id")]
    public required string Media { get; init; }

    /// <summary>Output height in pixels (1080, 720, ...); a smaller source is scaled up (Lanczos), only sizes over the limits are refused.</summary>
    [Description("Output height in pixels, e.g. 1080 or 720 (a smaller source is scaled up)"), Range(144, 2160)]
    public int? Height { get; init; }

    /// <summary>Container format.</summary>
    [Description("mp4 (default), webm or mov"), AllowedValues("mp4", "webm", "mov", null)]
    public string? Format { get; init; }

    /// <summary>Quality.</summary>
    [Description("low, medium (default) or high"), AllowedValues("low", "medium", "high", null)]
    public string? Quality { get; init; }
}
