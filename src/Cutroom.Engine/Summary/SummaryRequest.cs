using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Engine.Analysis;

namespace Cutroom.Engine.Summary;

/// <summary>A request to summarise a video or recording into a folder.</summary>
/// <param name="InputPath">A video or audio file (field <c>input</c>).</param>
/// <param name="OutputDirectory">A new or empty folder (field <c>output</c>).</param>
public sealed record SummaryRequest(string InputPath, string OutputDirectory) : IJobRequest
{
    /// <summary>The field of <see cref="Analysis"/>.</summary>
    public const string AnalysisField = "analysis";

    /// <summary>How closely to analyse (default: by length).</summary>
    public AnalysisMode Analysis { get; init; } = AnalysisMode.Auto;

    /// <summary>Reuse a cached analysis (default true).</summary>
    public bool UseCache { get; init; } = true;

    /// <inheritdoc/>
    public IReadOnlyList<JobError> Validate() => new JobErrorList()
        .Require(!string.IsNullOrWhiteSpace(InputPath), JobErrorCodes.Required, JobFields.Input, "the media file is missing")
        .Require(!string.IsNullOrWhiteSpace(OutputDirectory), JobErrorCodes.Required, JobFields.Output, "must name a new or empty folder")
        .Require(Enum.IsDefined(Analysis), JobErrorCodes.UnknownValue, AnalysisField, "must be auto, exact or fast")
        .Errors;
}
