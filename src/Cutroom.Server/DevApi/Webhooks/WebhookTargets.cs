using System.Security.Cryptography;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.DevApi.Webhooks;

/// <summary>Account-level webhook endpoints (<c>cutroom admin webhooks add|list|remove</c>): every render end of the key's account is posted to each.</summary>
/// <param name="db">The database.</param>
/// <param name="options">Webhook settings (the target's address policy).</param>
/// <param name="clock">The time.</param>
public sealed class WebhookTargets(IDbContextFactory<CutroomDb> db, ServerOptions options, TimeProvider clock)
{
    /// <summary>An endpoint as listed (never its secret).</summary>
    /// <param name="Id">Its id (<c>whe_…</c>).</param>
    /// <param name="AccountId">The account.</param>
    /// <param name="Url">The target.</param>
    /// <param name="CreatedAt">Added (UTC).</param>
    public sealed record EndpointInfo(string Id, string AccountId, string Url, DateTime CreatedAt);

    /// <summary>Adds an endpoint for the account of the API key <paramref name="key"/> (id or name); returns it and its signing secret (shown once).</summary>
    /// <param name="key">A working key's id or name.</param>
    /// <param name="url">The target URL.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="ArgumentException">The URL is refused (scheme, port, user info) or no working key has that id or name.</exception>
    public async Task<(EndpointInfo Endpoint, string Secret)> AddAsync(string key, string url, CancellationToken cancellationToken = default)
    {
        if (CallbackAddress.Problem(url, options.Webhooks) is { } why) throw new ArgumentException($"the URL is refused: {why}", nameof(url));
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        var accounts = await ctx.ApiKeys.Where(k => (k.Id == key || k.Name == key) && k.RevokedAt == null).Select(k => k.AccountId).Distinct().ToListAsync(cancellationToken);
        if (accounts.Count != 1) throw new ArgumentException(accounts.Count == 0 ? $"no working API key has id or name '{key}'" : $"several keys are named '{key}': give the key's id", nameof(key));
        var row = new WebhookEndpoint
        {
            Id = Ids.New("whe"), AccountId = accounts[0], Url = url,
            Secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        ctx.WebhookEndpoints.Add(row);
        await ctx.SaveChangesAsync(cancellationToken);
        return (new EndpointInfo(row.Id, row.AccountId, row.Url, row.CreatedAt), row.Secret);
    }

    /// <summary>Every endpoint, oldest first.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<IReadOnlyList<EndpointInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        return await ctx.WebhookEndpoints.AsNoTracking().OrderBy(e => e.CreatedAt)
            .Select(e => new EndpointInfo(e.Id, e.AccountId, e.Url, e.CreatedAt)).ToListAsync(cancellationToken);
    }

    /// <summary>Removes endpoint <paramref name="id"/>; returns whether it existed.</summary>
    /// <param name="id">An endpoint id.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        return await ctx.WebhookEndpoints.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
