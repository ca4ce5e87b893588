using Cutroom.Contract.Errors;
using Cutroom.Server.Contract;
using Cutroom.Server.Credits;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Cutroom.Server.Jobs;

/// <summary>
/// Runs one job for a ticket of the job engine (<see cref="JobTicket"/>): under the engine's
/// distributed lock of the kind it claims the job the fair queue picks (<see cref="JobStore.ClaimNextAsync"/>),
/// holds it with a lease it renews every third of <see cref="JobOptions.LeaseTime"/> while the
/// handler runs, and records the end: completed with the handler's result, failed with the contract's
/// code, or (when this worker stops) a render back in the queue and a chat turn failed, with its credit
/// holds released. An attempt whose lease was lost (this worker hung and its job was recovered) is
/// cancelled and records nothing. When a job ends, a ticket is queued for the next startable one.
/// </summary>
public sealed class JobRunner
{
    /// <summary>Every job kind, each with its own queue and workers.</summary>
    public static readonly IReadOnlyList<string> Kinds = [JobKinds.Render, JobKinds.Chat, JobKinds.RenderChunk];

    private readonly JobStore _jobs;
    private readonly CreditLedger _ledger;
    private readonly JobQueue _queue;
    private readonly JobStorage _storage;
    private readonly ServerOptions _options;
    private readonly Dictionary<string, IJobHandler> _handlers;
    private readonly ILogger<JobRunner> _logger;
    private readonly IReadOnlyList<IJobEndListener> _listeners;

    /// <summary>Creates the runner of this process.</summary>
    /// <param name="jobs">The jobs table.</param>
    /// <param name="ledger">Credits.</param>
    /// <param name="queue">The engine's queue.</param>
    /// <param name="storage">The engine's storage (its distributed locks).</param>
    /// <param name="options">Limits and lease.</param>
    /// <param name="handlers">One handler per kind.</param>
    /// <param name="logger">The log.</param>
    /// <param name="listeners">Told when a job ends (webhooks).</param>
    public JobRunner(JobStore jobs, CreditLedger ledger, JobQueue queue, JobStorage storage, ServerOptions options, IEnumerable<IJobHandler> handlers, ILogger<JobRunner> logger,
        IEnumerable<IJobEndListener> listeners)
    {
        _listeners = [.. listeners];
        _jobs = jobs;
        _ledger = ledger;
        _queue = queue;
        _storage = storage;
        _options = options;
        _handlers = handlers.ToDictionary(h => h.Kind);
        _logger = logger;
    }

    /// <summary>This process's worker id (<c>host:pid:random</c>), recorded on the jobs it runs.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The fair queue's rules of <paramref name="kind"/>.</summary>
    /// <param name="kind">A kind.</param>
    /// <param name="options">Settings.</param>
    public static FairQueue.Rules RulesOf(string kind, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return kind switch
        {
            JobKinds.Chat => new FairQueue.Rules(options.Jobs.ChatTurnsPerAccount, OnePerSession: true),
            // The pieces of renders already admitted by the per-account render limit: no limit of their own, but accounts still take turns.
            JobKinds.RenderChunk => new FairQueue.Rules(int.MaxValue, OnePerSession: false),
            _ => new FairQueue.Rules(options.Jobs.RendersPerAccount, OnePerSession: false),
        };
    }

    /// <summary>Claims and runs the next startable job of <paramref name="kind"/>, if any.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="stop">Set when this worker stops.</param>
    /// <exception cref="ArgumentException">An unknown kind.</exception>
    public async Task RunNextAsync(string kind, CancellationToken stop)
    {
        if (!_handlers.TryGetValue(kind, out var handler)) throw new ArgumentException($"no handler for job kind '{kind}'", nameof(kind));
        var rules = RulesOf(kind, _options);
        (JobRow Job, string Payload)? next;
        using (var connection = _storage.GetConnection())
        using (connection.AcquireDistributedLock("cutroom:claim:" + kind, TimeSpan.FromSeconds(30)))
            next = await _jobs.ClaimNextAsync(kind, rules, WorkerId, _options.Jobs.LeaseTime, stop);
        if (next is null) return;
        // More startable jobs and no ticket waiting: wake another worker before this one gets busy.
        if (_queue.Waiting(kind) == 0 && await _jobs.AnyStartableAsync(kind, rules, stop)) _queue.Wake(kind);
        await RunAsync(handler, next.Value.Job, next.Value.Payload, stop);
        await TellEndAsync(next.Value.Job.Id);
        // A place freed: a job held back by its account's limit or its session may start now.
        if (await _jobs.AnyStartableAsync(kind, rules, CancellationToken.None)) _queue.Wake(kind);
    }

    private async Task RunAsync(IJobHandler handler, JobRow job, string payload, CancellationToken stop)
    {
        using var lost = new CancellationTokenSource();
        using var ended = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, lost.Token);
        var lease = KeepLeaseAsync(job.Id, lost, ended.Token);
        var progress = new ThrottledProgress(p => _ = _jobs.SetProgressAsync(job.Id, p, CancellationToken.None));
        var me = WorkerId;
        try
        {
            var result = await handler.RunAsync(job, payload, progress, linked.Token);
            await _jobs.CompleteAsync(job.Id, result, me, CancellationToken.None);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            _logger.LogWarning("{Kind} job {Job}: this worker lost its lease (recovered elsewhere); the attempt stopped", job.Kind, job.Id);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await _ledger.ReleaseOpenHoldsAsync(job.Id, CancellationToken.None);
            if (job.Kind == JobKinds.Chat)
                await _jobs.FailAsync(job.Id, ApiCodes.ServerError, "the server stopped during this turn; nothing was charged, send the request again", me, CancellationToken.None);
            else
                await _jobs.RequeueAsync(job.Id, "the server stopped; queued again", me, CancellationToken.None);
        }
        catch (ApiException e)
        {
            await _jobs.FailAsync(job.Id, e.Code, e.Message, me, CancellationToken.None);
        }
        catch (CutroomException e)
        {
            await _jobs.FailAsync(job.Id, JobErrorMapping.ApiCodeOf(e), e.Message, me, CancellationToken.None);
        }
        catch (OperationCanceledException e)
        {
            await _jobs.FailAsync(job.Id, ApiCodes.ServerError, e.Message, me, CancellationToken.None);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "{Kind} job {Job} failed unexpectedly", job.Kind, job.Id);
            await _jobs.FailAsync(job.Id, ApiCodes.ServerError, $"unexpected error in job {job.Id}; retry later", me, CancellationToken.None);
        }
        finally
        {
            await ended.CancelAsync();
            await lease;
        }
    }

    /// <summary>Tells the listeners when the job has ended (not when it went back to the queue).</summary>
    private async Task TellEndAsync(string jobId)
    {
        if (_listeners.Count == 0) return;
        try
        {
            var job = await _jobs.FindAsync(jobId, CancellationToken.None);
            if (job is null || !JobStates.IsTerminal(job.Status)) return;
            foreach (var l in _listeners) await l.JobEndedAsync(job, CancellationToken.None);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "telling the end of job {Job} failed", jobId);
        }
    }

    /// <summary>Renews the lease every third of its time until the job ends; cancels <paramref name="lost"/> when the job is no longer ours.</summary>
    private async Task KeepLeaseAsync(string jobId, CancellationTokenSource lost, CancellationToken ended)
    {
        var every = _options.Jobs.LeaseTime / 3;
        try
        {
            while (!ended.IsCancellationRequested)
            {
                await Task.Delay(every, ended);
                bool held;
                try { held = await _jobs.RenewLeaseAsync(jobId, WorkerId, _options.Jobs.LeaseTime, ended); }
                catch (OperationCanceledException) { return; }
                catch (Exception e)
                {
                    _logger.LogWarning(e, "renewing the lease of job {Job} failed; trying again", jobId);
                    continue;
                }
                if (!held && !ended.IsCancellationRequested)
                {
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Writes progress at most once per whole percent and once per 500 ms.</summary>
    private sealed class ThrottledProgress(Action<int> write) : IProgress<int>
    {
        private int _last = -1;
        private long _lastTicks;

        public void Report(int value)
        {
            var now = Environment.TickCount64;
            if (value <= _last || (value < 100 && now - _lastTicks < 500)) return;
            _last = value;
            _lastTicks = now;
            write(value);
        }
    }
}
