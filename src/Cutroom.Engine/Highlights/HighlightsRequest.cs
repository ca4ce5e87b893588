using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Output;
using Cutroom.Contract.Time;
using Cutroom.Engine.Analysis;
using Cutroom.Engine.Common;

namespace Cutroom.Engine.Highlights;

/// <summary>
/// A request for the highlights of a video: how many clips, how long, how they are cut, and the
/// folder they go to. The limits are defined here once; the CLI and the agent refer to them.
/// </summary>
/// <param name="InputPath">The source video (field <c>input</c>).</param>
/// <param name="OutputDirectory">A new or empty folder for the clips and <c>highlights.json</c> (field <c>output</c>).</param>
public sealed record HighlightsRequest(string InputPath, string OutputDirectory) : IJobRequest
{
    /// <summary>Fewest clips a request may ask for.</summary>
    public const int MinCount = 1;
    /// <summary>Most clips a request may ask for.</summary>
    public const int MaxCount = 50;
    /// <summary>Clips when the request does not say.</summary>
    public const int DefaultCount = 5;
    /// <summary>The shortest a clip may be asked to be, in ms (1 s).</summary>
    public const long ShortestClipMs = 1_000;
    /// <summary>The longest a clip may be asked to be, in ms (10 min).</summary>
    public const long LongestClipMs = 600_000;
    /// <summary>The shortest clip when the request does not say, in ms (10 s).</summary>
    public const long DefaultMinMs = 10_000;
    /// <summary>The longest clip when the request does not say, in ms (45 s).</summary>
    public const long DefaultMaxMs = 45_000;

    /// <summary>The field of <see cref="Count"/>.</summary>
    public const string CountField = "count";
    /// <summary>The field of <see cref="Min"/>.</summary>
    public const string MinField = "min";
    /// <summary>The field of <see cref="Max"/>.</summary>
    public const string MaxField = "max";
    /// <summary>The field of <see cref="Mode"/>.</summary>
    public const string ModeField = "mode";
    /// <summary>The field of <see cref="Analysis"/>.</summary>
    public const string AnalysisField = "analysis";

    /// <summary>
    /// The encoding of clips that are re-encoded and of the reel: MP4 at medium quality (x264 CRF 23
    /// <c>fast</c>, AAC 128 kbit/s), the row of <see cref="OutputSpecs"/> closest to the clips' former
    /// own settings (CRF 20 <c>veryfast</c>, AAC 160 kbit/s): the same SSIM on cockatoo.mp4, smaller files.
    /// </summary>
    public static OutputSpec ClipSpec => OutputSpecs.For(OutputFormat.Mp4, OutputQuality.Medium);

    /// <summary>Clips wanted, <see cref="MinCount"/>-<see cref="MaxCount"/> (default <see cref="DefaultCount"/>).</summary>
    public int Count { get; init; } = DefaultCount;
    /// <summary>Shortest clip, at least <see cref="ShortestClipMs"/> (default <see cref="DefaultMinMs"/>).</summary>
    public MediaTime Min { get; init; } = MediaTime.FromMilliseconds(DefaultMinMs);
    /// <summary>Longest clip, at least <see cref="Min"/> and at most <see cref="LongestClipMs"/> (default <see cref="DefaultMaxMs"/>).</summary>
    public MediaTime Max { get; init; } = MediaTime.FromMilliseconds(DefaultMaxMs);
    /// <summary>Fast (stream copy, default) or exact (re-encode).</summary>
    public ClipMode Mode { get; init; } = ClipMode.Fast;
    /// <summary>Also write <c>reel.mp4</c>: the clips in time order joined by 0.5 s cross-fades.</summary>
    public bool Reel { get; init; }
    /// <summary>How closely to analyse (default: by length).</summary>
    public AnalysisMode Analysis { get; init; } = AnalysisMode.Auto;
    /// <summary>Reuse a cached analysis (default true).</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>
    /// The clip lengths when a caller gives one bound or none: a missing bound is its default, moved
    /// to the given one when they would cross (a maximum of 5 s alone asks for clips of at most 5 s).
    /// </summary>
    /// <param name="min">The shortest clip, or null.</param>
    /// <param name="max">The longest clip, or null.</param>
    public static (MediaTime Min, MediaTime Max) ClipLengths(MediaTime? min, MediaTime? max)
    {
        var shortest = min ?? MediaTime.Min(MediaTime.FromMilliseconds(DefaultMinMs), max ?? MediaTime.FromMilliseconds(DefaultMinMs));
        var longest = max ?? MediaTime.Max(MediaTime.FromMilliseconds(DefaultMaxMs), min ?? MediaTime.FromMilliseconds(DefaultMaxMs));
        return (shortest, longest);
    }

    /// <inheritdoc/>
    public IReadOnlyList<JobError> Validate()
    {
        var errors = new JobErrorList()
            .Require(!string.IsNullOrWhiteSpace(InputPath), JobErrorCodes.Required, JobFields.Input, "the video is missing")
            .Require(!string.IsNullOrWhiteSpace(OutputDirectory), JobErrorCodes.Required, JobFields.Output, "must name a new or empty folder")
            .InRange(CountField, Count, MinCount, MaxCount)
            .Require(Min >= MediaTime.FromMilliseconds(ShortestClipMs), JobErrorCodes.OutOfRange, MinField, $"must be at least {Seconds(ShortestClipMs)}")
            .Require(Max <= MediaTime.FromMilliseconds(LongestClipMs), JobErrorCodes.OutOfRange, MaxField, $"must be at most {Seconds(LongestClipMs)}")
            .Require(Enum.IsDefined(Mode), JobErrorCodes.UnknownValue, ModeField, "must be fast or exact")
            .Require(Enum.IsDefined(Analysis), JobErrorCodes.UnknownValue, AnalysisField, "must be auto, exact or fast");
        if (Max < Min && Min >= MediaTime.FromMilliseconds(ShortestClipMs))
            errors.Add(JobErrorCodes.OutOfRange, MaxField, $"must not be shorter than the shortest clip ({TimeWords.Seconds(Min)})");
        return errors.Errors;
    }

    private static string Seconds(long ms) => TimeWords.Seconds(MediaTime.FromMilliseconds(ms));
}
