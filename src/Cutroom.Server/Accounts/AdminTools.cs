using Cutroom.Server.Credits;
using Cutroom.Server.Data;
using Cutroom.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Accounts;

/// <summary>
/// What operators do without the server running (<c>cutroom admin</c>): grant credits to an
/// account by client id, and list accounts with their balance and usage. Works on the same
/// database as <c>cutroom serve</c> (migrated first).
/// </summary>
public sealed class AdminTools : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IDbContextFactory<CutroomDb> _db;
    private readonly CreditLedger _ledger;

    /// <summary>Opens the database of <paramref name="options"/>.</summary>
    /// <param name="options">The data folder and database settings.</param>
    public AdminTools(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.DataDir);
        var s = new ServiceCollection();
        s.AddSingleton(TimeProvider.System);
        s.AddDbContextFactory<CutroomDb>(o => Database.Configure(o, options));
        s.AddSingleton<CreditLedger>();
        s.AddSingleton<Auth.ApiKeyStore>();
        s.AddSingleton(options);
        s.AddSingleton<DevApi.Webhooks.WebhookTargets>();
        _services = s.BuildServiceProvider();
        Database.Migrate(_services);
        _db = _services.GetRequiredService<IDbContextFactory<CutroomDb>>();
        _ledger = _services.GetRequiredService<CreditLedger>();
        Keys = _services.GetRequiredService<Auth.ApiKeyStore>();
        Webhooks = _services.GetRequiredService<DevApi.Webhooks.WebhookTargets>();
    }

    /// <summary>Account-level webhook endpoints (<c>cutroom admin webhooks</c>).</summary>
    public DevApi.Webhooks.WebhookTargets Webhooks { get; }

    /// <summary>The developer API keys (<c>cutroom admin keys</c>).</summary>
    public Auth.ApiKeyStore Keys { get; }

    /// <summary>One account's line in the list.</summary>
    /// <param name="ClientId">The client id.</param>
    /// <param name="Email">The bound e-mail address, or null.</param>
    /// <param name="CreatedAt">Created (UTC).</param>
    /// <param name="Available">Available credits.</param>
    /// <param name="Frozen">Frozen credits.</param>
    /// <param name="Spent">Credits charged so far.</param>
    /// <param name="Sessions">Sessions created.</param>
    /// <param name="Uploads">Files uploaded.</param>
    /// <param name="Jobs">Jobs run (renders and chat turns).</param>
    public sealed record AccountUsage(string ClientId, string? Email, DateTime CreatedAt, int Available, int Frozen, int Spent, int Sessions, int Uploads, int Jobs);

    /// <summary>Adds <paramref name="amount"/> credits to the account of <paramref name="clientId"/>.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="amount">Credits (&gt; 0).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The account's usage after the grant.</returns>
    /// <exception cref="KeyNotFoundException">No account has that client id.</exception>
    public async Task<AccountUsage> GrantAsync(string clientId, int amount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        string accountId;
        await using (var ctx = await _db.CreateDbContextAsync(cancellationToken))
            accountId = await ctx.Accounts.Where(a => a.ClientId == clientId).Select(a => a.Id).FirstOrDefaultAsync(cancellationToken)
                        ?? throw new KeyNotFoundException($"no account has client id '{clientId}'");
        await _ledger.GrantAsync(accountId, amount, "admin", cancellationToken);
        return (await ListAsync(cancellationToken)).First(a => a.ClientId == clientId);
    }

    /// <summary>Every account, oldest first, with balance and usage.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<IReadOnlyList<AccountUsage>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var ctx = await _db.CreateDbContextAsync(cancellationToken);
        var accounts = await ctx.Accounts.AsNoTracking().OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        var list = new List<AccountUsage>();
        foreach (var a in accounts)
        {
            var b = await _ledger.BalanceAsync(a.Id, cancellationToken);
            var spent = await _ledger.SpentAsync(a.Id, cancellationToken);
            var sessions = await ctx.Sessions.CountAsync(s => s.AccountId == a.Id, cancellationToken);
            var uploads = await ctx.Media.CountAsync(m => ctx.Sessions.Any(s => s.Id == m.SessionId && s.AccountId == a.Id), cancellationToken);
            var jobs = await ctx.Jobs.CountAsync(j => j.AccountId == a.Id, cancellationToken);
            list.Add(new AccountUsage(a.ClientId, a.Email, a.CreatedAt, b.Available, b.Frozen, spent, sessions, uploads, jobs));
        }
        return list;
    }

    /// <inheritdoc/>
    public void Dispose() => _services.Dispose();
}
