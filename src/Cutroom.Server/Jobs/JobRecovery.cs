using Cutroom.Server.Credits;
using Cutroom.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Cutroom.Server.Jobs;

/// <summary>
/// Recovers the jobs of dead workers (docs/security.md §15): a running job whose lease ran out (its
/// worker was killed or hung) goes back to the fair queue, or fails when it may not run again
/// (<see cref="JobStore.RecoverAsync"/>); its credit holds are released; then every kind with a
/// startable job and no ticket waiting gets one. Run by every worker process when it starts and by the
/// job engine as a recurring job (<see cref="JobOptions.RecoveryInterval"/>) on whichever worker is free.
/// </summary>
/// <param name="jobs">The jobs table.</param>
/// <param name="ledger">Credits.</param>
/// <param name="queue">The engine's queue.</param>
/// <param name="options">Attempts and limits.</param>
/// <param name="logger">The log.</param>
public sealed class JobRecovery(JobStore jobs, CreditLedger ledger, JobQueue queue, ServerOptions options, ILogger<JobRecovery> logger)
{
    /// <summary>One recovery pass.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The jobs recovered.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var recovered = await jobs.RecoverAsync(options.Jobs.MaxAttempts, new HashSet<string> { JobKinds.Chat }, cancellationToken);
        foreach (var job in recovered)
        {
            var released = await ledger.ReleaseOpenHoldsAsync(job.Id, CancellationToken.None);
            logger.LogWarning("recovered {Kind} job {Job} of a stopped worker (attempt {Attempts}; {Released} credit holds released)", job.Kind, job.Id, job.Attempts, released);
        }
        foreach (var kind in JobRunner.Kinds)
            if (queue.Waiting(kind) == 0 && await jobs.AnyStartableAsync(kind, JobRunner.RulesOf(kind, options), cancellationToken))
                queue.Wake(kind);
        return recovered.Count;
    }
}
