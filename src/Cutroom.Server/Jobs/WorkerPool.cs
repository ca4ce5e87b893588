using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.Server.Contract;
using Cutroom.Server.Credits;
using Cutroom.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cutroom.Server.Jobs;

/// <summary>
/// The bounded worker pool: one lane per job kind (renders: <see cref="JobOptions.Concurrency"/>
/// workers, default cores / 2; chat turns: <see cref="JobOptions.ChatConcurrency"/>), each worker
/// claiming queued jobs atomically from the database (a chat turn only when no other turn of its
/// session runs, so one session's queue cannot hold every chat worker). At start it recovers jobs a stopped or
/// killed process left running (<see cref="JobStore.RecoverAsync"/>) and releases their credit
/// holds; on shutdown it stops claiming, cancels running jobs and puts them back in the queue.
/// </summary>
public sealed class WorkerPool : BackgroundService
{
    private readonly JobStore _jobs;
    private readonly CreditLedger _ledger;
    private readonly ServerOptions _options;
    private readonly ILogger<WorkerPool> _logger;
    private readonly Dictionary<string, IJobHandler> _handlers;
    private readonly Dictionary<string, SemaphoreSlim> _signals;

    /// <summary>Creates the pool.</summary>
    /// <param name="jobs">The jobs table.</param>
    /// <param name="ledger">Credits (holds of interrupted jobs are released).</param>
    /// <param name="options">Concurrency and attempts.</param>
    /// <param name="handlers">One handler per kind.</param>
    /// <param name="logger">The log.</param>
    public WorkerPool(JobStore jobs, CreditLedger ledger, ServerOptions options, IEnumerable<IJobHandler> handlers, ILogger<WorkerPool> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _jobs = jobs;
        _ledger = ledger;
        _options = options;
        _logger = logger;
        _handlers = handlers.ToDictionary(h => h.Kind);
        _signals = _handlers.Keys.ToDictionary(k => k, _ => new SemaphoreSlim(0, int.MaxValue));
    }

    /// <summary>Wakes a worker of <paramref name="kind"/> (a job was queued).</summary>
    /// <param name="kind">The kind.</param>
    public void Signal(string kind)
    {
        if (_signals.TryGetValue(kind, out var s)) s.Release();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recovered = await _jobs.RecoverAsync(_options.Jobs.MaxAttempts, new HashSet<string> { JobKinds.Chat }, stoppingToken);
        foreach (var job in recovered)
        {
            var released = await _ledger.ReleaseOpenHoldsAsync(job.Id, stoppingToken);
            _logger.LogWarning("recovered {Kind} job {Job} after a restart (attempt {Attempts}; {Released} credit holds released)", job.Kind, job.Id, job.Attempts, released);
        }
        var workers = new List<Task>();
        foreach (var kind in _handlers.Keys)
        {
            var n = kind == JobKinds.Chat ? _options.Jobs.ChatConcurrency : _options.Jobs.Concurrency;
            for (var i = 0; i < Math.Max(1, n); i++) workers.Add(WorkAsync(kind, stoppingToken));
        }
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(string kind, CancellationToken stop)
    {
        var handler = _handlers[kind];
        while (!stop.IsCancellationRequested)
        {
            (Data.Entities.JobRow Job, string Payload)? next;
            try { next = await _jobs.ClaimNextAsync(kind, onePerSession: kind == JobKinds.Chat, stop); }
            catch (OperationCanceledException) { return; }
            catch (Exception e)
            {
                _logger.LogError(e, "claiming a {Kind} job failed", kind);
                next = null;
            }
            if (next is null)
            {
                try { await _signals[kind].WaitAsync(TimeSpan.FromSeconds(2), stop); }
                catch (OperationCanceledException) { return; }
                continue;
            }
            await RunAsync(handler, next.Value.Job, next.Value.Payload, stop);
            Signal(kind); // a job of the same session may have waited for this one
        }
    }

    private async Task RunAsync(IJobHandler handler, Data.Entities.JobRow job, string payload, CancellationToken stop)
    {
        var progress = new ThrottledProgress(p => _ = _jobs.SetProgressAsync(job.Id, p, CancellationToken.None));
        try
        {
            var result = await handler.RunAsync(job, payload, progress, stop);
            await _jobs.CompleteAsync(job.Id, result, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await _ledger.ReleaseOpenHoldsAsync(job.Id, CancellationToken.None);
            if (job.Kind == JobKinds.Chat)
                await _jobs.FailAsync(job.Id, ApiCodes.ServerError, "the server stopped during this turn; nothing was charged, send the request again", CancellationToken.None);
            else
                await _jobs.RequeueAsync(job.Id, "the server stopped; queued again", CancellationToken.None);
        }
        catch (ApiException e)
        {
            await _jobs.FailAsync(job.Id, e.Code, e.Message, CancellationToken.None);
        }
        catch (CutroomException e)
        {
            await _jobs.FailAsync(job.Id, JobErrorMapping.ApiCodeOf(e), e.Message, CancellationToken.None);
        }
        catch (OperationCanceledException e)
        {
            await _jobs.FailAsync(job.Id, ApiCodes.ServerError, e.Message, CancellationToken.None);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "{Kind} job {Job} failed unexpectedly", job.Kind, job.Id);
            await _jobs.FailAsync(job.Id, ApiCodes.ServerError, $"unexpected error in job {job.Id}; retry later", CancellationToken.None);
        }
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
