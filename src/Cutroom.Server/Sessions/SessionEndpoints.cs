using System.Text.Json;
using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cutroom.Server.Sessions;

/// <summary><c>POST /api/tasks/me/with-session/nemo_agent</c> (contract §4).</summary>
public static class SessionEndpoints
{
    /// <summary>The answer's data.</summary>
    /// <param name="TaskId">The task id.</param>
    /// <param name="SessionId">The session id.</param>
    /// <param name="TaskName">The task name.</param>
    /// <param name="Language">The language.</param>
    /// <param name="CreatedAt">Created at.</param>
    /// <param name="BindId">The <c>&lt;id&gt;</c> of the account's registration link (<c>?bind=&lt;id&gt;</c>, contract §4).</param>
    public sealed record SessionData(string TaskId, string SessionId, string TaskName, string Language, DateTime CreatedAt, string BindId);

    /// <summary>Maps the endpoint on the authenticated group.</summary>
    /// <param name="api">The authenticated group.</param>
    public static RouteGroupBuilder MapSessions(this RouteGroupBuilder api)
    {
        api.MapPost("/api/tasks/me/with-session/nemo_agent", async (HttpContext http, SessionStore sessions, Chat.BindLinks bind) =>
        {
            var caller = Caller.Of(http);
            var (taskName, language) = await ReadBodyAsync(http.Request);
            var s = await sessions.CreateAsync(caller, taskName, language, Attribution.Json(http.Request), http.RequestAborted);
            return Api.Ok(new SessionData(s.TaskId, s.Id, s.TaskName, s.Language, s.CreatedAt, await bind.IdAsync(caller.AccountId, http.RequestAborted)));
        }).WithName("CreateSession").WithTags("sessions");
        return api;
    }

    /// <summary>Reads <c>{"task_name","language"}</c> (both optional; an empty body is fine).</summary>
    private static async Task<(string TaskName, string Language)> ReadBodyAsync(HttpRequest request)
    {
        var taskName = "project";
        var language = "en";
        if (request.ContentLength is 0) return (taskName, language);
        using var doc = await RequestJson.ReadAsync(request, allowEmpty: true);
        if (doc is null) return (taskName, language);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest("$", "the body must be a JSON object");
        var (t, l) = ReadSettings(root, "");
        return (t ?? taskName, l ?? language);
    }

    /// <summary>Reads and checks the settings <c>task_name</c> (1-200 characters) and <c>language</c> (BCP 47) of an object; a missing one is null.</summary>
    /// <param name="obj">A JSON object.</param>
    /// <param name="pathPrefix">Prefix of error paths (<c>stateDelta.</c>), or empty.</param>
    /// <exception cref="ApiException">4000 naming the field.</exception>
    public static (string? TaskName, string? Language) ReadSettings(JsonElement obj, string pathPrefix)
    {
        string? taskName = null, language = null;
        if (obj.TryGetProperty("task_name", out var t))
        {
            if (t.ValueKind != JsonValueKind.String || t.GetString()!.Length is 0 or > 200) throw ApiException.BadRequest(pathPrefix + "task_name", "must be a string of 1-200 characters");
            taskName = t.GetString()!;
        }
        if (obj.TryGetProperty("language", out var l))
        {
            if (l.ValueKind != JsonValueKind.String || !System.Text.RegularExpressions.Regex.IsMatch(l.GetString()!, "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"))
                throw ApiException.BadRequest(pathPrefix + "language", "must be a BCP 47 tag such as en or zh-CN");
            language = l.GetString()!;
        }
        return (taskName, language);
    }
}
