using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Data;

/// <summary>
/// Row locks for check-then-write transactions that must hold across processes (several servers
/// on one PostgreSQL database). On PostgreSQL <c>SELECT … FOR UPDATE</c> locks the row until the
/// transaction ends, so a second process doing the same check waits and then sees the first one's
/// write. On SQLite nothing is needed: a transaction there begins with <c>BEGIN IMMEDIATE</c>
/// (Microsoft.Data.Sqlite's default), which already holds the whole file's write lock.
/// Call inside a transaction (<c>Database.BeginTransactionAsync</c>), before the check.
/// </summary>
public static class RowLocks
{
    /// <summary>Locks the account row <paramref name="accountId"/> (its credit balance) until the transaction ends.</summary>
    /// <param name="ctx">A context with an open transaction.</param>
    /// <param name="accountId">The account.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    public static Task AccountAsync(CutroomDb ctx, string accountId, CancellationToken cancellationToken) =>
        LockAsync(ctx, "SELECT 1 FROM accounts WHERE \"Id\" = {0} FOR UPDATE", accountId, cancellationToken);

    /// <summary>Locks the job row <paramref name="jobId"/> (its state) until the transaction ends.</summary>
    /// <param name="ctx">A context with an open transaction.</param>
    /// <param name="jobId">The job.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    public static Task JobAsync(CutroomDb ctx, string jobId, CancellationToken cancellationToken) =>
        LockAsync(ctx, "SELECT 1 FROM jobs WHERE \"Id\" = {0} FOR UPDATE", jobId, cancellationToken);

    private static async Task LockAsync(CutroomDb ctx, string sql, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (!ctx.Database.IsNpgsql()) return;
        if (ctx.Database.CurrentTransaction is null) throw new InvalidOperationException("a row lock needs a transaction: it is held until the transaction ends");
        await ctx.Database.ExecuteSqlRawAsync(sql, [id], ct);
    }
}
