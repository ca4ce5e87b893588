using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.DevApi.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.DevApi;

/// <summary>One attempt of a delivery.</summary>
/// <param name="Number">1 for the first.</param>
/// <param name="At">When it started (UTC).</param>
/// <param name="StatusCode">The receiver's HTTP status, or null when none came.</param>
/// <param name="Error">Why it failed, or null.</param>
/// <param name="DurationMs">How long it took (ms).</param>
public sealed record V1WebhookAttempt(int Number, DateTime At, int? StatusCode, string? Error, long DurationMs);

/// <summary>A webhook delivery: one event to one target, with every attempt.</summary>
/// <param name="Id">The delivery's id (<c>whd_…</c>).</param>
/// <param name="EventId">The event's id (<c>evt_…</c>).</param>
/// <param name="EventType"><c>render.completed</c>, <c>render.failed</c> or <c>render.cancelled</c>.</param>
/// <param name="RenderId">The render the event is about.</param>
/// <param name="Url">The target.</param>
/// <param name="Status"><c>pending</c>, <c>delivered</c> or <c>failed</c>.</param>
/// <param name="NextAttemptAt">When the next attempt is due (UTC), while pending.</param>
/// <param name="Attempts">Every attempt, oldest first.</param>
/// <param name="CreatedAt">The event's time (UTC).</param>
public sealed record V1WebhookDelivery(string Id, string EventId, string EventType, string RenderId, string Url, string Status, DateTime? NextAttemptAt,
    IReadOnlyList<V1WebhookAttempt> Attempts, DateTime CreatedAt);

/// <summary>
/// The caller's webhook deliveries: <c>GET /v1/webhooks/deliveries</c> (newest first, cursor
/// pagination), <c>GET /v1/webhooks/deliveries/{id}</c> and <c>POST /v1/webhooks/deliveries/{id}/redeliver</c>
/// (one more attempt now, recorded like the others).
/// </summary>
public static class V1WebhookEndpoints
{
    /// <summary>Maps the endpoints on the <c>/v1</c> group.</summary>
    /// <param name="v1">The group.</param>
    public static RouteGroupBuilder MapV1Webhooks(this RouteGroupBuilder v1)
    {
        v1.MapGet("/webhooks/deliveries", ListAsync).WithName("V1WebhookDeliveries").WithTags("v1 webhooks")
            .WithSummary("Webhook deliveries with every attempt, newest first (cursor pagination)")
            .Produces<V1Page<V1WebhookDelivery>>().ProducesProblem(400);
        v1.MapGet("/webhooks/deliveries/{id}", GetAsync).WithName("V1WebhookDelivery").WithTags("v1 webhooks")
            .WithSummary("One delivery with every attempt").Produces<V1WebhookDelivery>().ProducesProblem(404);
        v1.MapPost("/webhooks/deliveries/{id}/redeliver", RedeliverAsync).WithName("V1WebhookRedeliver").WithTags("v1 webhooks")
            .WithSummary("Send the event again now (one attempt, recorded); a success marks the delivery delivered")
            .Produces<V1WebhookDelivery>().ProducesProblem(404);
        return v1;
    }

    private static async Task<IResult> ListAsync(HttpContext http, IDbContextFactory<CutroomDb> db, int? limit, string? cursor)
    {
        var size = PageCursor.Limit(limit);
        var after = PageCursor.Decode(cursor);
        var accountId = Caller.Of(http).AccountId;
        await using var ctx = await db.CreateDbContextAsync(http.RequestAborted);
        var q = ctx.WebhookDeliveries.AsNoTracking().Where(d => d.AccountId == accountId);
        if (after is not null) q = q.Where(d => d.CreatedAt < after.CreatedAt || (d.CreatedAt == after.CreatedAt && string.Compare(d.Id, after.Id) < 0));
        var rows = await q.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(size + 1).ToListAsync(http.RequestAborted);
        var page = rows.Take(size).ToList();
        var ids = page.Select(d => d.Id).ToList();
        var attempts = (await ctx.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(http.RequestAborted))
            .ToLookup(a => a.DeliveryId);
        var next = rows.Count > size ? new PageCursor(page[^1].CreatedAt, page[^1].Id).Encode() : null;
        return TypedResults.Json(new V1Page<V1WebhookDelivery>([.. page.Select(d => Shape(d, attempts[d.Id]))], next), ServerJson.Options);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, IDbContextFactory<CutroomDb> db) =>
        TypedResults.Json(await DescribeAsync(id, Caller.Of(http).AccountId, db, http.RequestAborted), ServerJson.Options);

    private static async Task<IResult> RedeliverAsync(string id, HttpContext http, IDbContextFactory<CutroomDb> db, WebhookSender sender)
    {
        var accountId = Caller.Of(http).AccountId;
        await DescribeAsync(id, accountId, db, http.RequestAborted); // 404 unless the caller's
        await sender.AttemptAsync(id, http.RequestAborted);
        return TypedResults.Json(await DescribeAsync(id, accountId, db, http.RequestAborted), ServerJson.Options);
    }

    private static async Task<V1WebhookDelivery> DescribeAsync(string id, string accountId, IDbContextFactory<CutroomDb> db, CancellationToken ct)
    {
        await using var ctx = await db.CreateDbContextAsync(ct);
        var d = await ctx.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.AccountId == accountId, ct)
                ?? throw ApiException.NotFound("webhook delivery");
        var attempts = await ctx.WebhookAttempts.AsNoTracking().Where(a => a.DeliveryId == id).ToListAsync(ct);
        return Shape(d, attempts);
    }

    private static V1WebhookDelivery Shape(WebhookDelivery d, IEnumerable<WebhookAttempt> attempts) =>
        new(d.Id, d.EventId, d.EventType, d.JobId, d.Url, d.Status, d.NextAttemptAt,
            [.. attempts.OrderBy(a => a.Number).Select(a => new V1WebhookAttempt(a.Number, a.At, a.StatusCode, a.Error, a.DurationMs))], d.CreatedAt);
}
