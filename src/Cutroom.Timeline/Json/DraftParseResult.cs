using Cutroom.Contract.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Json;

/// <summary>The outcome of reading a draft: the draft, or every error found (never both).</summary>
/// <param name="Draft">The draft; null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Every error found, each with its JSON path; empty on success.</param>
public sealed record DraftParseResult(Draft? Draft, IReadOnlyList<JobError> Errors)
{
    /// <summary>True when the draft was read (and, for <see cref="DraftJson.ParseAndValidate(string)"/>, is valid).</summary>
    public bool Succeeded => Draft is not null;
}
