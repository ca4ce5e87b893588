using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Output;
using Cutroom.Contract.Time;
using Cutroom.Engine.Common;

namespace Cutroom.Engine.Trim;

/// <summary>
/// A request to cut [<see cref="Start"/>, <see cref="End"/>) out of a media file into an MP4.
/// <see cref="Validate"/> finds the problems that need no media (an empty path, a negative time, an
/// end not after the start); times past the end of the file are found when it is probed.
/// </summary>
/// <param name="InputPath">The source media file (field <c>input</c>).</param>
/// <param name="Start">Start of the range from the start of the file (field <c>start</c>): the frame shown at that time is the first frame.</param>
/// <param name="End">End of the range, exclusive, from the start of the file (field <c>end</c>).</param>
/// <param name="OutputPath">The MP4 to write through a temporary name, replaced when complete (field <c>output</c>).</param>
public sealed record TrimRequest(string InputPath, MediaTime Start, MediaTime End, string OutputPath) : IJobRequest
{
    /// <summary>The field of <see cref="Mode"/>.</summary>
    public const string ModeField = "mode";

    /// <summary>Exact (re-encode, default) or fast (stream copy from a keyframe).</summary>
    public TrimMode Mode { get; init; } = TrimMode.Exact;

    /// <summary>Encoding quality for <see cref="TrimMode.Exact"/> (and the audio of both modes).</summary>
    public OutputQuality Quality { get; init; } = OutputQuality.Medium;

    /// <summary>The requested range; only meaningful for a valid request (the end after the start).</summary>
    public TimeRange Range => TimeRange.FromStartEnd(Start, MediaTime.Max(Start, End));

    /// <inheritdoc/>
    public IReadOnlyList<JobError> Validate()
    {
        var errors = new JobErrorList()
            .Require(!string.IsNullOrWhiteSpace(InputPath), JobErrorCodes.Required, JobFields.Input, "the media file to cut is missing")
            .Require(!string.IsNullOrWhiteSpace(OutputPath), JobErrorCodes.Required, JobFields.Output, "must name the MP4 to write")
            .Require(!Start.IsNegative, JobErrorCodes.OutOfRange, JobFields.Start, "must not be negative")
            .Require(!End.IsNegative, JobErrorCodes.OutOfRange, JobFields.End, "must not be negative")
            .Require(Enum.IsDefined(Mode), JobErrorCodes.UnknownValue, ModeField, "must be exact or fast")
            .Require(Enum.IsDefined(Quality), JobErrorCodes.UnknownValue, JobFields.Quality, "must be low, medium or high");
        if (!Start.IsNegative && !End.IsNegative && End <= Start)
            errors.Add(JobErrorCodes.OutOfRange, JobFields.End, $"must be after the start ({TimeWords.Seconds(Start)}), not {TimeWords.Seconds(End)}");
        return errors.Errors;
    }
}
