using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Render;

/// <summary>PLACEHOLDER: <c>POST /api/render/proxy/lambda</c> (contract §7).</summary>
public static class RenderEndpoints
{
    /// <summary>Registers the render services.</summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddRender(this IServiceCollection services) => services;

    /// <summary>Maps the endpoint on the authenticated group.</summary>
    /// <param name="api">The authenticated group.</param>
    public static RouteGroupBuilder MapRender(this RouteGroupBuilder api) => api;
}
