using Cutroom.Server.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Cutroom.Server.Operations;

/// <summary>Registers and maps what operators use: <c>/readyz</c> and <c>/metrics</c> (docs/operations.md).</summary>
public static class OperationsSetup
{
    /// <summary>
    /// Registers the readiness checks and the metrics, and wraps every <see cref="IJobHandler"/>
    /// registered so far in a <see cref="MeteredJobHandler"/>: call it after the handlers are registered.
    /// </summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<QueueDepth>();
        services.AddSingleton<WorkerCapacity>();
        services.AddSingleton<ServerMetrics>();
        for (var i = 0; i < services.Count; i++)
        {
            var d = services[i];
            if (d.ServiceType != typeof(IJobHandler) || d.IsKeyedService) continue;
            services[i] = ServiceDescriptor.Describe(typeof(IJobHandler),
                sp => new MeteredJobHandler(Create(sp, d), sp.GetRequiredService<ServerMetrics>()), d.Lifetime);
        }
        return services;
    }

    /// <summary>Maps <c>GET /readyz</c> and <c>GET /metrics</c> (Prometheus text format; no token, like <c>/healthz</c>), and <c>GET /admin/workers</c> when an admin key is set.</summary>
    /// <param name="app">The app.</param>
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapReadiness();
        app.MapWorkerList(app.ServiceProvider.GetRequiredService<Hosting.ServerOptions>());
        app.MapMetrics("/metrics", app.ServiceProvider.GetRequiredService<ServerMetrics>().Registry).WithName("Metrics").WithTags("health");
        return app;
    }

    private static IJobHandler Create(IServiceProvider sp, ServiceDescriptor d) =>
        (IJobHandler)(d.ImplementationInstance ?? d.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, d.ImplementationType!));
}
