using Cutroom.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.DevApi;

/// <summary>
/// The developer API under <c>/v1</c> (docs/developer-api.md): API keys only, RFC 9457 problem
/// details for errors (<see cref="V1Problem"/>), the same engine, jobs and storage as the chat API.
/// </summary>
public static class V1Endpoints
{
    /// <summary>Registers the developer API's services.</summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddDeveloperApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiSessions>();
        services.AddSingleton<V1RenderBodies>();
        services.AddSingleton<Templates>();
        services.AddSingleton(sp => new Webhooks.WebhookClock(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Webhooks.WebhookSender>();
        services.AddSingleton<Webhooks.WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Webhooks.WebhookDispatcher>());
        services.AddSingleton<Webhooks.WebhookEvents>();
        services.AddSingleton<Jobs.IJobEndListener>(sp => sp.GetRequiredService<Webhooks.WebhookEvents>());
        return services;
    }

    /// <summary>Maps <c>/v1</c>.</summary>
    /// <param name="app">The app.</param>
    public static IEndpointRouteBuilder MapDeveloperApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup(V1Problem.Prefix).WithMetadata(V1Problem.Marker.Instance).AddEndpointFilter<BearerFilter>().AddEndpointFilter<ApiKeyRequired>();
        v1.MapV1Media();
        v1.MapV1Renders();
        v1.MapV1Webhooks();
        v1.MapV1Templates();
        return app;
    }
}
