using Cutroom.Server.Data;
using Cutroom.Server.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Operations;

/// <summary>How many jobs wait in the queue, per kind: one query on the <c>jobs</c> table (state <c>queued</c>), shared by every process of the service.</summary>
/// <param name="db">The database.</param>
public sealed class QueueDepth(IDbContextFactory<CutroomDb> db)
{
    /// <summary>Counts the queued jobs of each kind (kinds with none are absent).</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>Kind → number of queued jobs.</returns>
    /// <exception cref="Exception">Whatever the database provider throws when it cannot answer.</exception>
    public async Task<IReadOnlyDictionary<string, int>> CountAsync(CancellationToken cancellationToken)
    {
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        return await ctx.Jobs.AsNoTracking()
            .Where(j => j.Status == JobStates.Queued)
            .GroupBy(j => j.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);
    }
}
