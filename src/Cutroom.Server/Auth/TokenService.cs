using System.Text.RegularExpressions;
using Cutroom.Server.Contract;
using Cutroom.Server.Credits;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Auth;

/// <summary>
/// Anonymous tokens (contract §3): one account per client id (100 credits at sign-up), one token
/// per client id per token lifetime (a second request inside it answers 429 with
/// <c>Retry-After</c>), tokens stored only as hashes and checked on every other request.
/// </summary>
/// <param name="db">The database.</param>
/// <param name="options">Lifetimes and sign-up credits.</param>
/// <param name="ledger">Grants the sign-up credits.</param>
/// <param name="clock">The time.</param>
public sealed partial class TokenService(IDbContextFactory<CutroomDb> db, ServerOptions options, CreditLedger ledger, TimeProvider clock)
{
    private readonly SemaphoreSlim _issueGate = new(1, 1);

    /// <summary>Recently checked tokens (by hash) for 30 s, so polling clients do not cost a database read per request.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (Caller Caller, DateTime ExpiresAt, long CachedUntil)> _recent = new(StringComparer.Ordinal);

    /// <summary>An issued token.</summary>
    /// <param name="Token">The token (shown once; only its hash is kept).</param>
    /// <param name="ExpiresAt">Expiry (UTC).</param>
    /// <param name="Credits">The account's available credits.</param>
    /// <param name="ClientId">The client id (echo).</param>
    public sealed record Issued(string Token, DateTime ExpiresAt, int Credits, string ClientId);

    /// <summary>Whether <paramref name="clientId"/> is 1-128 of A-Z a-z 0-9 - _.</summary>
    /// <param name="clientId">The header's value.</param>
    public static bool IsValidClientId(string? clientId) => clientId is not null && ClientIdPattern().IsMatch(clientId);

    /// <summary>Issues a token for <paramref name="clientId"/>, creating its account on first use.</summary>
    /// <param name="clientId">A valid client id.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="ApiException">429 when a token was issued to this client id inside the lifetime.</exception>
    public async Task<Issued> IssueAsync(string clientId, CancellationToken cancellationToken)
    {
        if (!IsValidClientId(clientId)) throw new ApiException(ApiCodes.BadClientId, "X-Client-Id must be 1-128 characters of A-Z a-z 0-9 - _ (a UUID)");
        await _issueGate.WaitAsync(cancellationToken);
        try
        {
            try { return await IssueOnceAsync(clientId, cancellationToken); }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                // Another server process on the same database created this client id's account at the same
                // moment; the second attempt finds it (and its fresh token: 429).
                return await IssueOnceAsync(clientId, cancellationToken);
            }
        }
        finally
        {
            _issueGate.Release();
        }
    }

    /// <summary>
    /// One attempt: in one transaction, the account (locked, so another process issuing for the same
    /// client id waits and then sees this token's time), the one-token-per-lifetime check, the token;
    /// then the sign-up credits of a new account.
    /// </summary>
    private async Task<Issued> IssueOnceAsync(string clientId, CancellationToken cancellationToken)
    {
        var created = false;
        string token, accountId;
        DateTime expires;
        await using (var ctx = await db.CreateDbContextAsync(cancellationToken))
        {
            await using var tx = await ctx.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var account = await ctx.Accounts.FirstOrDefaultAsync(a => a.ClientId == clientId, cancellationToken);
            if (account is null)
            {
                account = new Account { Id = Ids.New("acc"), ClientId = clientId, BindCode = Ids.Random(24), CreatedAt = now };
                ctx.Accounts.Add(account);
                created = true;
            }
            else
            {
                await RowLocks.AccountAsync(ctx, account.Id, cancellationToken);
                await ctx.Entry(account).ReloadAsync(cancellationToken);
                if (account.LastTokenAt is { } last && now - last < options.Auth.TokenLifetime)
                {
                    var wait = (int)Math.Ceiling((last + options.Auth.TokenLifetime - now).TotalSeconds);
                    throw new ApiException(ApiCodes.RateLimited, $"a token was already issued to this client id; one is issued per {options.Auth.TokenLifetime.TotalDays:0.#} days. Retry after {wait} seconds.", null, wait);
                }
            }
            token = TokenHash.NewToken();
            expires = now + options.Auth.TokenLifetime;
            account.LastTokenAt = now;
            ctx.Tokens.Add(new AccessToken { Hash = TokenHash.Of(token), AccountId = account.Id, CreatedAt = now, ExpiresAt = expires });
            await ctx.SaveChangesAsync(cancellationToken);
            await tx.CommitAsync(cancellationToken);
            accountId = account.Id;
        }
        if (created && options.Auth.SignupCredits > 0) await ledger.GrantAsync(accountId, options.Auth.SignupCredits, "signup", cancellationToken);
        var balance = await ledger.For(accountId).BalanceAsync(cancellationToken);
        return new Issued(token, expires, balance.Available, clientId);
    }

    /// <summary>The caller of a bearer token, or null when it is unknown or expired.</summary>
    /// <param name="token">The token from <c>Authorization: Bearer</c>.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<Caller?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200) return null;
        var hash = TokenHash.Of(token);
        var now = clock.GetUtcNow().UtcDateTime;
        if (_recent.TryGetValue(hash, out var hit) && Environment.TickCount64 < hit.CachedUntil)
            return hit.ExpiresAt > now ? hit.Caller : null;
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        var row = await ctx.Tokens.AsNoTracking()
            .Where(t => t.Hash == hash)
            .Join(ctx.Accounts, t => t.AccountId, a => a.Id, (t, a) => new { t.ExpiresAt, a.Id, a.ClientId })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null || row.ExpiresAt <= now) return null;
        var caller = new Caller(row.Id, row.ClientId, hash);
        if (_recent.Count > 100_000) _recent.Clear();
        _recent[hash] = (caller, row.ExpiresAt, Environment.TickCount64 + 30_000);
        return caller;
    }

    /// <summary>When a valid token expires (UTC), or null when it is unknown or expired.</summary>
    /// <param name="token">The token.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<DateTime?> ExpiryAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200) return null;
        var hash = TokenHash.Of(token);
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        var expires = await ctx.Tokens.AsNoTracking().Where(t => t.Hash == hash).Select(t => (DateTime?)t.ExpiresAt).FirstOrDefaultAsync(cancellationToken);
        return expires > clock.GetUtcNow().UtcDateTime ? expires : null;
    }

    /// <summary>The client id of the one local account of <c>--auth local</c>.</summary>
    public const string LocalClientId = "local";

    private Caller? _local;

    /// <summary>
    /// The one local account of <see cref="AuthModes.Local"/> (client id <see cref="LocalClientId"/>), made
    /// on first use with the sign-up credits, as an anonymous token's account would be.
    /// </summary>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<Caller> LocalCallerAsync(CancellationToken cancellationToken)
    {
        if (_local is { } known) return known;
        await _issueGate.WaitAsync(cancellationToken);
        try
        {
            if (_local is { } again) return again;
            string accountId;
            var created = false;
            await using (var ctx = await db.CreateDbContextAsync(cancellationToken))
            {
                var account = await ctx.Accounts.FirstOrDefaultAsync(a => a.ClientId == LocalClientId, cancellationToken);
                if (account is null)
                {
                    account = new Account { Id = Ids.New("acc"), ClientId = LocalClientId, BindCode = Ids.Random(24), CreatedAt = clock.GetUtcNow().UtcDateTime };
                    ctx.Accounts.Add(account);
                    await ctx.SaveChangesAsync(cancellationToken);
                    created = true;
                }
                accountId = account.Id;
            }
            if (created && options.Auth.SignupCredits > 0) await ledger.GrantAsync(accountId, options.Auth.SignupCredits, "signup", cancellationToken);
            return _local = new Caller(accountId, LocalClientId, "local");
        }
        finally
        {
            _issueGate.Release();
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex ClientIdPattern();
}
