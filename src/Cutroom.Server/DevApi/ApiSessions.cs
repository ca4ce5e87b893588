using Cutroom.Server.Auth;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.DevApi;

/// <summary>
/// The session behind an account's developer API: media posted to <c>/v1/media</c> land in it and
/// <c>/v1/renders</c> draw from it, so the chat API's session rules (ownership, quota, storage) hold
/// unchanged. It is the account's session named <see cref="TaskName"/>, made on first use.
/// </summary>
/// <param name="db">The database.</param>
/// <param name="sessions">Makes the session.</param>
public sealed class ApiSessions(IDbContextFactory<CutroomDb> db, SessionStore sessions)
{
    /// <summary>The task name of the API session.</summary>
    public const string TaskName = "developer-api";

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The caller's API session, made on first use.</summary>
    /// <param name="caller">The caller.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<SessionRow> ForAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await FindAsync(caller.AccountId, cancellationToken) is { } found) return found;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await FindAsync(caller.AccountId, cancellationToken)
                   ?? await sessions.CreateAsync(caller, TaskName, "en", null, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SessionRow?> FindAsync(string accountId, CancellationToken ct)
    {
        await using var ctx = await db.CreateDbContextAsync(ct);
        return await ctx.Sessions.AsNoTracking().Where(s => s.AccountId == accountId && s.TaskName == TaskName)
            .OrderBy(s => s.CreatedAt).FirstOrDefaultAsync(ct);
    }
}
