using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Uploads;

/// <summary>PLACEHOLDER: <c>POST /api/upload-video/nemo_agent/me/&lt;session_id&gt;</c> (contract §5).</summary>
public static class UploadEndpoints
{
    /// <summary>Registers the upload services.</summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddUploads(this IServiceCollection services) => services;

    /// <summary>Maps the endpoint on the authenticated group.</summary>
    /// <param name="api">The authenticated group.</param>
    public static RouteGroupBuilder MapUploads(this RouteGroupBuilder api) => api;
}
