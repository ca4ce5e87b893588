using System.Text.Json;
using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Cutroom.Server.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.DevApi.Webhooks;

/// <summary>An event as posted: <c>{"id","type","created_at","data":{"render":{…}}}</c>.</summary>
/// <param name="Id">The event's id (<c>evt_…</c>), the same for every target and every retry.</param>
/// <param name="Type"><c>render.completed</c>, <c>render.failed</c> or <c>render.cancelled</c>.</param>
/// <param name="CreatedAt">When the job ended (UTC).</param>
/// <param name="Data">The render, as <c>GET /v1/renders/{id}</c> shows it but without download links (fetch the render for a fresh one).</param>
public sealed record WebhookEvent(string Id, string Type, DateTime CreatedAt, WebhookEventData Data);

/// <summary>The event's subject.</summary>
/// <param name="Render">The render.</param>
public sealed record WebhookEventData(V1Render Render);

/// <summary>
/// Turns the end of a render job into one delivery per target: the job's <c>callback_url</c>
/// (signed with the secret of the API key that posted it) and each endpoint of the account
/// (<c>cutroom admin webhooks add</c>, signed with the endpoint's secret); then hands them to the
/// <see cref="WebhookDispatcher"/>. An event is recorded once per target even if told twice.
/// </summary>
/// <param name="db">The database.</param>
/// <param name="dispatcher">Sends the deliveries.</param>
/// <param name="clock">The webhook clock.</param>
public sealed class WebhookEvents(IDbContextFactory<CutroomDb> db, WebhookDispatcher dispatcher, WebhookClock clock) : IJobEndListener
{
    /// <summary>The event type of a job's end (<c>render.completed</c>).</summary>
    /// <param name="job">An ended job.</param>
    public static string TypeOf(JobRow job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Kind + "." + job.Status;
    }

    /// <inheritdoc/>
    public async Task JobEndedAsync(JobRow job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Kind != JobKinds.Render || !JobStates.IsTerminal(job.Status)) return;
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        var endpoints = await ctx.WebhookEndpoints.AsNoTracking().Where(e => e.AccountId == job.AccountId).ToListAsync(cancellationToken);
        if (job.CallbackUrl is null && endpoints.Count == 0) return;

        var type = TypeOf(job);
        var eventId = "evt_" + job.Id["job_".Length..] + "_" + job.Status;
        var payload = JsonSerializer.Serialize(new WebhookEvent(eventId, type, job.UpdatedAt, new WebhookEventData(V1Render.Of(job, null))), ServerJson.Options);
        var now = clock.Now;
        var targets = new List<(string Url, string? EndpointId, string? KeyId)>();
        if (job.CallbackUrl is not null && job.ApiKeyId is not null) targets.Add((job.CallbackUrl, null, job.ApiKeyId));
        targets.AddRange(endpoints.Select(e => (e.Url, (string?)e.Id, (string?)null)));
        var made = new List<string>();
        foreach (var (url, endpointId, keyId) in targets.DistinctBy(t => t.Url))
        {
            if (await ctx.WebhookDeliveries.AnyAsync(d => d.EventId == eventId && d.Url == url, cancellationToken)) continue;
            var delivery = new WebhookDelivery
            {
                Id = Ids.New("whd"), AccountId = job.AccountId, EventId = eventId, EventType = type, JobId = job.Id, Url = url, EndpointId = endpointId,
                ApiKeyId = keyId, Payload = payload, Status = WebhookStates.Pending, NextAttemptAt = now, CreatedAt = now, UpdatedAt = now,
            };
            ctx.WebhookDeliveries.Add(delivery);
            try
            {
                await ctx.SaveChangesAsync(cancellationToken);
                made.Add(delivery.Id);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                ctx.Entry(delivery).State = EntityState.Detached; // told twice at once: the other made it
            }
        }
        foreach (var id in made) dispatcher.Start(id);
    }
}

/// <summary>Delivery states.</summary>
public static class WebhookStates
{
    /// <summary>Being tried (or waiting for its next attempt).</summary>
    public const string Pending = "pending";
    /// <summary>The receiver answered 2xx.</summary>
    public const string Delivered = "delivered";
    /// <summary>Given up after the retry period.</summary>
    public const string Failed = "failed";
}
