using Hangfire;
using Hangfire.States;

namespace Cutroom.Server.Jobs;

/// <summary>
/// Hands work to the job engine: each call puts one "run the next job of this kind" ticket
/// (<see cref="JobTicket.RunNextAsync"/>) in the engine's queue of that kind, which any worker
/// process listening to it runs. The jobs themselves wait in our jobs table (<see cref="JobStore"/>),
/// the fair queue; a ticket picks the job to run when a worker takes it.
/// </summary>
/// <param name="storage">The engine's storage.</param>
public sealed class JobQueue(JobStorage storage)
{
    private readonly BackgroundJobClient _client = new(storage);

    /// <summary>The engine's queue of each kind (Hangfire queue names: lowercase letters, digits, underscores).</summary>
    /// <param name="kind">A <see cref="JobKinds"/> value.</param>
    public static string QueueOf(string kind) => kind;

    /// <summary>The engine's queue of its own maintenance (recovery), served by one worker of every worker process.</summary>
    public const string SystemQueue = "system";

    /// <summary>Queues a ticket for one job of <paramref name="kind"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The engine's id of the ticket.</returns>
    public string Wake(string kind) =>
        _client.Create(Hangfire.Common.Job.FromExpression<JobTicket>(t => t.RunNextAsync(kind, CancellationToken.None)), new EnqueuedState(QueueOf(kind)));

    /// <summary>How many tickets of <paramref name="kind"/> wait in the engine's queue.</summary>
    /// <param name="kind">The kind.</param>
    public long Waiting(string kind) => storage.GetMonitoringApi().EnqueuedCount(QueueOf(kind));
}
