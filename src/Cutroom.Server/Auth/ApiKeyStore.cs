using System.Security.Cryptography;
using Cutroom.Server.Credits;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Auth;

/// <summary>
/// Developer API keys (docs/developer-api.md, "Keys"): made by the operator
/// (<c>cutroom admin keys create</c>), each with an account of its own and an optional credit
/// budget and rate limit; the key (<c>ck_</c> + 256 random bits, base64url) is returned once and
/// only its SHA-256 hash is stored; a revoked key authenticates nothing from the next request on.
/// </summary>
/// <param name="db">The database.</param>
/// <param name="ledger">Grants a key's credit budget.</param>
/// <param name="clock">The time.</param>
public sealed class ApiKeyStore(IDbContextFactory<CutroomDb> db, CreditLedger ledger, TimeProvider clock)
{
    /// <summary>The prefix of every API key.</summary>
    public const string KeyPrefix = "ck_";

    /// <summary>The longest name of a key (characters).</summary>
    public const int MaxNameLength = 64;

    /// <summary>A key as listed (never the key itself).</summary>
    /// <param name="Id">The key's id (<c>key_…</c>).</param>
    /// <param name="Name">The operator's name for it.</param>
    /// <param name="Prefix">Its first characters.</param>
    /// <param name="AccountId">Its account.</param>
    /// <param name="RequestsPerMinute">Its rate limit, or null.</param>
    /// <param name="CreatedAt">Made at (UTC).</param>
    /// <param name="RevokedAt">Revoked at (UTC), or null.</param>
    /// <param name="Available">The account's available credits.</param>
    public sealed record KeyInfo(string Id, string Name, string Prefix, string AccountId, int? RequestsPerMinute, DateTime CreatedAt, DateTime? RevokedAt, int Available);

    /// <summary>A new key: shown once.</summary>
    /// <param name="Key">The key to send as <c>Authorization: Bearer</c>.</param>
    /// <param name="WebhookSecret">The secret that signs its renders' webhooks.</param>
    /// <param name="Info">The key as listed.</param>
    public sealed record NewKey(string Key, string WebhookSecret, KeyInfo Info);

    /// <summary>Whether <paramref name="token"/> looks like an API key (<c>ck_…</c>) rather than an anonymous token.</summary>
    /// <param name="token">A bearer token.</param>
    public static bool IsApiKey(string? token) => token is not null && token.StartsWith(KeyPrefix, StringComparison.Ordinal);

    /// <summary>Makes a key with an account of its own.</summary>
    /// <param name="name">1-64 characters.</param>
    /// <param name="credits">Credits granted to its account (0 for none).</param>
    /// <param name="requestsPerMinute">Its rate limit (requests per minute, &gt; 0), or null for the server's.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="ArgumentException">A bad name, a negative credit budget or a rate that is not positive.</exception>
    public async Task<NewKey> CreateAsync(string name, int credits, int? requestsPerMinute, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength) throw new ArgumentException($"the name must be 1-{MaxNameLength} characters", nameof(name));
        ArgumentOutOfRangeException.ThrowIfNegative(credits);
        if (requestsPerMinute is <= 0) throw new ArgumentOutOfRangeException(nameof(requestsPerMinute), "the rate must be at least 1 request per minute");
        var key = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var secret = "whsec_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Ids.New("key");
        var account = new Account { Id = Ids.New("acc"), ClientId = "apikey-" + id, BindCode = Ids.Random(24), CreatedAt = now };
        var row = new ApiKey
        {
            Id = id, Name = name.Trim(), Hash = TokenHash.Of(key), Prefix = key[..10], AccountId = account.Id,
            RequestsPerMinute = requestsPerMinute, WebhookSecret = secret, CreatedAt = now,
        };
        await using (var ctx = await db.CreateDbContextAsync(cancellationToken))
        {
            ctx.Accounts.Add(account);
            ctx.ApiKeys.Add(row);
            await ctx.SaveChangesAsync(cancellationToken);
        }
        if (credits > 0) await ledger.GrantAsync(account.Id, credits, "api key budget", cancellationToken);
        return new NewKey(key, secret, new KeyInfo(row.Id, row.Name, row.Prefix, row.AccountId, row.RequestsPerMinute, row.CreatedAt, null, credits));
    }

    /// <summary>Revokes the working keys whose id or name is <paramref name="idOrName"/>; returns how many.</summary>
    /// <param name="idOrName">A key id (<c>key_…</c>) or name.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<int> RevokeAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        return await ctx.ApiKeys.Where(k => (k.Id == idOrName || k.Name == idOrName) && k.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.RevokedAt, now), cancellationToken);
    }

    /// <summary>Every key, oldest first (revoked ones too).</summary>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<IReadOnlyList<KeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        List<ApiKey> rows;
        await using (var ctx = await db.CreateDbContextAsync(cancellationToken))
            rows = await ctx.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
        var list = new List<KeyInfo>();
        foreach (var k in rows)
        {
            var balance = await ledger.BalanceAsync(k.AccountId, cancellationToken);
            list.Add(new KeyInfo(k.Id, k.Name, k.Prefix, k.AccountId, k.RequestsPerMinute, k.CreatedAt, k.RevokedAt, balance.Available));
        }
        return list;
    }

    /// <summary>The working key of <paramref name="key"/>, or null when it is unknown or revoked (read on every request: revocation is immediate).</summary>
    /// <param name="key">The bearer token (<c>ck_…</c>).</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<ApiKey?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        if (!IsApiKey(key) || key.Length > 200) return null;
        var hash = TokenHash.Of(key);
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        return await ctx.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);
    }

    /// <summary>The key <paramref name="id"/> (revoked or not), or null.</summary>
    /// <param name="id">A key id.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<ApiKey?> ByIdAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        return await ctx.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
    }

    private static string Base64Url(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
