using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Engine.Frames;

namespace Cutroom.Engine.Thumbnails;

/// <summary>What <see cref="ThumbnailPicker"/> does: pick the best frame of a video and write it as an image.</summary>
public sealed record ThumbnailRequest : IJobRequest
{
    /// <summary>The video file (field <c>input</c>).</summary>
    public required string InputPath { get; init; }

    /// <summary>The image to write; its extension (<see cref="ImageFormats.Extensions"/>) decides the format (field <c>output</c>).</summary>
    public required string OutputPath { get; init; }

    /// <summary>Quality <see cref="ImageQuality.Min"/>-<see cref="ImageQuality.Max"/> (best) for JPEG and WebP. Default 92.</summary>
    public int Quality { get; init; } = 92;

    /// <summary>The image format the output's extension names.</summary>
    /// <exception cref="JobInputException">When the extension names none (<see cref="Validate"/> reports it first).</exception>
    public ImageFormat Format => ImageOutputs.FormatOf(OutputPath);

    /// <inheritdoc/>
    public IReadOnlyList<JobError> Validate()
    {
        var errors = new JobErrorList();
        errors.Require(!string.IsNullOrWhiteSpace(InputPath), JobErrorCodes.Required, JobFields.Input, "a video file is required");
        ImageOutputs.Check(errors, OutputPath, Quality);
        return errors.Errors;
    }
}
