using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Output;

namespace Cutroom.Engine.Convert;

/// <summary>
/// A request to re-encode a video to a web-friendly file, optionally scaled to a height.
/// <see cref="Validate"/> finds the problems that need no media; a size over the engine's limit is
/// found when the source is probed (<see cref="OutputSize"/>).
/// </summary>
/// <param name="InputPath">The source video (field <c>input</c>).</param>
/// <param name="OutputPath">The file to write through a temporary name, replaced when complete (field <c>output</c>).</param>
public sealed record ConvertRequest(string InputPath, string OutputPath) : IJobRequest
{
    /// <summary>The smallest output height, in pixels (4:2:0 chroma needs even sizes of at least 2).</summary>
    public const int MinHeight = 2;

    /// <summary>The field of <see cref="Upscale"/>.</summary>
    public const string UpscaleField = "upscale";

    /// <summary>Output height in pixels (as displayed, after rotation), at least <see cref="MinHeight"/>; the width follows the aspect ratio. Null keeps the source's size.</summary>
    public int? Height { get; init; }

    /// <summary>Allow an output taller than the source; when false (default) a larger <see cref="Height"/> keeps the source's height.</summary>
    public bool Upscale { get; init; }

    /// <summary>Encoding quality.</summary>
    public OutputQuality Quality { get; init; } = OutputQuality.Medium;

    /// <summary>The container; null picks it from the output's extension (<c>.webm</c>, <c>.mov</c>, else MP4).</summary>
    public OutputFormat? Format { get; init; }

    /// <summary>The container written: <see cref="Format"/>, else the one the output's extension names, else MP4.</summary>
    public OutputFormat ResolvedFormat => Format ?? FormatOfExtension ?? OutputFormat.Mp4;

    /// <summary>The container the output's extension names (<c>.mp4</c>/<c>.m4v</c>, <c>.webm</c>, <c>.mov</c>), or null.</summary>
    private OutputFormat? FormatOfExtension => Path.GetExtension(OutputPath ?? "").ToLowerInvariant() switch
    {
        ".mp4" or ".m4v" => OutputFormat.Mp4,
        ".webm" => OutputFormat.Webm,
        ".mov" => OutputFormat.Mov,
        _ => null,
    };

    /// <inheritdoc/>
    public IReadOnlyList<JobError> Validate()
    {
        var errors = new JobErrorList()
            .Require(!string.IsNullOrWhiteSpace(InputPath), JobErrorCodes.Required, JobFields.Input, "the video to convert is missing")
            .Require(!string.IsNullOrWhiteSpace(OutputPath), JobErrorCodes.Required, JobFields.Output, "must name the file to write")
            .InRange(JobFields.Height, Height, MinHeight, long.MaxValue, " pixels")
            .Require(Enum.IsDefined(Quality), JobErrorCodes.UnknownValue, JobFields.Quality, "must be low, medium or high");
        if (Format is { } f && !Enum.IsDefined(f))
            errors.Add(JobErrorCodes.UnknownValue, JobFields.Format, "must be mp4, webm or mov");
        else if (Format is { } wanted && FormatOfExtension is { } named && named != wanted)
            errors.Add(JobErrorCodes.NotApplicable, JobFields.Format,
                $"{wanted.ToString().ToLowerInvariant()} does not match the output name '{Path.GetFileName(OutputPath)}'; name it *{wanted.Extension()}");
        return errors.Errors;
    }
}
