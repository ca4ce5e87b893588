using System.Text.Json.Serialization;
using Cutroom.Engine.Analysis;

namespace Cutroom.Engine.Summary;

/// <summary>The content of <c>summary.json</c>. Times in ms, ranges end-exclusive.</summary>
public sealed record SummaryDocument
{
    /// <summary>The input's file name.</summary>
    public required string Source { get; init; }
    /// <summary>Probed metadata.</summary>
    public required SummaryMetadata Metadata { get; init; }
    /// <summary>How closely the video was analysed.</summary>
    public required AnalysisMode AnalysisMode { get; init; }
    /// <summary>The shots (empty without video).</summary>
    public required IReadOnlyList<Shot> Shots { get; init; }
    /// <summary>The chapters, each with its thumbnail.</summary>
    public required IReadOnlyList<Chapter> Chapters { get; init; }
    /// <summary>Loudness statistics (null without audio).</summary>
    public SummaryLoudness? Loudness { get; init; }
    /// <summary>Share of the duration that is silent (silencedetect), 0-1; null without audio.</summary>
    public double? SilenceShare { get; init; }
    /// <summary>Share of the seconds that sound like speech (likelihood ≥ 0.5), 0-1; null without audio.</summary>
    public double? SpeechShare { get; init; }
    /// <summary>Mean motion (0-255 mean luma difference between frames); null when not measured.</summary>
    public double? Motion { get; init; }
    /// <summary>Motion in a word: still, calm, moderate, busy; null when not measured.</summary>
    public string? MotionLevel { get; init; }
    /// <summary>A plain-language paragraph built from the facts above.</summary>
    public required string Description { get; init; }
    /// <summary>The storyboard image's file name (null without video).</summary>
    public string? Storyboard { get; init; }
    /// <summary>The other files written (exports).</summary>
    public required IReadOnlyList<string> Files { get; init; }
    /// <summary>Problems that did not stop the job.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>Metadata of the summarised media.</summary>
/// <param name="DurationMs">Duration (ms).</param>
/// <param name="Container">Container format name (ffprobe's).</param>
/// <param name="SizeBytes">File size.</param>
/// <param name="VideoCodec">Video codec, if any.</param>
/// <param name="Width">Displayed width (pixels), if video.</param>
/// <param name="Height">Displayed height (pixels), if video.</param>
/// <param name="FrameRate">Frame rate as <c>num/den</c>, if video.</param>
/// <param name="FrameCount">Frames, if video.</param>
/// <param name="AudioCodec">Audio codec, if any.</param>
/// <param name="SampleRateHz">Audio sample rate, if any.</param>
/// <param name="Channels">Audio channels, if any.</param>
/// <param name="Title">The title tag, if any.</param>
/// <param name="CreationTime">The creation time tag, if any.</param>
public sealed record SummaryMetadata(long DurationMs, string Container, long SizeBytes, string? VideoCodec, int? Width, int? Height, string? FrameRate,
    int? FrameCount, string? AudioCodec, int? SampleRateHz, int? Channels, string? Title, DateTimeOffset? CreationTime);

/// <summary>Loudness statistics (EBU R128).</summary>
/// <param name="IntegratedLufs">Integrated loudness (LUFS).</param>
/// <param name="RangeLu">Loudness range (LU).</param>
/// <param name="TruePeakDbfs">True peak (dBTP).</param>
/// <param name="LoudestMs">Start of the loudest second (ms).</param>
/// <param name="LoudestLufs">Its momentary loudness (LUFS).</param>
public sealed record SummaryLoudness(double? IntegratedLufs, double? RangeLu, double? TruePeakDbfs, long LoudestMs, double LoudestLufs);

/// <summary>Source-generated JSON (snake_case) for <c>summary.json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SummaryDocument))]
public sealed partial class SummaryJson : JsonSerializerContext;
