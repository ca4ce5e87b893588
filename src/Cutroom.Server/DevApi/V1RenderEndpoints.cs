using Cutroom.Contract.Errors;
using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Hosting;
using Cutroom.Server.Jobs;
using Cutroom.Server.Render;
using Cutroom.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.DevApi;

/// <summary>
/// Renders of the developer API, on the render jobs of the chat API (<see cref="RenderJobs"/>, the
/// render job handler): <c>POST /v1/renders</c> (a draft, or a template with merge values; output
/// settings; <c>callback_url</c>; <c>idempotency_key</c>), <c>GET /v1/renders/{id}</c>,
/// <c>DELETE /v1/renders/{id}</c> (cancel) and <c>GET /v1/renders</c> (newest first, cursor pagination).
/// </summary>
public static class V1RenderEndpoints
{
    /// <summary>Maps the endpoints on the <c>/v1</c> group.</summary>
    /// <param name="v1">The group.</param>
    public static RouteGroupBuilder MapV1Renders(this RouteGroupBuilder v1)
    {
        v1.MapPost("/renders", PostAsync).WithName("V1RenderCreate").WithTags("v1 renders")
            .WithSummary("Queue a render of a draft or a template; idempotent by idempotency_key")
            .WithDescription("202 with the new render; 200 with the existing one when the idempotency key was used with the same request; "
                + "409 when it was used with another. Every problem of the draft is listed in errors with its path (draft.t[1].sg[0].d).")
            .Accepts<V1RenderBody>("application/json")
            .Produces<V1Render>(StatusCodes.Status202Accepted).Produces<V1Render>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(415);
        v1.MapGet("/renders", ListAsync).WithName("V1RenderList").WithTags("v1 renders")
            .WithSummary("The caller's renders, newest first (cursor pagination: limit 1-100, cursor = next_cursor)")
            .Produces<V1Page<V1Render>>().ProducesProblem(400);
        v1.MapGet("/renders/{id}", GetAsync).WithName("V1RenderGet").WithTags("v1 renders")
            .WithSummary("A render; a fresh signed link to its output when completed")
            .Produces<V1Render>().ProducesProblem(404);
        v1.MapDelete("/renders/{id}", CancelAsync).WithName("V1RenderCancel").WithTags("v1 renders")
            .WithSummary("Cancel a queued or running render (a running one stops within a third of the job lease)")
            .Produces<V1Render>().ProducesProblem(404).ProducesProblem(409);
        return v1;
    }

    private static async Task<IResult> PostAsync(HttpContext http, ApiSessions sessions, V1RenderBodies bodies, RenderJobs renders, RenderSources sources,
        ServerOptions options, DownloadLinks links)
    {
        var ct = http.RequestAborted;
        var caller = Caller.Of(http);
        var session = await sessions.ForAsync(caller, ct);
        using var doc = await RequestJson.ReadAsync(http.Request);
        var body = await bodies.ReadAsync(doc!.RootElement, caller, session.Id, ct);
        var request = body.Request;
        if (RenderLimits.TooLong(request.Draft.Draft.DurationMs, options.Render) is { } tooLong) throw Invalid([tooLong]);

        var hash = RenderRequestHash.Of(request);
        var existing = await renders.ExistingAsync(caller.AccountId, request.Id, hash, ct);
        if (existing is not null) return await AnswerAsync(http, links, existing, StatusCodes.Status200OK);

        var media = await sources.LoadAsync(session.Id, request.Draft.Draft, ct);
        var problems = RenderSources.Check(request.Draft.Draft, media);
        if (problems.Count > 0)
        {
            var errors = problems.Select(e => new PathError(RenderRequest.InBody(e.Field), e.Message)).ToList();
            throw Invalid(errors, problems.All(e => e.Kind == ErrorKind.UnsupportedMedia) ? ApiCodes.UnsupportedMedia : ApiCodes.BadRequest);
        }
        var job = await renders.CreateAsync(caller.AccountId, request, hash, null, ct, body.CallbackUrl, caller.ApiKeyId);
        return await AnswerAsync(http, links, job, StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, JobStore jobs, DownloadLinks links) =>
        await AnswerAsync(http, links, await RequireAsync(id, http, jobs), StatusCodes.Status200OK);

    private static async Task<IResult> CancelAsync(string id, HttpContext http, JobStore jobs, DownloadLinks links, Webhooks.WebhookEvents events)
    {
        var job = await RequireAsync(id, http, jobs);
        if (!await jobs.CancelAsync(job.Id, "cancelled by its owner (DELETE /v1/renders)", http.RequestAborted))
        {
            job = await RequireAsync(id, http, jobs);
            if (job.Status != JobStates.Cancelled)
                throw new ApiException(ApiCodes.Conflict, $"the render has already ended ({job.Status}); only a queued or running render can be cancelled");
        }
        job = await RequireAsync(id, http, jobs);
        await events.JobEndedAsync(job, CancellationToken.None);
        return await AnswerAsync(http, links, job, StatusCodes.Status200OK);
    }

    private static async Task<IResult> ListAsync(HttpContext http, IDbContextFactory<CutroomDb> db, DownloadLinks links, int? limit, string? cursor)
    {
        var size = PageCursor.Limit(limit);
        var after = PageCursor.Decode(cursor);
        var accountId = Caller.Of(http).AccountId;
        await using var ctx = await db.CreateDbContextAsync(http.RequestAborted);
        var q = ctx.Jobs.AsNoTracking().Where(j => j.AccountId == accountId && j.Kind == JobKinds.Render);
        if (after is not null) q = q.Where(j => j.CreatedAt < after.CreatedAt || (j.CreatedAt == after.CreatedAt && string.Compare(j.Id, after.Id) < 0));
        var rows = await q.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(size + 1).ToListAsync(http.RequestAborted);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? new PageCursor(page[^1].CreatedAt, page[^1].Id).Encode() : null;
        var keys = page.Select(j => RenderOutputFile.Parse(j.ResultJson)?.FileKey).OfType<string>();
        var url = await links.ForAsync(http.Request, keys, http.RequestAborted);
        return TypedResults.Json(new V1Page<V1Render>([.. page.Select(j => V1Render.Of(j, url))], next), ServerJson.Options);
    }

    /// <summary>The caller's render job <paramref name="id"/> (another account's answers exactly like a missing one).</summary>
    private static async Task<Data.Entities.JobRow> RequireAsync(string id, HttpContext http, JobStore jobs)
    {
        var job = id.Length <= 64 ? await jobs.FindAsync(id, http.RequestAborted) : null;
        if (job is null || job.AccountId != Caller.Of(http).AccountId || job.Kind != JobKinds.Render) throw ApiException.NotFound("render");
        return job;
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, DownloadLinks links, Data.Entities.JobRow job, int status)
    {
        var key = job.Status == JobStates.Completed ? RenderOutputFile.Parse(job.ResultJson)?.FileKey : null;
        var url = await links.ForAsync(http.Request, key is null ? [] : [key], http.RequestAborted);
        return TypedResults.Json(V1Render.Of(job, url), ServerJson.Options, statusCode: status);
    }

    private static ApiException Invalid(List<PathError> errors, int code = ApiCodes.BadRequest) =>
        new(code, errors.Count == 1 ? $"invalid request: {errors[0].Path}: {errors[0].Message}"
            : $"invalid request: {errors.Count} problems, each listed with its path in errors", new ErrorsData([.. errors]));
}
