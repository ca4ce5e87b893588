using Cutroom.Server.Data.Entities;

namespace Cutroom.Server.Jobs;

/// <summary>
/// Runs jobs of one kind for the <see cref="JobRunner"/>. Return the result (JSON) to complete
/// the job; throw <see cref="Contract.ApiException"/> or any <see cref="Cutroom.Contract.Errors.CutroomException"/>
/// to fail it with that message (anything else fails it with code 5000 and is logged);
/// <see cref="OperationCanceledException"/> when the worker stops puts a render back in the queue (a chat turn fails).
/// </summary>
public interface IJobHandler
{
    /// <summary>The kind handled (<see cref="JobKinds"/>).</summary>
    string Kind { get; }

    /// <summary>Runs one attempt of <paramref name="job"/>.</summary>
    /// <param name="job">The job (state <c>running</c>, <see cref="JobRow.Attempts"/> counts this attempt).</param>
    /// <param name="payload">Its request (JSON).</param>
    /// <param name="progress">Reports progress 0-100 (written to the job row, throttled).</param>
    /// <param name="cancellationToken">Set when the server stops.</param>
    /// <returns>The result (JSON) stored on the job, or null.</returns>
    Task<string?> RunAsync(JobRow job, string payload, IProgress<int> progress, CancellationToken cancellationToken);
}
