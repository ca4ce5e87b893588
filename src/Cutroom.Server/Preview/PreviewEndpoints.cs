using System.Globalization;
using Cutroom.Contract.Time;
using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Cutroom.Server.Hosting;
using Cutroom.Server.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Cutroom.Server.Preview;

/// <summary>
/// The live preview (Cutroom's addition to the contract, docs/server.md "Preview"):
/// <c>GET /api/preview/nemo_agent/me/&lt;session_id&gt;</c> answers the MP4 preview of the session's
/// current draft (HTTP ranges, an ETag of the draft it shows), waiting for its render when it is not
/// made yet; <c>GET …/frame?at=&lt;ms&gt;</c> answers a JPEG of the draft's frame at that time. Both
/// carry <c>X-Cutroom-Draft</c> (the draft's hash) and <c>X-Cutroom-Version</c> (the state version
/// whose draft they show). Errors are the contract's envelopes.
/// </summary>
public static class PreviewEndpoints
{
    /// <summary>The hash of the draft a preview or frame shows (also its ETag).</summary>
    public const string DraftHeader = "X-Cutroom-Draft";

    /// <summary>The session's state version whose draft a preview or frame shows.</summary>
    public const string VersionHeader = "X-Cutroom-Version";

    /// <summary>The timeline frame a frame answer shows (from 0).</summary>
    public const string FrameHeader = "X-Cutroom-Frame";

    private const string Path = "/api/preview/nemo_agent/me/{sessionId}";

    /// <summary>Registers the preview service (it listens to draft changes from the start).</summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddPreview(this IServiceCollection services)
    {
        services.AddSingleton<PreviewService>();
        services.AddHostedService(sp => sp.GetRequiredService<PreviewService>());
        return services;
    }

    /// <summary>Maps the endpoints on the authenticated group.</summary>
    /// <param name="api">The authenticated group.</param>
    public static RouteGroupBuilder MapPreview(this RouteGroupBuilder api)
    {
        api.MapMethods(Path, ["GET", "HEAD"], GetVideoAsync).WithName("Preview").WithTags("preview")
            .WithSummary("The MP4 preview of the session's current draft (Cutroom's addition)")
            .WithDescription("A 640x360 (the draft's aspect ratio, 360 lines) x264 ultrafast render of the current draft, made in the background after "
                + "every edit; waits up to 60 s for a render in progress. video/mp4 with HTTP ranges, ETag and X-Cutroom-Draft = the draft's hash, "
                + "X-Cutroom-Version = the state version it shows. 1002 for another user's session, 4000 (data.errors draft.t) for an empty draft.");
        api.MapGet(Path + "/frame", GetFrameAsync).WithName("PreviewFrame").WithTags("preview")
            .WithSummary("A JPEG of the current draft's frame at ?at=<ms> (Cutroom's addition)")
            .WithDescription("The frame the export shows at that time, at the preview's size; at is whole milliseconds from 0 to the draft's end "
                + "(4000 with data.errors path 'at' otherwise). X-Cutroom-Frame is the frame index.");
        return api;
    }

    private static async Task<IResult> GetVideoAsync(string sessionId, HttpContext http, SessionStore sessions, PreviewService previews)
    {
        var session = await sessions.RequireAsync(Caller.Of(http), sessionId, http.RequestAborted);
        var file = await WithRequestId(http, () => previews.GetAsync(session.Id, http.RequestAborted));
        Describe(http, file.DraftHash, file.Version);
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName("preview.mp4");
        http.Response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
        return TypedResults.PhysicalFile(file.Path, "video/mp4", lastModified: File.GetLastWriteTimeUtc(file.Path),
            entityTag: ETag(file.DraftHash), enableRangeProcessing: true);
    }

    private static async Task<IResult> GetFrameAsync(string sessionId, HttpContext http, SessionStore sessions, PreviewService previews)
    {
        var session = await sessions.RequireAsync(Caller.Of(http), sessionId, http.RequestAborted);
        var at = ReadAt(http.Request.Query["at"]);
        var frame = await WithRequestId(http, () => previews.FrameAsync(session.Id, at, http.RequestAborted));
        Describe(http, frame.DraftHash, frame.Version);
        http.Response.Headers[FrameHeader] = frame.Frame.ToString(CultureInfo.InvariantCulture);
        return TypedResults.File(frame.Jpeg, "image/jpeg", entityTag: ETag(string.Create(CultureInfo.InvariantCulture, $"{frame.DraftHash}-{frame.Frame}")));
    }

    /// <summary><c>at</c>: whole milliseconds, 0 or more (the end of the draft is checked with the draft).</summary>
    /// <exception cref="ApiException">4000 at path <c>at</c>.</exception>
    private static MediaTime ReadAt(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
            throw ApiException.BadRequest("at", "is required: the time of the frame in milliseconds from the start of the draft (?at=1500)");
        if (values.Count > 1 || !long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
            throw ApiException.BadRequest("at", "must be a whole number of milliseconds from 0 to the draft's end");
        return MediaTime.FromMilliseconds(ms);
    }

    private static void Describe(HttpContext http, string hash, int version)
    {
        http.Response.Headers[DraftHeader] = hash;
        http.Response.Headers[VersionHeader] = version.ToString(CultureInfo.InvariantCulture);
        // The same URL answers a new picture after every edit: always revalidate (the ETag makes that cheap).
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-cache";
    }

    private static EntityTagHeaderValue ETag(string value) => new($"\"{value}\"");

    /// <summary>Runs <paramref name="work"/>; a 5000 it answers gets this request's id (contract §1: every 5000 carries one).</summary>
    private static async Task<T> WithRequestId<T>(HttpContext http, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (ApiException e) when (e.Code == ApiCodes.ServerError && e.Payload is null)
        {
            var id = http.Items[ErrorEnvelopeMiddleware.RequestIdKey] as string ?? "";
            throw new ApiException(e.Code, $"{e.Message}; report request id {id} if it persists", new RequestIdData(id), e.RetryAfterSeconds);
        }
    }
}
