using Cutroom.Contract.Errors;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Edits;

/// <summary>
/// The outcome of an edit: a new draft (and the id of the segment the edit created or changed),
/// or one <see cref="JobError"/>. The input draft is never modified.
/// </summary>
public sealed record EditResult
{
    private EditResult(Draft? draft, JobError? error, string? segmentId)
    {
        Draft = draft;
        Error = error;
        SegmentId = segmentId;
    }

    /// <summary>The edited draft; null when the edit failed.</summary>
    public Draft? Draft { get; }

    /// <summary>Why the edit failed; null on success.</summary>
    public JobError? Error { get; }

    /// <summary>The segment the edit created or changed (the new right half for a split), when there is one.</summary>
    public string? SegmentId { get; }

    /// <summary>True when the edit was applied.</summary>
    public bool Succeeded => Error is null;

    /// <summary>The edited draft.</summary>
    /// <exception cref="InvalidOperationException">The edit failed (check <see cref="Succeeded"/> first).</exception>
    public Draft Value => Draft ?? throw new InvalidOperationException($"the edit failed: {Error}");

    /// <summary>
    /// A successful edit. The draft is normalised (<see cref="DraftNormalizer.Normalize"/>:
    /// segments sorted, fades and transitions fitted to their segments, <c>d</c> recomputed).
    /// </summary>
    public static EditResult Ok(Draft draft, string? segmentId = null) => new(DraftNormalizer.Normalize(draft), null, segmentId);

    /// <summary>A failed edit.</summary>
    public static EditResult Fail(JobError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)), null);

    /// <summary>A failed edit with the given code, message and path (<c>$</c> when the error is about an argument).</summary>
    public static EditResult Fail(string code, string message, string jsonPath = JsonPaths.Root) => Fail(new JobError(code, jsonPath, message));

    /// <summary>Applies <paramref name="next"/> to the edited draft, or passes the failure on.</summary>
    public EditResult Then(Func<Draft, EditResult> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Draft is null ? this : next(Draft);
    }
}
