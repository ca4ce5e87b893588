using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cutroom.Server.Auth;
using Cutroom.Server.Chat;
using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Adk;

/// <summary>
/// Google ADK's <c>api_server</c> endpoints over Cutroom's sessions (docs/adk.md), so ADK's own
/// client (<c>AdkApiClient</c>) and its dev UI drive Cutroom unchanged:
/// <c>GET /list-apps</c> (<c>["nemo_agent"]</c>) and <c>GET /version</c> without a token; with one
/// (or a local account, or a same-origin cookie: <see cref="Auth.BearerFilter"/>)
/// <c>GET|POST /apps/nemo_agent/users/{user}/sessions</c>, <c>GET|PATCH|DELETE …/sessions/{id}</c>
/// (<see cref="AdkSessionView"/>), and the artifacts <c>GET …/sessions/{id}/artifacts</c>,
/// <c>…/artifacts/{name}</c>, <c>…/artifacts/{name}/versions</c>, <c>…/artifacts/{name}/versions/{v}</c>
/// (<see cref="AdkArtifacts"/>). The user of the path is echoed, never trusted: every session is the
/// caller's account's, and another account's id answers as a missing one (1002). Answers are ADK's
/// bare JSON; refusals are the contract's envelopes, whose <c>error</c> text ADK's clients show.
/// Not offered: creating a session under an id the client picks (Cutroom makes ids: 4000), deleting a
/// session (Cutroom keeps a session's files, renders and credit history: 4000) and deleting artifacts.
/// </summary>
public static class AdkEndpoints
{
    /// <summary>Registers the artifact reader.</summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddAdk(this IServiceCollection services)
    {
        services.AddSingleton<AdkArtifacts>();
        return services;
    }

    /// <summary>Maps <c>/list-apps</c> and <c>/version</c>, which need no token.</summary>
    /// <param name="app">The app.</param>
    public static IEndpointRouteBuilder MapAdkDiscovery(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/list-apps", () => Json(new JsonArray(AdkEvent.AgentName)))
            .WithName("AdkListApps").WithTags("adk").WithSummary("ADK: the apps this server runs (one: nemo_agent)");
        app.MapGet("/version", () => Json(new JsonObject { ["version"] = Version, ["language"] = "dotnet", ["server"] = "cutroom" }))
            .WithName("AdkVersion").WithTags("adk").WithSummary("ADK: the server's version");
        return app;
    }

    /// <summary>Maps the session and artifact endpoints on the authenticated group.</summary>
    /// <param name="api">The authenticated group.</param>
    public static RouteGroupBuilder MapAdk(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        const string sessions = "/apps/{app}/users/{user}/sessions";
        const string one = sessions + "/{sessionId}";

        api.MapGet(sessions, async (string app, string user, HttpContext http, IDbContextFactory<CutroomDb> db) =>
        {
            RequireApp(app);
            var caller = Caller.Of(http);
            await using var ctx = await db.CreateDbContextAsync(http.RequestAborted);
            var rows = await ctx.Sessions.AsNoTracking().Where(s => s.AccountId == caller.AccountId).ToListAsync(http.RequestAborted);
            return Json(new JsonArray([.. rows.OrderByDescending(r => r.UpdatedAt).Select(r => (JsonNode)AdkSessionView.Summary(r, user))]));
        }).WithName("AdkListSessions").WithTags("adk").WithSummary("ADK: the caller's sessions, newest first, without events");

        api.MapPost(sessions, async (string app, string user, HttpContext http, SessionStore store, IDbContextFactory<CutroomDb> db) =>
        {
            RequireApp(app);
            var (taskName, language) = await ReadCreateBodyAsync(http.Request);
            var row = await store.CreateAsync(Caller.Of(http), taskName ?? "project", language ?? "en", Attribution.Json(http.Request), http.RequestAborted);
            await using var ctx = await db.CreateDbContextAsync(http.RequestAborted);
            return Json(await AdkSessionView.FullAsync(ctx, row, user, http.RequestAborted));
        }).WithName("AdkCreateSession").WithTags("adk").WithSummary("ADK: a new session; body {\"state\":{\"language\":\"en\",\"task_name\":\"project\"}} (optional)");

        api.MapPost(one, (string app, string sessionId) =>
        {
            RequireApp(app);
            throw ApiException.BadRequest("sessionId", "Cutroom makes session ids: create the session with POST /apps/nemo_agent/users/{user}/sessions and use the id it answers");
        }).WithName("AdkCreateSessionWithId").WithTags("adk");

        api.MapGet(one, async (string app, string user, string sessionId, HttpContext http, SessionStore store, IDbContextFactory<CutroomDb> db) =>
        {
            RequireApp(app);
            var row = await store.RequireAsync(Caller.Of(http), sessionId, http.RequestAborted);
            await using var ctx = await db.CreateDbContextAsync(http.RequestAborted);
            return Json(await AdkSessionView.FullAsync(ctx, row, user, http.RequestAborted));
        }).WithName("AdkGetSession").WithTags("adk").WithSummary("ADK: a session with its state and its chat history as events");

        api.MapMethods(one, ["PATCH"], async (string app, string user, string sessionId, HttpContext http, SessionStore store, IDbContextFactory<CutroomDb> db) =>
        {
            RequireApp(app);
            var row = await store.RequireAsync(Caller.Of(http), sessionId, http.RequestAborted);
            var (taskName, language) = await ReadPatchBodyAsync(http.Request);
            row = await store.UpdateSettingsAsync(row.Id, taskName, language, http.RequestAborted);
            await using var ctx = await db.CreateDbContextAsync(http.RequestAborted);
            return Json(await AdkSessionView.FullAsync(ctx, row, user, http.RequestAborted));
        }).WithName("AdkUpdateSession").WithTags("adk").WithSummary("ADK: change the session's language or task_name: {\"stateDelta\":{\"language\":\"zh\"}}");

        api.MapDelete(one, async (string app, string sessionId, HttpContext http, SessionStore store) =>
        {
            RequireApp(app);
            await store.RequireAsync(Caller.Of(http), sessionId, http.RequestAborted);
            throw ApiException.BadRequest("sessionId", "Cutroom keeps sessions (their files, renders and credit history); deleting a session is not supported");
        }).WithName("AdkDeleteSession").WithTags("adk");

        api.MapGet(one + "/artifacts", async (string app, string sessionId, HttpContext http, SessionStore store, AdkArtifacts artifacts) =>
        {
            RequireApp(app);
            var row = await store.RequireAsync(Caller.Of(http), sessionId, http.RequestAborted);
            return Json(new JsonArray([.. (await artifacts.NamesAsync(row.Id, http.RequestAborted)).Select(n => (JsonNode)n)]));
        }).WithName("AdkListArtifacts").WithTags("adk").WithSummary("ADK: the names of the files the session's turns made");

        api.MapGet(one + "/artifacts/{name}/versions", async (string app, string sessionId, string name, HttpContext http, SessionStore store, AdkArtifacts artifacts) =>
        {
            RequireApp(app);
            var row = await store.RequireAsync(Caller.Of(http), sessionId, http.RequestAborted);
            return Json(new JsonArray([.. (await artifacts.VersionsAsync(row.Id, name, http.RequestAborted)).Select(v => (JsonNode)v)]));
        }).WithName("AdkArtifactVersions").WithTags("adk").WithSummary("ADK: the versions of one artifact");

        api.MapGet(one + "/artifacts/{name}", async (string app, string sessionId, string name, HttpContext http, SessionStore store, AdkArtifacts artifacts) =>
        {
            RequireApp(app);
            var row = await store.RequireAsync(Caller.Of(http), sessionId, http.RequestAborted);
            return Json(await artifacts.LoadAsync(http.Request, row.Id, name, null, http.RequestAborted));
        }).WithName("AdkLoadArtifact").WithTags("adk").WithSummary("ADK: the latest version of an artifact as a Part (inlineData, or fileData for a large file)");

        api.MapGet(one + "/artifacts/{name}/versions/{version}", async (string app, string sessionId, string name, string version, HttpContext http, SessionStore store, AdkArtifacts artifacts) =>
        {
            RequireApp(app);
            var row = await store.RequireAsync(Caller.Of(http), sessionId, http.RequestAborted);
            if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v))
                throw ApiException.BadRequest("version", "must be a whole number: 0 for the first version");
            return Json(await artifacts.LoadAsync(http.Request, row.Id, name, v, http.RequestAborted));
        }).WithName("AdkLoadArtifactVersion").WithTags("adk").WithSummary("ADK: one version of an artifact as a Part");
        return api;
    }

    /// <summary>Cutroom's version (the assembly's informational version).</summary>
    public static string Version { get; } =
        typeof(AdkEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json; charset=utf-8");

    private static void RequireApp(string app)
    {
        if (app != AdkEvent.AgentName) throw new ApiException(ApiCodes.NotFound, $"app not found: this server runs one app, \"{AdkEvent.AgentName}\"");
    }

    /// <summary>The create body: empty, <c>null</c>, or <c>{"state":{…}}</c> whose <c>language</c> and <c>task_name</c> are used (other state keys are ignored).</summary>
    private static async Task<(string? TaskName, string? Language)> ReadCreateBodyAsync(HttpRequest request)
    {
        using var doc = await RequestJson.ReadAsync(request, allowEmpty: true);
        if (doc is null || doc.RootElement.ValueKind == JsonValueKind.Null) return (null, null);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest("$", "the body must be a JSON object such as {\"state\":{\"language\":\"en\"}}");
        if (!doc.RootElement.TryGetProperty("state", out var state) || state.ValueKind == JsonValueKind.Null) return (null, null);
        if (state.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest("state", "must be an object");
        return SessionEndpoints.ReadSettings(state, "state.");
    }

    /// <summary>The update body <c>{"stateDelta":{"language","task_name"}}</c>: other keys are refused, since nothing else of Cutroom's state is set this way.</summary>
    private static async Task<(string? TaskName, string? Language)> ReadPatchBodyAsync(HttpRequest request)
    {
        using var doc = await RequestJson.ReadAsync(request);
        var root = doc!.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest("$", "the body must be a JSON object {\"stateDelta\":{…}}");
        var prefix = root.TryGetProperty("stateDelta", out var delta) ? "stateDelta." : root.TryGetProperty("state_delta", out delta) ? "state_delta." : null;
        if (prefix is null || delta.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest("stateDelta", "required: an object such as {\"language\":\"zh\"}");
        foreach (var p in delta.EnumerateObject())
            if (p.Name is not ("language" or "task_name"))
                throw ApiException.BadRequest(prefix + p.Name, "cannot be set: only language and task_name change this way; the draft changes through the agent");
        return SessionEndpoints.ReadSettings(delta, prefix);
    }
}
