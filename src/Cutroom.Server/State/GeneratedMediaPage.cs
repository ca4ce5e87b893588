using System.Globalization;
using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Sessions;
using Cutroom.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.State;

/// <summary>
/// Cutroom's addition (contract §6a: "a documented paged endpoint lists the rest"):
/// <c>GET /api/state/nemo_agent/me/&lt;session_id&gt;/generated?before=&lt;seq&gt;&amp;limit=&lt;n&gt;</c>, a session's
/// outputs newest first, <c>limit</c> at a time, so that the state answer stays bounded
/// (<see cref="StateLimit"/> items) however many a session has made.
/// </summary>
public static class GeneratedMediaPage
{
    /// <summary>How many outputs the state answer lists (the latest).</summary>
    public const int StateLimit = 200;

    /// <summary>The most items of one page (and its default).</summary>
    public const int MaxPage = 500;

    /// <summary>A page.</summary>
    /// <param name="Items">Outputs, newest first.</param>
    /// <param name="Total">How many the session has in all.</param>
    /// <param name="NextBefore">The <c>before</c> of the next (older) page, or null when this is the last.</param>
    public sealed record Page(IReadOnlyList<StateEndpoints.GeneratedInfo> Items, int Total, int? NextBefore);

    /// <summary>Maps the endpoint on the authenticated group.</summary>
    /// <param name="api">The authenticated group.</param>
    public static RouteGroupBuilder MapGeneratedPages(this RouteGroupBuilder api)
    {
        api.MapGet("/api/state/nemo_agent/me/{sessionId}/generated", async (string sessionId, HttpContext http, SessionStore sessions,
            IDbContextFactory<CutroomDb> db, DownloadLinks links) =>
        {
            var limit = ReadInt(http.Request, "limit", MaxPage, 1, MaxPage);
            var before = ReadInt(http.Request, "before", int.MaxValue, 1, int.MaxValue);
            var s = await sessions.RequireAsync(Caller.Of(http), sessionId, http.RequestAborted);
            await using var ctx = await db.CreateDbContextAsync(http.RequestAborted);
            var total = await ctx.Generated.CountAsync(g => g.SessionId == s.Id, http.RequestAborted);
            var rows = await ctx.Generated.AsNoTracking().Where(g => g.SessionId == s.Id && g.Seq < before).OrderByDescending(g => g.Seq)
                .Take(limit + 1).ToListAsync(http.RequestAborted);
            var more = rows.Count > limit;
            if (more) rows.RemoveAt(rows.Count - 1);
            var url = await links.ForAsync(http.Request, rows.Select(g => g.FileKey), http.RequestAborted);
            return Api.Ok(new Page([.. rows.Select(g => StateEndpoints.ToInfo(g, url(g.FileKey)))], total, more ? rows[^1].Seq : null));
        }).WithName("GeneratedMediaPage").WithTags("state");
        return api;
    }

    private static int ReadInt(HttpRequest request, string name, int fallback, int min, int max)
    {
        var values = request.Query[name];
        if (values.Count == 0) return fallback;
        if (values.Count > 1 || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw ApiException.BadRequest(name, $"must be one whole number from {min} to {max}");
        return n;
    }
}
