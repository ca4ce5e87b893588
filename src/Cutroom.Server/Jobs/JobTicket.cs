using System.ComponentModel;
using Hangfire;

namespace Cutroom.Server.Jobs;

/// <summary>
/// What the job engine runs (its jobs, as the dashboard lists them): "run the next job of kind K"
/// and "recover the jobs of dead workers". The engine makes them durable and runs each on one
/// worker; which job runs, and its record, are ours (<see cref="JobRunner"/>, <see cref="JobRecovery"/>).
/// Never retried by the engine: a ticket that failed is replaced by the next wake or recovery.
/// </summary>
/// <param name="runner">Runs jobs.</param>
/// <param name="recovery">Recovers jobs.</param>
[AutomaticRetry(Attempts = 0)]
public sealed class JobTicket(JobRunner runner, JobRecovery recovery)
{
    /// <summary>Claims the next job of <paramref name="kind"/> the fair queue allows and runs it to its end.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="cancellationToken">Set by the engine when this worker stops.</param>
    [DisplayName("run the next {0} job")]
    public Task RunNextAsync(string kind, CancellationToken cancellationToken) => runner.RunNextAsync(kind, cancellationToken);

    /// <summary>Recovers the jobs of dead workers and makes sure every startable job has a ticket.</summary>
    /// <param name="cancellationToken">Set by the engine when this worker stops.</param>
    [DisplayName("recover the jobs of dead workers")]
    public Task RecoverAsync(CancellationToken cancellationToken) => recovery.RunAsync(cancellationToken);
}
