using System.Globalization;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Output;
using Cutroom.Contract.Time;
using Cutroom.Engine.Stills;
using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Animate;

/// <summary>What <see cref="AnimateJob"/> is asked to do: one still picture into a Ken Burns clip.</summary>
public sealed record AnimateRequest : IJobRequest
{
    /// <summary>The longest clip accepted, ms (600 s).</summary>
    public const long MaxDurationMs = 600_000;

    /// <summary>The highest frame rate accepted, frames per second: the draft's limit, <see cref="DraftLimits.MaxFps"/> (60).</summary>
    public const int MaxFrameRate = DraftLimits.MaxFps;

    /// <summary>The request field of the frame rate.</summary>
    public const string FrameRateField = "fps";

    /// <summary>The longest clip accepted (<see cref="MaxDurationMs"/>).</summary>
    public static MediaTime MaxDuration => MediaTime.FromMilliseconds(MaxDurationMs);

    /// <summary>The clip length when none is given: 6 s.</summary>
    public static MediaTime DefaultDuration => MediaTime.FromMilliseconds(6000);

    /// <summary>The still picture (jpg, png or webp); field <see cref="JobFields.Input"/>.</summary>
    public required string ImagePath { get; init; }
    /// <summary>The MP4 to write (<c>.mp4</c>, <c>.m4v</c> or <c>.mov</c>); field <see cref="JobFields.Output"/>.</summary>
    public required string OutputPath { get; init; }
    /// <summary>Clip length (default <see cref="DefaultDuration"/>), more than 0 and at most <see cref="MaxDuration"/>; field <see cref="JobFields.Duration"/>.</summary>
    public MediaTime Duration { get; init; } = DefaultDuration;
    /// <summary>The camera move (default zoom-in).</summary>
    public KenBurnsMotion Motion { get; init; } = KenBurnsMotion.ZoomIn;
    /// <summary>Output frame size (default 1920x1080); fields <see cref="JobFields.Width"/> and <see cref="JobFields.Height"/>.</summary>
    public CanvasSize Canvas { get; init; } = CanvasSize.Landscape1080;
    /// <summary>Output frame rate, exact (default 30/1), above 0 and at most <see cref="MaxFrameRate"/>; field <see cref="FrameRateField"/>.</summary>
    public Rational FrameRate { get; init; } = new(30, 1);
    /// <summary>How pictures of another aspect ratio fill the canvas (default cover).</summary>
    public StillFit Fit { get; init; } = StillFit.Cover;
    /// <summary>Encoding quality (default medium): the x264 preset, CRF and AAC bitrate of <see cref="OutputSpecs"/>.</summary>
    public OutputQuality Quality { get; init; } = OutputQuality.Medium;
    /// <summary>Add a silent stereo AAC track (default true; see docs/animate.md).</summary>
    public bool SilentAudio { get; init; } = true;
    /// <summary>Replace an existing output file (default true).</summary>
    public bool Overwrite { get; init; } = true;

    /// <summary>How the clip is encoded: the one table's MP4 spec at <see cref="Quality"/> (H.264 High + AAC, +faststart).</summary>
    public OutputSpec Output => OutputSpecs.For(OutputFormat.Mp4, Quality);

    /// <summary>
    /// Frames in the clip: <see cref="Duration"/> x <see cref="FrameRate"/>, rounded to the nearest frame
    /// (ties away from zero), at least 1. 6 s at 30 fps is exactly 180.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the frame rate is not positive (a request that fails <see cref="Validate"/>).</exception>
    public long FrameCount => Math.Max(1, Duration.Rescale(FrameRate.Invert()));

    /// <summary>The clip's exact length: <see cref="FrameCount"/> frames at <see cref="FrameRate"/>.</summary>
    public MediaTime ClipDuration => MediaTime.FromFrames(FrameCount, FrameRate);

    /// <summary>Every problem of the request, found without reading the picture.</summary>
    public IReadOnlyList<JobError> Validate()
    {
        var errors = new JobErrorList();
        errors.Require(!string.IsNullOrWhiteSpace(ImagePath), JobErrorCodes.Required, JobFields.Input, "no picture was given");
        errors.Require(!string.IsNullOrWhiteSpace(OutputPath), JobErrorCodes.Required, JobFields.Output, "is required (an .mp4 file)");
        errors.Require(Duration.IsPositive, JobErrorCodes.OutOfRange, JobFields.Duration, "must be more than 0 s");
        errors.Require(Duration <= MaxDuration, JobErrorCodes.OverLimit, JobFields.Duration,
            string.Create(CultureInfo.InvariantCulture, $"must be at most {MaxDuration.TotalSeconds:0.###} s (got {Duration.TotalSeconds:0.###} s)"));
        errors.Require(FrameRate.IsPositive && FrameRate.ToDouble() <= MaxFrameRate, JobErrorCodes.OutOfRange, FrameRateField,
            string.Create(CultureInfo.InvariantCulture, $"must be above 0 and at most {MaxFrameRate} (got {FrameRate})"));
        foreach (var e in Canvas.Problems()) errors.Add(e.Code, e.Field, e.Message);
        if (!string.IsNullOrWhiteSpace(OutputPath))
        {
            var ext = Path.GetExtension(OutputPath).ToLowerInvariant();
            errors.Require(ext is ".mp4" or ".m4v" or ".mov", JobErrorCodes.UnknownValue, JobFields.Output,
                $"must end in .mp4, .m4v or .mov: the clip is H.264 MP4 (got '{Path.GetFileName(OutputPath)}')");
            if (!string.IsNullOrWhiteSpace(ImagePath))
                errors.Require(!string.Equals(Path.GetFullPath(OutputPath), Path.GetFullPath(ImagePath), StringComparison.Ordinal),
                    JobErrorCodes.OutputExists, JobFields.Output, "must not be the input picture");
        }
        return errors.Errors;
    }
}
