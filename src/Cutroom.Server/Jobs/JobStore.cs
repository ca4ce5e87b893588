using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Jobs;

/// <summary>
/// The jobs table, the fair queue and the record of every job (docs/scale-out.md, "Jobs"): creation,
/// a fair atomic claim (<see cref="FairQueue"/>; <c>UPDATE … WHERE status = 'queued'</c>, so a job never
/// runs twice at once even with several workers or servers) with a lease its worker renews,
/// progress, the terminal transitions (which only move a <c>running</c> job: terminal states never
/// change), every transition recorded in <c>job_transitions</c>, and the recovery of the jobs of dead workers.
/// </summary>
/// <param name="db">The database.</param>
/// <param name="clock">The time.</param>
public sealed class JobStore(IDbContextFactory<CutroomDb> db, TimeProvider clock)
{
    /// <summary>Inserts <paramref name="job"/> (state queued) with its payload, in one transaction.</summary>
    /// <param name="job">The job (Status is set here).</param>
    /// <param name="payload">Its request as JSON.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="DbUpdateException">A job with the same account, kind and external id exists.</exception>
    public async Task CreateAsync(JobRow job, string payload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        var now = Now;
        job.Status = JobStates.Queued;
        job.CreatedAt = job.UpdatedAt = now;
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        ctx.Jobs.Add(job);
        ctx.JobPayloads.Add(new JobPayload { JobId = job.Id, Json = payload });
        ctx.JobTransitions.Add(new JobTransition { JobId = job.Id, To = JobStates.Queued, At = now });
        await ctx.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The job <paramref name="id"/>, or null.</summary>
    /// <param name="id">The job id.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<JobRow?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        return await ctx.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
    }

    /// <summary>The jobs of <paramref name="ids"/> that exist.</summary>
    /// <param name="ids">Job ids.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<IReadOnlyList<JobRow>> FindManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        return await ctx.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Claims the job <see cref="FairQueue"/> picks among the queued jobs of <paramref name="kind"/>: it
    /// becomes running with one more attempt, held by <paramref name="workerId"/> until
    /// <paramref name="lease"/> from now. The claim is one <c>UPDATE … WHERE status = 'queued'</c>, so a
    /// job never runs twice at once even with many workers; the dispatcher calls this under the
    /// engine's lock of the kind, so the per-account limit holds across workers too.
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <param name="rules">The per-account limit and the one-per-session rule.</param>
    /// <param name="workerId">The claiming worker.</param>
    /// <param name="lease">How long the claim holds without renewal.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The claimed job and its payload, or null when no job may start now.</returns>
    public async Task<(JobRow Job, string Payload)?> ClaimNextAsync(string kind, FairQueue.Rules rules, string workerId, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        for (var tries = 0; tries < 5; tries++)
        {
            var candidate = await PickAsync(ctx, kind, rules, cancellationToken);
            if (candidate is null) return null;
            var now = Now;
            var until = now + lease;
            var claimed = await ctx.Jobs.Where(j => j.Id == candidate && j.Status == JobStates.Queued)
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, JobStates.Running).SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.UpdatedAt, now).SetProperty(j => j.StartedAt, now)
                    .SetProperty(j => j.WorkerId, workerId).SetProperty(j => j.LeaseUntil, until), cancellationToken);
            if (claimed == 0) continue; // another worker took it
            ctx.JobTransitions.Add(new JobTransition { JobId = candidate, From = JobStates.Queued, To = JobStates.Running, At = now });
            await ctx.SaveChangesAsync(cancellationToken);
            var job = await ctx.Jobs.AsNoTracking().FirstAsync(j => j.Id == candidate, cancellationToken);
            var payload = await ctx.JobPayloads.AsNoTracking().Where(p => p.JobId == candidate).Select(p => p.Json).FirstAsync(cancellationToken);
            return (job, payload);
        }
        return null;
    }

    /// <summary>Whether a queued job of <paramref name="kind"/> may start now (<see cref="FairQueue"/>), without claiming it.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="rules">The limits.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<bool> AnyStartableAsync(string kind, FairQueue.Rules rules, CancellationToken cancellationToken = default)
    {
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        return await PickAsync(ctx, kind, rules, cancellationToken) is not null;
    }

    /// <summary>Extends the lease of a job <paramref name="workerId"/> runs.</summary>
    /// <param name="id">The job.</param>
    /// <param name="workerId">Its worker.</param>
    /// <param name="lease">From now.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>False when the job is no longer this worker's (recovered after the lease ran out): the attempt must stop.</returns>
    public async Task<bool> RenewLeaseAsync(string id, string workerId, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var until = Now + lease;
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        return await ctx.Jobs.Where(j => j.Id == id && j.Status == JobStates.Running && j.WorkerId == workerId)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.LeaseUntil, until), cancellationToken) > 0;
    }

    private static async Task<string?> PickAsync(CutroomDb ctx, string kind, FairQueue.Rules rules, CancellationToken ct)
    {
        var queued = await ctx.Jobs.AsNoTracking().Where(j => j.Kind == kind && j.Status == JobStates.Queued)
            .Select(j => new FairQueue.Waiting(j.Id, j.AccountId, j.SessionId, j.CreatedAt)).ToListAsync(ct);
        if (queued.Count == 0) return null;
        var running = await ctx.Jobs.AsNoTracking().Where(j => j.Kind == kind && j.Status == JobStates.Running)
            .Select(j => new FairQueue.Busy(j.AccountId, j.SessionId)).ToListAsync(ct);
        var accounts = queued.Select(q => q.AccountId).Distinct().ToList();
        var last = await ctx.Jobs.AsNoTracking().Where(j => j.Kind == kind && j.StartedAt != null && accounts.Contains(j.AccountId))
            .GroupBy(j => j.AccountId).Select(g => new { g.Key, Last = g.Max(j => j.StartedAt) }).ToListAsync(ct);
        return FairQueue.Next(queued, running, last.ToDictionary(x => x.Key, x => x.Last!.Value, StringComparer.Ordinal), rules);
    }

    /// <summary>Records progress (0-100) of a running job.</summary>
    /// <param name="id">The job.</param>
    /// <param name="percent">0-100.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task SetProgressAsync(string id, int percent, CancellationToken cancellationToken = default)
    {
        var p = Math.Clamp(percent, 0, 100);
        var now = Now;
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        await ctx.Jobs.Where(j => j.Id == id && j.Status == JobStates.Running && j.Progress < p)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Progress, p).SetProperty(j => j.UpdatedAt, now), cancellationToken);
    }

    /// <summary>Records the result of a running job before it completes (a chat turn's reply, so that state shows it as soon as the stream ends).</summary>
    /// <param name="id">The job.</param>
    /// <param name="resultJson">The result so far.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task SetResultAsync(string id, string resultJson, CancellationToken cancellationToken = default)
    {
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        await ctx.Jobs.Where(j => j.Id == id && j.Status == JobStates.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.ResultJson, resultJson), cancellationToken);
    }

    /// <summary>running → completed with <paramref name="resultJson"/> and progress 100.</summary>
    /// <param name="id">The job.</param>
    /// <param name="resultJson">The result, or null.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="workerId">When set, only while this worker holds the job (an attempt whose lease was lost records nothing).</param>
    /// <returns>Whether the job moved (false when it was not running).</returns>
    public Task<bool> CompleteAsync(string id, string? resultJson, string? workerId = null, CancellationToken cancellationToken = default) =>
        MoveAsync(id, JobStates.Running, JobStates.Completed, null, j => { j.Progress = 100; j.ResultJson = resultJson; }, cancellationToken, Held(workerId));

    /// <summary>running (or queued) → failed with the contract's code and a message for the user.</summary>
    /// <param name="id">The job.</param>
    /// <param name="code">The contract's code.</param>
    /// <param name="message">Why (no paths, no stack traces).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="workerId">When set, only a running job this worker holds moves.</param>
    /// <returns>Whether the job moved.</returns>
    public async Task<bool> FailAsync(string id, int code, string message, string? workerId = null, CancellationToken cancellationToken = default) =>
        await MoveAsync(id, JobStates.Running, JobStates.Failed, message, j => { j.ErrorCode = code; j.ErrorMessage = message; }, cancellationToken, Held(workerId))
        || (workerId is null && await MoveAsync(id, JobStates.Queued, JobStates.Failed, message, j => { j.ErrorCode = code; j.ErrorMessage = message; }, cancellationToken));

    /// <summary>
    /// queued or running → cancelled, on the owner's request. A running job's worker loses its lease
    /// at its next renewal (a third of <see cref="Hosting.JobOptions.LeaseTime"/>) and stops its
    /// attempt, which then records nothing.
    /// </summary>
    /// <param name="id">The job.</param>
    /// <param name="reason">Why (recorded with the transition).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>Whether the job moved (false when it had already ended).</returns>
    public async Task<bool> CancelAsync(string id, string reason, CancellationToken cancellationToken = default) =>
        await MoveAsync(id, JobStates.Queued, JobStates.Cancelled, reason, _ => { }, cancellationToken)
        || await MoveAsync(id, JobStates.Running, JobStates.Cancelled, reason, _ => { }, cancellationToken);

    /// <summary>running → queued: the worker stops (or died), the job runs again on a worker.</summary>
    /// <param name="id">The job.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="workerId">When set, only while this worker holds the job.</param>
    public Task<bool> RequeueAsync(string id, string reason, string? workerId = null, CancellationToken cancellationToken = default) =>
        MoveAsync(id, JobStates.Running, JobStates.Queued, reason, j => j.Progress = 0, cancellationToken, Held(workerId));

    /// <summary>
    /// Recovery of the jobs of dead workers (docs/security.md §15): every running job whose lease ran
    /// out (its worker was killed, or stopped answering; a job without a lease was left by an older
    /// version) goes back to the queue, unless it has had <paramref name="maxAttempts"/> starts or its
    /// kind may not run twice (<paramref name="failKinds"/>: a half-done chat turn), when it fails with
    /// a reason. Returns the recovered jobs (whose credit holds the caller releases).
    /// </summary>
    /// <param name="maxAttempts">Starts allowed (3).</param>
    /// <param name="failKinds">Kinds failed rather than re-run.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<IReadOnlyList<JobRow>> RecoverAsync(int maxAttempts, IReadOnlySet<string> failKinds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failKinds);
        var now = Now;
        List<JobRow> stuck;
        await using (var ctx = await db.CreateDbContextAsync(cancellationToken))
            stuck = await ctx.Jobs.AsNoTracking().Where(j => j.Status == JobStates.Running && (j.LeaseUntil == null || j.LeaseUntil < now)).ToListAsync(cancellationToken);
        var recovered = new List<JobRow>();
        foreach (var j in stuck)
        {
            bool Expired(JobRow row) => row.LeaseUntil is null || row.LeaseUntil < now;
            var moved = failKinds.Contains(j.Kind)
                ? await MoveAsync(j.Id, JobStates.Running, JobStates.Failed, Restarted, r => { r.ErrorCode = Contract.ApiCodes.ServerError; r.ErrorMessage = Restarted; }, cancellationToken, Expired)
                : j.Attempts >= maxAttempts
                    ? await MoveAsync(j.Id, JobStates.Running, JobStates.Failed, GaveUp(j.Attempts), r => { r.ErrorCode = Contract.ApiCodes.ServerError; r.ErrorMessage = GaveUp(j.Attempts); }, cancellationToken, Expired)
                    : await MoveAsync(j.Id, JobStates.Running, JobStates.Queued, "its worker stopped (a crash or a restart); queued again", r => r.Progress = 0, cancellationToken, Expired);
            if (moved) recovered.Add(j);
        }
        return recovered;
    }

    private const string Restarted = "the server restarted while this ran; nothing was charged, send the request again";

    private static string GaveUp(int attempts) => $"interrupted {attempts} times by server restarts; giving up";

    private static Func<JobRow, bool>? Held(string? workerId) => workerId is null ? null : j => j.WorkerId == workerId;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<bool> MoveAsync(string id, string from, string to, string? reason, Action<JobRow> apply, CancellationToken ct, Func<JobRow, bool>? guard = null)
    {
        await using var ctx = await db.CreateDbContextAsync(ct);
        await using var tx = await ctx.Database.BeginTransactionAsync(ct);
        await RowLocks.JobAsync(ctx, id, ct); // PostgreSQL: another process moving this job waits, then sees the new state
        var job = await ctx.Jobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || job.Status != from || (guard is not null && !guard(job))) return false;
        job.Status = to;
        job.UpdatedAt = Now;
        apply(job);
        if (to != JobStates.Running)
        {
            job.WorkerId = null;
            job.LeaseUntil = null;
        }
        ctx.JobTransitions.Add(new JobTransition { JobId = id, From = from, To = to, Reason = reason, At = job.UpdatedAt });
        await ctx.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
