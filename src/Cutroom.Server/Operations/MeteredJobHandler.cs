using System.Diagnostics;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Jobs;

namespace Cutroom.Server.Operations;

/// <summary>
/// Wraps a job handler to measure it: <c>cutroom_jobs_running</c> while an attempt runs, and its
/// wall time in <c>cutroom_job_duration_seconds</c> with the outcome <c>completed</c> (it returned),
/// <c>interrupted</c> (the server stopped it) or <c>failed</c> (it threw). Behaviour is unchanged.
/// </summary>
/// <param name="inner">The handler measured.</param>
/// <param name="metrics">The series.</param>
public sealed class MeteredJobHandler(IJobHandler inner, ServerMetrics metrics) : IJobHandler
{
    /// <inheritdoc/>
    public string Kind => inner.Kind;

    /// <inheritdoc/>
    public async Task<string?> RunAsync(JobRow job, string payload, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var running = metrics.JobsRunning.WithLabels(Kind);
        running.Inc();
        var clock = Stopwatch.StartNew();
        var outcome = "failed";
        try
        {
            var result = await inner.RunAsync(job, payload, progress, cancellationToken);
            outcome = "completed";
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "interrupted";
            throw;
        }
        finally
        {
            running.Dec();
            metrics.JobDuration.WithLabels(Kind, outcome).Observe(clock.Elapsed.TotalSeconds);
        }
    }
}
