using Cutroom.Contract.Errors;
using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Cutroom.Server.Hosting;
using Cutroom.Server.Jobs;
using Cutroom.Server.Sessions;
using Cutroom.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Render;

/// <summary>
/// Export (contract §7): <c>POST /api/render/proxy/lambda</c> queues a render of a posted draft
/// (free: no credits), idempotent by the client's render id; <c>GET /api/render/proxy/lambda/&lt;id&gt;</c>
/// reports its state and, when completed, a signed link to the output.
/// </summary>
public static class RenderEndpoints
{
    private const string Path = "/api/render/proxy/lambda";

    /// <summary>Registers the render services and the render job handler.</summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddRender(this IServiceCollection services)
    {
        services.AddSingleton<RenderSources>();
        services.AddSingleton<RenderJobs>();
        services.AddSingleton<RenderJobHandler>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<RenderJobHandler>());
        services.AddSingleton<Chunks.RenderChunkJobHandler>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<Chunks.RenderChunkJobHandler>());
        return services;
    }

    /// <summary>Maps the endpoints on the authenticated group.</summary>
    /// <param name="api">The authenticated group.</param>
    public static RouteGroupBuilder MapRender(this RouteGroupBuilder api)
    {
        api.MapPost(Path, PostAsync).WithName("RenderPost").WithTags("render")
            .WithSummary("Queue a render of a draft (idempotent by id)")
            .WithDescription("Checks, in order: JSON body, id (1-64 of A-Z a-z 0-9 _ -), session ownership (1002), attribution headers (402 unless "
                + "switched off), draft and output (4000 with every JSON path), then the render id: the same id with the same request returns the "
                + "existing job; another request is 4009. \"The same request\" means the same id, sessionId, draft as the server reads it (key order, "
                + "whitespace, number spelling and a stale d do not matter) and output after defaults (mp4, high); other top-level fields are ignored. "
                + "A draft longer than the server's output limit (Render:MaxOutputDuration, default 30 min) is 4000 at path draft. "
                + "Finally every src must be a media id of the session (4000). Answers 202 {id, status}.");
        api.MapGet(Path + "/{id}", GetAsync).WithName("RenderStatus").WithTags("render")
            .WithSummary("State of a render; a signed link to the output when completed");
        return api;
    }

    private static async Task<IResult> PostAsync(HttpContext http, SessionStore sessions, RenderJobs renders, RenderSources sources, ServerOptions options)
    {
        var ct = http.RequestAborted;
        using var doc = await RequestJson.ReadAsync(http.Request);
        var body = doc!.RootElement;
        var id = RenderRequest.ReadId(body);
        var sessionId = RenderRequest.ReadSessionId(body);
        var caller = Caller.Of(http);
        var session = await sessions.RequireAsync(caller, sessionId, ct);
        if (options.RequireAttribution && !Attribution.IsComplete(http.Request))
            throw new ApiException(ApiCodes.AttributionRequired,
                "export requires the attribution headers X-Skill-Source, X-Skill-Version and X-Skill-Platform: register or upgrade your client");

        var errors = new List<PathError>();
        var request = RenderRequest.Read(body, id, session.Id, errors);
        if (request is null) throw Invalid(errors);
        if (RenderLimits.TooLong(request.Draft.Draft.DurationMs, options.Render) is { } tooLong) throw Invalid([tooLong]);

        var hash = RenderRequestHash.Of(request);
        var existing = await renders.ExistingAsync(caller.AccountId, id, hash, ct);
        if (existing is not null) return Api.Ok(new RenderAccepted(id, RenderStatus.Of(existing.Status)), StatusCodes.Status202Accepted);

        var media = await sources.LoadAsync(session.Id, request.Draft.Draft, ct);
        var sourceProblems = RenderSources.Check(request.Draft.Draft, media);
        errors.AddRange(sourceProblems.Select(e => new PathError(RenderRequest.InBody(e.Field), e.Message)));
        // Media of the wrong kind alone (a sound on a video track) is the contract's 4001, as when the
        // render job finds it; anything else, an unknown id included (ids cannot be probed), is 4000.
        if (errors.Count > 0)
            throw Invalid(errors, sourceProblems.Count == errors.Count && sourceProblems.All(e => e.Kind == ErrorKind.UnsupportedMedia)
                ? ApiCodes.UnsupportedMedia : ApiCodes.BadRequest);

        var job = await renders.CreateAsync(caller.AccountId, request, hash, Attribution.Json(http.Request), ct);
        return Api.Ok(new RenderAccepted(id, RenderStatus.Of(job.Status)), StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, RenderJobs renders, DownloadLinks links)
    {
        var job = await renders.FindAsync(Caller.Of(http).AccountId, id, http.RequestAborted) ?? throw ApiException.NotFound("render");
        var output = job.Status == JobStates.Completed ? RenderOutputFile.Parse(job.ResultJson)?.FileKey : null;
        var url = await links.ForAsync(http.Request, output is null ? [] : [output], http.RequestAborted);
        return Api.Ok(RenderStatus.Describe(job, url));
    }

    private static ApiException Invalid(List<PathError> errors, int code = ApiCodes.BadRequest) =>
        new(code, errors.Count == 1 ? $"invalid request: {errors[0].Path}: {errors[0].Message}"
            : $"invalid request: {errors.Count} problems, each listed with its path in data.errors", new ErrorsData([.. errors]));
}
