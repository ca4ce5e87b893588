using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Frames;

/// <summary>
/// What <see cref="FrameExtractor"/> does: which frames of a video (one <see cref="FrameSelector"/>,
/// built by <see cref="FrameSelection.From"/>), within which range, as which images, into which folder.
/// Every limit of frame extraction is defined here, once.
/// </summary>
public sealed record FramesRequest : IJobRequest
{
    /// <summary>The most frames a count selector may ask for.</summary>
    public const int MaxCount = 10_000;

    /// <summary>The highest frame rate a rate selector may ask for, in frames per second.</summary>
    public const int MaxFps = 240;

    /// <summary>The narrowest image width, in pixels.</summary>
    public const int MinWidth = 16;

    /// <summary>The widest image width, in pixels.</summary>
    public const int MaxWidth = 8192;

    /// <summary>The most frames an interval selector may select (checked against the video, when the range is known).</summary>
    public const int MaxIntervalFrames = 100_000;

    /// <summary>Field of <see cref="FrameSelector.Every"/>'s step.</summary>
    public const string EveryField = "every";
    /// <summary>Field of <see cref="FrameSelector.Rate"/>'s frames per second.</summary>
    public const string FpsField = "fps";
    /// <summary>Field of <see cref="FrameSelector.At"/>'s times.</summary>
    public const string AtField = "at";
    /// <summary>Field of <see cref="FrameSelector.Interval"/>'s spacing.</summary>
    public const string IntervalField = "interval";
    /// <summary>Field of <see cref="FrameSelector.Keyframes"/>.</summary>
    public const string KeyframesField = "keyframes";
    /// <summary>Field of <see cref="FrameSelector.Count"/>'s number of frames.</summary>
    public const string CountField = "count";

    /// <summary>The video file (field <c>input</c>).</summary>
    public required string InputPath { get; init; }

    /// <summary>A new or empty folder for the images and <c>frames.json</c>; created (field <c>output</c>).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Which frames.</summary>
    public required FrameSelector Selector { get; init; }

    /// <summary>Image format (default JPEG).</summary>
    public ImageFormat Format { get; init; } = ImageFormat.Jpg;

    /// <summary>Quality <see cref="ImageQuality.Min"/>-<see cref="ImageQuality.Max"/> (best) for JPEG and WebP; ignored for PNG. Default 90.</summary>
    public int Quality { get; init; } = 90;

    /// <summary>Image width in pixels, <see cref="MinWidth"/>-<see cref="MaxWidth"/> (the height keeps the aspect ratio); null keeps the full size.</summary>
    public int? Width { get; init; }

    /// <summary>Start of the range from the start of the file (inclusive); null = the start of the file.</summary>
    public MediaTime? Start { get; init; }

    /// <summary>End of the range from the start of the file (exclusive); null = the end of the file.</summary>
    public MediaTime? End { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<JobError> Validate()
    {
        var errors = new JobErrorList();
        errors.Require(!string.IsNullOrWhiteSpace(InputPath), JobErrorCodes.Required, JobFields.Input, "a video file is required");
        errors.Require(!string.IsNullOrWhiteSpace(OutputDirectory), JobErrorCodes.Required, JobFields.Output, "is required");
        switch (Selector)
        {
            case null:
                errors.Add(JobErrorCodes.Required, JobFields.Request, FrameSelection.GiveOne);
                break;
            case FrameSelector.Every e:
                errors.InRange(EveryField, e.N, 1, long.MaxValue);
                break;
            case FrameSelector.Count c:
                errors.InRange(CountField, c.N, 1, MaxCount);
                break;
            case FrameSelector.Rate r:
                errors.Require(r.FramesPerSecond.IsPositive && (Int128)r.FramesPerSecond.Num <= (Int128)MaxFps * r.FramesPerSecond.Den,
                    JobErrorCodes.OutOfRange, FpsField, $"must be above 0 and at most {MaxFps}");
                break;
            case FrameSelector.Interval i:
                errors.Require(i.Spacing.IsPositive, JobErrorCodes.OutOfRange, IntervalField, "must be above 0");
                break;
            case FrameSelector.At a:
                errors.Require(a.Times is { Count: > 0 }, JobErrorCodes.Required, AtField, "needs at least one time");
                errors.Require(a.Times is null || a.Times.All(t => !t.IsNegative), JobErrorCodes.OutOfRange, AtField, "must not be negative");
                break;
        }
        errors.InRange(JobFields.Quality, Quality, ImageQuality.Min, ImageQuality.Max, maxIsLimit: false);
        errors.InRange(JobFields.Width, Width, MinWidth, MaxWidth, " pixels");
        errors.Require(Start is not { IsNegative: true }, JobErrorCodes.OutOfRange, JobFields.Start, "must not be negative");
        errors.Require(End is not { IsNegative: true }, JobErrorCodes.OutOfRange, JobFields.End, "must not be negative");
        if (Start is { } s && End is { } e2 && !s.IsNegative && e2 <= s)
            errors.Add(JobErrorCodes.OutOfRange, JobFields.End, "must be after the start");
        return errors.Errors;
    }
}
