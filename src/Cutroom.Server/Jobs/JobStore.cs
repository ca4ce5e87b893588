using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Jobs;

/// <summary>
/// The jobs table: creation, an atomic claim (<c>UPDATE … WHERE status = 'queued'</c>, so a job
/// never runs twice at once even with several workers or servers), progress, the terminal
/// transitions (which only move a <c>running</c> job: terminal states never change), every
/// transition recorded in <c>job_transitions</c>, and the start-up recovery of interrupted jobs.
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

    /// <summary>Claims the oldest queued job of <paramref name="kind"/>: it becomes running with one more attempt.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="onePerSession">
    /// Skip jobs whose session already has a running job of this kind (chat turns: the later turn
    /// would only wait for the session's lock, holding a worker that another session could use).
    /// </param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The claimed job and its payload, or null when none is queued.</returns>
    public async Task<(JobRow Job, string Payload)?> ClaimNextAsync(string kind, bool onePerSession = false, CancellationToken cancellationToken = default)
    {
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        for (var tries = 0; tries < 5; tries++)
        {
            var queued = ctx.Jobs.AsNoTracking().Where(j => j.Kind == kind && j.Status == JobStates.Queued);
            if (onePerSession)
                queued = queued.Where(j => !ctx.Jobs.Any(r => r.SessionId == j.SessionId && r.Kind == kind && r.Status == JobStates.Running));
            var candidate = await queued.OrderBy(j => j.CreatedAt).Select(j => j.Id).FirstOrDefaultAsync(cancellationToken);
            if (candidate is null) return null;
            var now = Now;
            var claimed = await ctx.Jobs.Where(j => j.Id == candidate && j.Status == JobStates.Queued)
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, JobStates.Running).SetProperty(j => j.Attempts, j => j.Attempts + 1)
                    .SetProperty(j => j.UpdatedAt, now), cancellationToken);
            if (claimed == 0) continue; // another worker took it
            ctx.JobTransitions.Add(new JobTransition { JobId = candidate, From = JobStates.Queued, To = JobStates.Running, At = now });
            await ctx.SaveChangesAsync(cancellationToken);
            var job = await ctx.Jobs.AsNoTracking().FirstAsync(j => j.Id == candidate, cancellationToken);
            var payload = await ctx.JobPayloads.AsNoTracking().Where(p => p.JobId == candidate).Select(p => p.Json).FirstAsync(cancellationToken);
            return (job, payload);
        }
        return null;
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
    /// <returns>Whether the job moved (false when it was not running).</returns>
    public Task<bool> CompleteAsync(string id, string? resultJson, CancellationToken cancellationToken = default) =>
        MoveAsync(id, JobStates.Running, JobStates.Completed, null, j => { j.Progress = 100; j.ResultJson = resultJson; }, cancellationToken);

    /// <summary>running (or queued) → failed with the contract's code and a message for the user.</summary>
    /// <param name="id">The job.</param>
    /// <param name="code">The contract's code.</param>
    /// <param name="message">Why (no paths, no stack traces).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>Whether the job moved.</returns>
    public async Task<bool> FailAsync(string id, int code, string message, CancellationToken cancellationToken = default) =>
        await MoveAsync(id, JobStates.Running, JobStates.Failed, message, j => { j.ErrorCode = code; j.ErrorMessage = message; }, cancellationToken)
        || await MoveAsync(id, JobStates.Queued, JobStates.Failed, message, j => { j.ErrorCode = code; j.ErrorMessage = message; }, cancellationToken);

    /// <summary>running → queued: the server stops, the job runs again at the next start.</summary>
    /// <param name="id">The job.</param>
    /// <param name="reason">Why.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public Task<bool> RequeueAsync(string id, string reason, CancellationToken cancellationToken = default) =>
        MoveAsync(id, JobStates.Running, JobStates.Queued, reason, j => j.Progress = 0, cancellationToken);

    /// <summary>
    /// Start-up recovery (docs/security.md §15): every job left running by a stopped or killed
    /// process goes back to the queue, unless it has had <paramref name="maxAttempts"/> starts or
    /// its kind may not run twice (<paramref name="failKinds"/>: a half-done chat turn), when it fails
    /// with a reason. Returns the recovered jobs (whose credit holds the caller releases).
    /// </summary>
    /// <param name="maxAttempts">Starts allowed (3).</param>
    /// <param name="failKinds">Kinds failed rather than re-run.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<IReadOnlyList<JobRow>> RecoverAsync(int maxAttempts, IReadOnlySet<string> failKinds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failKinds);
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        var stuck = await ctx.Jobs.AsNoTracking().Where(j => j.Status == JobStates.Running).ToListAsync(cancellationToken);
        foreach (var j in stuck)
        {
            if (failKinds.Contains(j.Kind))
                await FailAsync(j.Id, Contract.ApiCodes.ServerError, "the server restarted while this ran; nothing was charged, send the request again", cancellationToken);
            else if (j.Attempts >= maxAttempts)
                await FailAsync(j.Id, Contract.ApiCodes.ServerError, $"interrupted {j.Attempts} times by server restarts; giving up", cancellationToken);
            else
                await RequeueAsync(j.Id, "interrupted by a server restart; queued again", cancellationToken);
        }
        return stuck;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<bool> MoveAsync(string id, string from, string to, string? reason, Action<JobRow> apply, CancellationToken ct)
    {
        await using var ctx = await db.CreateDbContextAsync(ct);
        await using var tx = await ctx.Database.BeginTransactionAsync(ct);
        await RowLocks.JobAsync(ctx, id, ct); // PostgreSQL: another process moving this job waits, then sees the new state
        var job = await ctx.Jobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || job.Status != from) return false;
        job.Status = to;
        job.UpdatedAt = Now;
        apply(job);
        ctx.JobTransitions.Add(new JobTransition { JobId = id, From = from, To = to, Reason = reason, At = job.UpdatedAt });
        await ctx.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
