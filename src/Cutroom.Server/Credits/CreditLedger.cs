using Cutroom.Contract.Errors;
using Cutroom.Agent.Sessions;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Credits;

/// <summary>
/// The append-only credit ledger (contract §7, docs/security.md §13). Balances are derived from
/// its lines (<see cref="CreditEntry"/>); a freeze checks the balance and writes its line in one
/// transaction that first locks the account (<see cref="RowLocks.AccountAsync"/>: a row lock on
/// PostgreSQL, the file's write lock on SQLite), so concurrent freezes never take a balance below
/// 0, even from several server processes on one PostgreSQL database; a hold's unique settle line
/// (index on hold and kind) means nothing is charged twice. An in-process gate also queues this
/// process's own writers, so they do not all wait on the database's lock.
/// </summary>
/// <param name="db">The database.</param>
/// <param name="clock">The time.</param>
public sealed class CreditLedger(IDbContextFactory<CutroomDb> db, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The account of <paramref name="accountId"/> as the agent's <see cref="ICreditAccount"/>.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="jobId">The job whose holds these are (recorded on each line), or null.</param>
    public ICreditAccount For(string accountId, string? jobId = null) => new Account(this, accountId, jobId);

    /// <summary>Adds <paramref name="amount"/> credits to the account's total.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="amount">Credits (&gt; 0).</param>
    /// <param name="reason"><c>signup</c>, <c>admin</c>, ...</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task GrantAsync(string accountId, int amount, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var ctx = await db.CreateDbContextAsync(cancellationToken);
            ctx.Credits.Add(new CreditEntry { AccountId = accountId, Kind = "grant", Amount = amount, Operation = reason, At = Now });
            await ctx.SaveChangesAsync(cancellationToken);
        }
        finally { _gate.Release(); }
    }

    /// <summary>The balance of <paramref name="accountId"/>.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<CreditBalance> BalanceAsync(string accountId, CancellationToken cancellationToken = default)
    {
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        return await BalanceAsync(ctx, accountId, cancellationToken);
    }

    /// <summary>Credits charged so far (the sum of settled holds), for usage reports.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<int> SpentAsync(string accountId, CancellationToken cancellationToken = default)
    {
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        return await ctx.Credits.Where(c => c.AccountId == accountId && c.Kind == "settle").SumAsync(c => c.Charged, cancellationToken);
    }

    /// <summary>Returns every open hold of <paramref name="jobId"/> (a job interrupted by a restart).</summary>
    /// <param name="jobId">The job.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>How many holds were released.</returns>
    public async Task<int> ReleaseOpenHoldsAsync(string jobId, CancellationToken cancellationToken = default)
    {
        List<CreditEntry> open;
        await using (var ctx = await db.CreateDbContextAsync(cancellationToken))
            open = await ctx.Credits.AsNoTracking().Where(c => c.JobId == jobId && c.Kind == "freeze" &&
                                                               !ctx.Credits.Any(s => s.Kind == "settle" && s.HoldId == c.HoldId)).ToListAsync(cancellationToken);
        var released = 0;
        foreach (var f in open)
            if (await SettleAsync(f.AccountId, jobId, new CreditHold(f.HoldId!, f.Amount, f.Operation), 0, cancellationToken)) released++;
        return released;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static async Task<CreditBalance> BalanceAsync(CutroomDb ctx, string accountId, CancellationToken ct)
    {
        var lines = ctx.Credits.Where(c => c.AccountId == accountId);
        var granted = await lines.Where(c => c.Kind == "grant").SumAsync(c => c.Amount, ct);
        var charged = await lines.Where(c => c.Kind == "settle").SumAsync(c => c.Charged, ct);
        var frozen = await lines.Where(c => c.Kind == "freeze" && !ctx.Credits.Any(s => s.Kind == "settle" && s.HoldId == c.HoldId)).SumAsync(c => c.Amount, ct);
        var total = granted - charged;
        return new CreditBalance(total - frozen, frozen);
    }

    private async Task<CreditHold> FreezeAsync(string accountId, string? jobId, int amount, string operation, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        await _gate.WaitAsync(ct);
        try
        {
            await using var ctx = await db.CreateDbContextAsync(ct);
            await using var tx = await ctx.Database.BeginTransactionAsync(ct);
            await RowLocks.AccountAsync(ctx, accountId, ct); // another process's freeze of this account waits here until this one commits
            var balance = await BalanceAsync(ctx, accountId, ct);
            if (amount > balance.Available) throw new InsufficientCreditsException(amount, balance.Available);
            var hold = new CreditHold(Ids.New("hold"), amount, operation);
            ctx.Credits.Add(new CreditEntry { AccountId = accountId, Kind = "freeze", Amount = amount, HoldId = hold.Id, JobId = jobId, Operation = operation, At = Now });
            await ctx.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return hold;
        }
        finally { _gate.Release(); }
    }

    /// <summary>Writes the hold's one settle line; false when there is no such hold or it was settled already (here, or by another process: the unique index refuses the second line).</summary>
    private async Task<bool> SettleAsync(string accountId, string? jobId, CreditHold hold, int actual, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hold);
        await _gate.WaitAsync(ct);
        try
        {
            await using var ctx = await db.CreateDbContextAsync(ct);
            var frozen = await ctx.Credits.FirstOrDefaultAsync(c => c.HoldId == hold.Id && c.Kind == "freeze" && c.AccountId == accountId, ct);
            if (frozen is null) return false;
            if (await ctx.Credits.AnyAsync(c => c.HoldId == hold.Id && c.Kind == "settle", ct)) return false; // settled already: never twice
            ctx.Credits.Add(new CreditEntry
            {
                AccountId = accountId, Kind = "settle", HoldId = hold.Id, JobId = jobId, Operation = hold.Operation,
                Charged = Math.Clamp(actual, 0, frozen.Amount), At = Now,
            });
            try
            {
                await ctx.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e))
            {
                return false; // the unique (hold, settle) index refused a second settle line
            }
        }
        finally { _gate.Release(); }
    }

    private sealed class Account(CreditLedger ledger, string accountId, string? jobId) : ICreditAccount
    {
        public Task<CreditBalance> BalanceAsync(CancellationToken cancellationToken = default) => ledger.BalanceAsync(accountId, cancellationToken);

        public Task<CreditHold> FreezeAsync(int amount, string operation, CancellationToken cancellationToken = default) =>
            ledger.FreezeAsync(accountId, jobId, amount, operation, cancellationToken);

        public Task ChargeAsync(CreditHold hold, int actual, CancellationToken cancellationToken = default) =>
            ledger.SettleAsync(accountId, jobId, hold, actual, cancellationToken);

        public Task ReleaseAsync(CreditHold hold, CancellationToken cancellationToken = default) =>
            ledger.SettleAsync(accountId, jobId, hold, 0, cancellationToken);
    }
}
