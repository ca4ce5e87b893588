using System.Globalization;
using Cutroom.Engine.Stills;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Animate;

/// <summary>What <c>cutroom animate</c> is asked to do: one still picture into a Ken Burns clip.</summary>
public sealed record AnimateRequest
{
    /// <summary>The longest clip accepted: 600 s.</summary>
    public const long MaxDurationUs = 600_000_000;

    /// <summary>The highest frame rate accepted: 60 fps.</summary>
    public const int MaxFrameRate = 60;

    /// <summary>The still picture (jpg, png or webp).</summary>
    public required string ImagePath { get; init; }
    /// <summary>The MP4 to write (<c>.mp4</c>, <c>.m4v</c> or <c>.mov</c>).</summary>
    public required string OutputPath { get; init; }
    /// <summary>Clip length in µs (default 6 s), more than 0 and at most <see cref="MaxDurationUs"/>.</summary>
    public long DurationUs { get; init; } = 6_000_000;
    /// <summary>The camera move (default zoom-in).</summary>
    public KenBurnsMotion Motion { get; init; } = KenBurnsMotion.ZoomIn;
    /// <summary>Output frame size (default 1920x1080).</summary>
    public CanvasSize Canvas { get; init; } = CanvasSize.Landscape1080;
    /// <summary>Output frame rate, exact (default 30/1).</summary>
    public Rational FrameRate { get; init; } = new(30, 1);
    /// <summary>How pictures of another aspect ratio fill the canvas (default cover).</summary>
    public StillFit Fit { get; init; } = StillFit.Cover;
    /// <summary>x264 preset and CRF (default medium).</summary>
    public EncodeQuality Quality { get; init; } = EncodeQuality.Medium;
    /// <summary>Add a silent stereo AAC track (default true; see docs/animate.md).</summary>
    public bool SilentAudio { get; init; } = true;
    /// <summary>Replace an existing output file (default true).</summary>
    public bool Overwrite { get; init; } = true;

    /// <summary>
    /// Frames in the clip: <see cref="DurationUs"/> x <see cref="FrameRate"/>, rounded to the nearest frame
    /// (ties away from zero), at least 1. 6 s at 30 fps is exactly 180.
    /// </summary>
    public long FrameCount => Math.Max(1, (long)decimal.Round((decimal)DurationUs * FrameRate.Num / (FrameRate.Den * 1_000_000m), MidpointRounding.AwayFromZero));

    /// <summary>The clip's exact length in µs: <see cref="FrameCount"/> frames at <see cref="FrameRate"/>.</summary>
    public long ClipDurationUs => (long)decimal.Round(FrameCount * 1_000_000m * FrameRate.Den / FrameRate.Num, MidpointRounding.AwayFromZero);

    /// <summary>Checks every field; throws on the first problem with one line that names it.</summary>
    /// <exception cref="JobInputException">When a value is out of range (usage errors).</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ImagePath)) throw new JobInputException("no image given", isUsage: true);
        if (string.IsNullOrWhiteSpace(OutputPath)) throw new JobInputException("no output given (-o out.mp4)", isUsage: true);
        if (DurationUs <= 0) throw new JobInputException("--duration must be more than 0 s", isUsage: true);
        if (DurationUs > MaxDurationUs) throw new JobInputException(string.Create(CultureInfo.InvariantCulture, $"--duration {DurationUs / 1e6:0.###} s is over the limit of {MaxDurationUs / 1_000_000} s"), isUsage: true);
        if (!FrameRate.IsPositive || FrameRate.ToDouble() > MaxFrameRate)
            throw new JobInputException($"--fps {FrameRate} is out of range; use a rate above 0 and at most {MaxFrameRate}", isUsage: true);
        Canvas.Validate();
        var ext = Path.GetExtension(OutputPath).ToLowerInvariant();
        if (ext is not (".mp4" or ".m4v" or ".mov"))
            throw new JobInputException($"output '{Path.GetFileName(OutputPath)}' must end in .mp4 (animate writes H.264 MP4)", isUsage: true);
        if (string.Equals(Path.GetFullPath(OutputPath), Path.GetFullPath(ImagePath), StringComparison.Ordinal))
            throw new JobInputException("the output would overwrite the input image", isUsage: true);
    }
}
