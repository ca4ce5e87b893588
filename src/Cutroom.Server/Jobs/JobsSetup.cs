using Cutroom.Server.Hosting;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Jobs;

/// <summary>Registers the jobs table, the job engine and its workers.</summary>
public static class JobsSetup
{
    /// <summary>Registers <see cref="JobStore"/>, the engine's storage, <see cref="JobQueue"/>, <see cref="JobRunner"/>, <see cref="JobRecovery"/>, <see cref="JobTicket"/> and <see cref="JobEngine"/> (started with the app).</summary>
    /// <param name="services">The services.</param>
    /// <param name="options">Settings.</param>
    public static IServiceCollection AddJobs(this IServiceCollection services, ServerOptions options)
    {
        services.AddSingleton<JobStore>();
        services.AddSingleton(_ => JobEngineStorage.Create(options));
        services.AddSingleton<JobQueue>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobRecovery>();
        services.AddTransient<JobTicket>();
        services.AddSingleton<JobEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<JobEngine>());
        // /readyz checks the engine only where it runs: an API-only process has none (jobs: null).
        if (ServerRoles.RunsJobs(options.Role)) services.AddSingleton<Operations.IJobEngineStatus>(sp => sp.GetRequiredService<JobEngine>());
        return services;
    }
}
