using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Cutroom.Server.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Render;

/// <summary>
/// Render jobs by the client's id (docs/security.md §14): one job per account and render id.
/// Posting the same id with the same request (<see cref="RenderRequestHash"/>) returns the
/// existing job; another request answers 4009. Two identical posts at once make one job: the
/// loser of the race hits the unique index (account, kind, external id) and reads the winner's.
/// </summary>
/// <param name="db">The database.</param>
/// <param name="jobs">The jobs table.</param>
/// <param name="queue">The job engine, woken when a job is queued.</param>
public sealed class RenderJobs(IDbContextFactory<CutroomDb> db, JobStore jobs, JobQueue queue)
{
    /// <summary>The caller's render job <paramref name="renderId"/>, or null (another account's id is null too).</summary>
    /// <param name="accountId">The caller's account.</param>
    /// <param name="renderId">The client's render id.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<JobRow?> FindAsync(string accountId, string renderId, CancellationToken cancellationToken)
    {
        if (!RenderRequest.IsValidId(renderId)) return null;
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        return await ctx.Jobs.AsNoTracking()
            .FirstOrDefaultAsync(j => j.AccountId == accountId && j.Kind == JobKinds.Render && j.ExternalId == renderId, cancellationToken);
    }

    /// <summary>The existing job for the same request, or null when the id is new.</summary>
    /// <param name="accountId">The caller's account.</param>
    /// <param name="renderId">The client's render id.</param>
    /// <param name="requestHash">The request's <see cref="RenderRequestHash"/>.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="ApiException">4009 when the id was used with another request.</exception>
    public async Task<JobRow?> ExistingAsync(string accountId, string renderId, string requestHash, CancellationToken cancellationToken)
    {
        var job = await FindAsync(accountId, renderId, cancellationToken);
        if (job is null) return null;
        return job.RequestHash == requestHash ? job : throw Reused(renderId);
    }

    /// <summary>Queues a new job for <paramref name="request"/> and gives the job engine a ticket for it; returns the job (or the twin a concurrent identical post made).</summary>
    /// <param name="accountId">The caller's account.</param>
    /// <param name="request">The checked request.</param>
    /// <param name="requestHash">Its <see cref="RenderRequestHash"/>.</param>
    /// <param name="attribution">The attribution headers (JSON), recorded with the job.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="callbackUrl">Where the job's end is posted (developer API), or null.</param>
    /// <param name="apiKeyId">The API key that posted it, or null.</param>
    /// <exception cref="ApiException">4009 when a concurrent post used the id with another request.</exception>
    public async Task<JobRow> CreateAsync(string accountId, RenderRequest request, string requestHash, string? attribution, CancellationToken cancellationToken,
        string? callbackUrl = null, string? apiKeyId = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var job = new JobRow
        {
            Id = Ids.New("job"), Kind = JobKinds.Render, AccountId = accountId, SessionId = request.SessionId, ExternalId = request.Id,
            RequestHash = requestHash, Attribution = attribution, Status = JobStates.Queued, CallbackUrl = callbackUrl, ApiKeyId = apiKeyId,
        };
        try
        {
            await jobs.CreateAsync(job, RenderPayload.From(request).ToJson(), cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // The unique index (account, kind, external id): a concurrent post with this id won the race.
            var twin = await ExistingAsync(accountId, request.Id, requestHash, cancellationToken);
            if (twin is null) throw; // not a conflict: a real database failure
            return twin;
        }
        queue.Wake(JobKinds.Render);
        return job;
    }

    private static ApiException Reused(string renderId) =>
        new(ApiCodes.Conflict, $"render id '{renderId}' was already used with a different request: choose a new id");
}
