using System.Text;
using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Sessions;
using Cutroom.Timeline.Interchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Cutroom.Server.Timelines;

/// <summary>
/// <c>GET /v1/sessions/{id}/timeline.otio|.fcpxml|.edl</c>: the session's current draft as an
/// NLE timeline (docs/nle-interchange.md), as a download. Media references are the session's
/// media file names (an NLE relinks them to the editor's copies); the OTIO keeps each media id in
/// its Cutroom metadata. The caller's own sessions only: another user's session answers as a
/// missing one (1002). What the format cannot carry is listed in the
/// <c>Cutroom-Timeline-Losses</c> header (a count) and left out of the file.
/// </summary>
public static class TimelineEndpoints
{
    /// <summary>The header with the number of draft parts the format could not carry.</summary>
    public const string LossesHeader = "Cutroom-Timeline-Losses";

    /// <summary>Maps the endpoint on the authenticated group.</summary>
    /// <param name="api">The authenticated group.</param>
    public static RouteGroupBuilder MapTimelines(this RouteGroupBuilder api)
    {
        api.MapGet("/v1/sessions/{sessionId}/timeline.{format}", async (string sessionId, string format, HttpContext http, SessionStore sessions,
            IDbContextFactory<CutroomDb> db) =>
        {
            var s = await sessions.RequireAsync(Caller.Of(http), sessionId, http.RequestAborted);
            if (!TimelineFormats.TryParse(format, out var kind))
                throw ApiException.BadRequest("format", $"the timeline format must be one of {string.Join(", ", TimelineFormats.Names)} (got '{format}')");
            await using var ctx = await db.CreateDbContextAsync(http.RequestAborted);
            var draftJson = await ctx.DraftRevisions.AsNoTracking().Where(r => r.Id == s.CurrentRevisionId).Select(r => r.Json).FirstAsync(http.RequestAborted);
            var names = await ctx.Media.AsNoTracking().Where(m => m.SessionId == s.Id).ToDictionaryAsync(m => m.Id, m => m.Name, http.RequestAborted);
            var draft = SessionStore.ParseDraft(draftJson);
            var export = TimelineExporter.Export(draft, kind, src => names.TryGetValue(src, out var name) ? new MediaReference(name, name) : new MediaReference(src));
            var file = $"{FileStem(draft.Meta.Title)}.{kind.Extension()}";
            http.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileNameStar = file, FileName = Ascii(file) }.ToString();
            http.Response.Headers[LossesHeader] = export.Losses.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Text(export.Text, $"{kind.MediaType()}; charset=utf-8", Encoding.UTF8);
        }).WithName("SessionTimeline").WithTags("timeline");
        return api;
    }

    /// <summary>The file's name: the draft's title without characters file systems refuse, else "timeline".</summary>
    private static string FileStem(string? title)
    {
        var clean = new string([.. (title ?? "").Select(c => char.IsControl(c) || "/\\:*?\"<>|".Contains(c) ? '_' : c)]).Trim().Trim('.');
        return clean.Length == 0 ? "timeline" : clean.Length > 80 ? clean[..80] : clean;
    }

    private static string Ascii(string name) => new([.. name.Select(c => c is >= ' ' and <= '~' ? c : '_')]);
}
