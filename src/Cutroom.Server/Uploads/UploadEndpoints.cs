using Cutroom.Server.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Uploads;

/// <summary>
/// <c>POST /api/upload-video/nemo_agent/me/&lt;session_id&gt;</c> (contract §5): multipart parts named
/// <c>files</c>, or JSON <c>{"urls":[...],"source_type":"url"}</c>; answers 200 with the new media
/// items, or refuses the whole request (see <see cref="UploadService"/>).
/// </summary>
public static class UploadEndpoints
{
    /// <summary>Registers the upload services.</summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddUploads(this IServiceCollection services)
    {
        services.AddSingleton<MediaAcceptance>();
        services.AddSingleton<UrlImporter>();
        services.AddSingleton<UploadService>();
        return services;
    }

    /// <summary>Maps the endpoint on the authenticated group.</summary>
    /// <param name="api">The authenticated group.</param>
    public static RouteGroupBuilder MapUploads(this RouteGroupBuilder api)
    {
        api.MapPost("/api/upload-video/nemo_agent/me/{sessionId}", async (string sessionId, HttpContext http, UploadService uploads) =>
                Api.Ok(await uploads.HandleAsync(http, sessionId)))
            .WithName("Upload").WithTags("upload")
            .WithSummary("Upload media (multipart parts named 'files') or import URLs (JSON {urls, source_type:'url'}); all or nothing.");
        return api;
    }
}
