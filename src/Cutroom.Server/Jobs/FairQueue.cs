namespace Cutroom.Server.Jobs;

/// <summary>
/// Which queued job of one kind runs next, fairly between accounts (docs/scale-out.md, "Jobs"):
/// an account never has more than its limit in flight, a chat turn waits while another turn of its
/// session runs, and among the accounts that may start one, the one with the fewest jobs running
/// goes first, then the one served least recently (round-robin), then the one waiting longest;
/// within an account, its oldest job. So one account's five long renders cannot keep another
/// account's render waiting behind all of them.
/// </summary>
public static class FairQueue
{
    /// <summary>A queued job.</summary>
    /// <param name="Id">The job id.</param>
    /// <param name="AccountId">Its account.</param>
    /// <param name="SessionId">Its session.</param>
    /// <param name="CreatedAt">When it was queued (UTC).</param>
    public sealed record Waiting(string Id, string AccountId, string SessionId, DateTime CreatedAt);

    /// <summary>A running job of the same kind.</summary>
    /// <param name="AccountId">Its account.</param>
    /// <param name="SessionId">Its session.</param>
    public sealed record Busy(string AccountId, string SessionId);

    /// <summary>The rules of one kind.</summary>
    /// <param name="PerAccount">Jobs of the kind one account may have running at once (at least 1).</param>
    /// <param name="OnePerSession">Whether a session runs one job of the kind at a time (chat turns, in the order sent).</param>
    public sealed record Rules(int PerAccount, bool OnePerSession);

    /// <summary>The id of the job to start next, or null when none may start now.</summary>
    /// <param name="queued">The queued jobs of the kind.</param>
    /// <param name="running">The running jobs of the kind.</param>
    /// <param name="lastStarted">When each account last had a job of the kind started (UTC); absent: never.</param>
    /// <param name="rules">The limits.</param>
    public static string? Next(IReadOnlyCollection<Waiting> queued, IReadOnlyCollection<Busy> running, IReadOnlyDictionary<string, DateTime> lastStarted, Rules rules)
    {
        ArgumentNullException.ThrowIfNull(queued);
        ArgumentNullException.ThrowIfNull(running);
        ArgumentNullException.ThrowIfNull(lastStarted);
        ArgumentNullException.ThrowIfNull(rules);
        var perAccount = running.GroupBy(r => r.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var busySessions = rules.OnePerSession ? running.Select(r => r.SessionId).ToHashSet(StringComparer.Ordinal) : [];
        var limit = Math.Max(1, rules.PerAccount);
        return queued
            .Where(q => perAccount.GetValueOrDefault(q.AccountId) < limit && !busySessions.Contains(q.SessionId))
            .GroupBy(q => q.AccountId, StringComparer.Ordinal)
            .Select(g => (Account: g.Key, Oldest: g.OrderBy(q => q.CreatedAt).ThenBy(q => q.Id, StringComparer.Ordinal).First()))
            .OrderBy(a => perAccount.GetValueOrDefault(a.Account))
            .ThenBy(a => lastStarted.TryGetValue(a.Account, out var t) ? t : DateTime.MinValue)
            .ThenBy(a => a.Oldest.CreatedAt)
            .ThenBy(a => a.Oldest.Id, StringComparer.Ordinal)
            .Select(a => a.Oldest.Id)
            .FirstOrDefault();
    }
}
