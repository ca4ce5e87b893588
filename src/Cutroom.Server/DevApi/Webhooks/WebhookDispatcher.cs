using System.Collections.Concurrent;
using Cutroom.Server.Data;
using Cutroom.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Cutroom.Server.DevApi.Webhooks;

/// <summary>
/// Runs each pending delivery to its end with a Polly retry pipeline on the webhook clock: an attempt
/// (<see cref="WebhookSender"/>), and after a failure a wait of
/// <see cref="WebhookOptions.FirstRetryDelay"/> doubled each time up to
/// <see cref="WebhookOptions.MaxRetryDelay"/> (exponential backoff, no jitter), until the receiver
/// answers 2xx or <see cref="WebhookOptions.RetryFor"/> (24 h) after the event, when the delivery is
/// failed. The due time of the next attempt is recorded before each wait. At start, and every minute,
/// pending deliveries left by a stopped process (untouched past their due time) are taken up again.
/// </summary>
/// <param name="db">The database.</param>
/// <param name="sender">Makes attempts.</param>
/// <param name="clock">The webhook clock.</param>
/// <param name="options">Settings.</param>
/// <param name="logger">The log.</param>
public sealed class WebhookDispatcher(IDbContextFactory<CutroomDb> db, WebhookSender sender, WebhookClock clock, ServerOptions options,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private CancellationToken _stopping = CancellationToken.None;

    /// <summary>Deliveries being run by this process now.</summary>
    public int Running => _running.Count;

    /// <summary>Starts running <paramref name="deliveryId"/> in the background, unless this process runs it already.</summary>
    /// <param name="deliveryId">A pending delivery.</param>
    public void Start(string deliveryId)
    {
        var done = new TaskCompletionSource();
        if (!_running.TryAdd(deliveryId, done.Task)) return;
        _ = Task.Run(async () =>
        {
            try { await RunAsync(deliveryId, _stopping); }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested) { }
            catch (Exception e) { logger.LogError(e, "webhook delivery {Delivery} stopped unexpectedly", deliveryId); }
            finally
            {
                _running.TryRemove(deliveryId, out _);
                done.TrySetResult();
            }
        });
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await SweepAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { logger.LogWarning(e, "the webhook sweep failed; trying again"); }
            try { await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Takes up pending deliveries no process has touched since they were due (their process stopped).</summary>
    private async Task SweepAsync(CancellationToken ct)
    {
        var stale = clock.Now - options.Webhooks.AttemptTimeout - TimeSpan.FromMinutes(1);
        await using var ctx = await db.CreateDbContextAsync(ct);
        var ids = await ctx.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == WebhookStates.Pending && d.NextAttemptAt != null && d.NextAttemptAt < stale && d.UpdatedAt < stale)
            .Select(d => d.Id).Take(100).ToListAsync(ct);
        foreach (var id in ids.Where(id => !_running.ContainsKey(id))) Start(id);
    }

    private async Task RunAsync(string deliveryId, CancellationToken ct)
    {
        Data.Entities.WebhookDelivery? d;
        await using (var ctx = await db.CreateDbContextAsync(ct))
            d = await ctx.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == deliveryId, ct);
        if (d is null || d.Status != WebhookStates.Pending) return;
        var deadline = d.CreatedAt + options.Webhooks.RetryFor;
        if (d.NextAttemptAt is { } due && due > clock.Now) await Task.Delay(due - clock.Now, clock.Time, ct);

        var result = await Pipeline(deliveryId, deadline).ExecuteAsync(async token =>
            await sender.AttemptAsync(deliveryId, token) ?? new WebhookAttemptResult(true, null, "gone"), ct);
        if (!result.Delivered) await FailAsync(deliveryId, ct);
    }

    /// <summary>The retry pipeline of one delivery: retry an undelivered attempt while the next one would still be inside the retry period.</summary>
    private ResiliencePipeline<WebhookAttemptResult> Pipeline(string deliveryId, DateTime deadline)
    {
        var o = options.Webhooks;
        return new ResiliencePipelineBuilder<WebhookAttemptResult> { TimeProvider = clock.Time }
            .AddRetry(new RetryStrategyOptions<WebhookAttemptResult>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Delivered: false } && clock.Now < deadline),
                BackoffType = DelayBackoffType.Exponential,
                Delay = o.FirstRetryDelay,
                MaxDelay = o.MaxRetryDelay,
                UseJitter = false,
                MaxRetryAttempts = int.MaxValue,
                OnRetry = async args => await ScheduleAsync(deliveryId, clock.Now + args.RetryDelay, args.Context.CancellationToken),
            })
            .Build();
    }

    private async Task ScheduleAsync(string deliveryId, DateTime due, CancellationToken ct)
    {
        await using var ctx = await db.CreateDbContextAsync(ct);
        var now = clock.Now;
        await ctx.WebhookDeliveries.Where(d => d.Id == deliveryId && d.Status == WebhookStates.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.NextAttemptAt, due).SetProperty(d => d.UpdatedAt, now), ct);
    }

    private async Task FailAsync(string deliveryId, CancellationToken ct)
    {
        await using var ctx = await db.CreateDbContextAsync(ct);
        var now = clock.Now;
        await ctx.WebhookDeliveries.Where(d => d.Id == deliveryId && d.Status == WebhookStates.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, WebhookStates.Failed).SetProperty(d => d.NextAttemptAt, (DateTime?)null)
                .SetProperty(d => d.UpdatedAt, now), ct);
        logger.LogWarning("webhook delivery {Delivery} failed for good after {Hours} h of retries", deliveryId, options.Webhooks.RetryFor.TotalHours);
    }
}
