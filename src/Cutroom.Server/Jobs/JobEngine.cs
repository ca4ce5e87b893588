using System.Globalization;
using Cutroom.Server.Hosting;
using Cutroom.Server.Operations;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cutroom.Server.Jobs;

/// <summary>
/// The job engine's workers in this process (Hangfire; docs/scale-out.md, "Jobs"), on roles that
/// run jobs (<see cref="ServerRoles.RunsJobs"/>): at start it recovers the jobs of dead workers
/// (<see cref="JobRecovery"/>) and registers that recovery as the engine's recurring job, then starts
/// one engine server per lane: renders (<see cref="JobOptions.Concurrency"/> workers), chat turns
/// (<see cref="JobOptions.ChatConcurrency"/>) and one worker for the engine's own maintenance. On
/// shutdown the engine cancels running jobs (a render goes back to the queue, <see cref="JobRunner"/>)
/// and waits for them.
/// </summary>
/// <param name="storage">The engine's storage.</param>
/// <param name="services">Creates the engine's jobs (<see cref="JobTicket"/>).</param>
/// <param name="options">Role and concurrency.</param>
/// <param name="recovery">Recovery.</param>
/// <param name="runner">This process's worker id.</param>
/// <param name="logger">The log.</param>
public sealed class JobEngine(JobStorage storage, IServiceProvider services, ServerOptions options, JobRecovery recovery, JobRunner runner, ILogger<JobEngine> logger)
    : IHostedService, IJobEngineStatus, IDisposable
{
    /// <summary>The engine's recurring job that recovers the jobs of dead workers.</summary>
    public const string RecoveryJobId = "cutroom-recover";

    private readonly List<BackgroundJobServer> _servers = [];
    private volatile bool _running;

    /// <summary>Whether this process's engine servers run (started, not stopped): <c>/readyz</c>'s <c>jobs</c>.</summary>
    public bool IsRunning => _running;

    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!ServerRoles.RunsJobs(options.Role)) return;
        var recovered = await recovery.RunAsync(cancellationToken);
        if (recovered > 0) logger.LogWarning("recovered {Count} jobs of stopped workers at start", recovered);
        new RecurringJobManager(storage).AddOrUpdate(RecoveryJobId,
            Hangfire.Common.Job.FromExpression<JobTicket>(t => t.RecoverAsync(CancellationToken.None), JobQueue.SystemQueue), CronOf(options.Jobs.RecoveryInterval), new RecurringJobOptions());
        var activator = new ServiceJobActivator(services);
        _servers.Add(Start("render", Math.Max(1, options.Jobs.Concurrency), [JobQueue.QueueOf(JobKinds.Render)], activator));
        _servers.Add(Start("chat", Math.Max(1, options.Jobs.ChatConcurrency), [JobQueue.QueueOf(JobKinds.Chat)], activator));
        _servers.Add(Start("chunks", Math.Max(1, options.Jobs.ChunkConcurrency), [JobQueue.QueueOf(JobKinds.RenderChunk)], activator));
        _servers.Add(Start("system", 1, [JobQueue.SystemQueue], activator));
        _running = true;
    }

    /// <inheritdoc/>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_running) return;
        _running = false;
        foreach (var s in _servers) s.SendStop();
        foreach (var s in _servers)
        {
            try { await s.WaitForShutdownAsync(cancellationToken); }
            catch (OperationCanceledException) { logger.LogWarning("the job engine did not stop in time"); }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var s in _servers) s.Dispose();
        _servers.Clear();
    }

    /// <summary>A cron expression (with seconds) that fires every <paramref name="interval"/> (whole seconds under a minute, else whole minutes).</summary>
    /// <param name="interval">The interval.</param>
    public static string CronOf(TimeSpan interval)
    {
        var seconds = Math.Max(1, (int)interval.TotalSeconds);
        return seconds < 60 ? string.Create(CultureInfo.InvariantCulture, $"*/{seconds} * * * * *")
            : string.Create(CultureInfo.InvariantCulture, $"0 */{Math.Clamp(seconds / 60, 1, 59)} * * * *");
    }

    private BackgroundJobServer Start(string lane, int workers, string[] queues, JobActivator activator) =>
        new(new BackgroundJobServerOptions
        {
            ServerName = $"{runner.WorkerId}:{lane}",
            WorkerCount = workers,
            Queues = queues,
            Activator = activator,
            SchedulePollingInterval = TimeSpan.FromSeconds(5),
            ShutdownTimeout = TimeSpan.FromSeconds(15),
            StopTimeout = TimeSpan.Zero, // running jobs are told to stop at once (a render goes back to the queue)
        }, storage);

    /// <summary>Creates the engine's jobs from this server's services.</summary>
    private sealed class ServiceJobActivator(IServiceProvider services) : JobActivator
    {
        public override object ActivateJob(Type jobType) => ActivatorUtilities.GetServiceOrCreateInstance(services, jobType);
    }
}
