using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Engine.Analysis;

namespace Cutroom.Engine.Shots;

/// <summary>A request for the shot list of a video.</summary>
/// <param name="InputPath">The video (field <c>input</c>).</param>
public sealed record ShotsRequest(string InputPath) : IJobRequest
{
    /// <summary>The field of <see cref="Mode"/>.</summary>
    public const string ModeField = "mode";

    /// <summary>Exact (every frame, default) or fast (keyframes); Auto chooses by length.</summary>
    public AnalysisMode Mode { get; init; } = AnalysisMode.Exact;

    /// <summary>Reuse a cached analysis (default true).</summary>
    public bool UseCache { get; init; } = true;

    /// <inheritdoc/>
    public IReadOnlyList<JobError> Validate() => new JobErrorList()
        .Require(!string.IsNullOrWhiteSpace(InputPath), JobErrorCodes.Required, JobFields.Input, "the video is missing")
        .Require(Enum.IsDefined(Mode), JobErrorCodes.UnknownValue, ModeField, "must be exact, fast or auto")
        .Errors;
}
