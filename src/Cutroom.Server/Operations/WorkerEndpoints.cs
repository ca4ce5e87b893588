using Cutroom.Server.Contract;
using Cutroom.Server.Hosting;
using Cutroom.Server.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cutroom.Server.Operations;

/// <summary>
/// <c>GET /admin/workers</c> for operators (docs/operations.md, "Worker capacity"): the live worker
/// processes of the whole service and the workers each advertises per queue, read from the job
/// engine's shared storage (<see cref="WorkerCapacity"/>), so any process answers for all. Like the
/// dashboard, it exists only when <see cref="ServerOptions.AdminKey"/> is set (else 404) and wants
/// that key (HTTP Basic password or <c>Authorization: Bearer KEY</c>; else 401 with code 1001).
/// </summary>
public static class WorkerEndpoints
{
    /// <summary>Where the list is.</summary>
    public const string Path = "/admin/workers";

    /// <summary>The service's worker capacity.</summary>
    /// <param name="Processes">The live worker processes, ordered by id.</param>
    /// <param name="Workers">Their engine workers per queue, summed: jobs of each queue the service runs at once.</param>
    public sealed record WorkerList(IReadOnlyList<WorkerCapacity.WorkerProcess> Processes, IReadOnlyDictionary<string, int> Workers);

    /// <summary>Maps <c>GET /admin/workers</c> when an admin key is configured.</summary>
    /// <param name="app">The app.</param>
    /// <param name="options">Settings (the admin key).</param>
    public static IEndpointRouteBuilder MapWorkerList(this IEndpointRouteBuilder app, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.AdminKey)) return app;
        var key = options.AdminKey;
        app.MapGet(Path, (HttpRequest request, WorkerCapacity capacity) =>
        {
            if (!JobDashboard.HasKey(request, key))
                return Api.Error<object>(ApiCodes.Unauthorized, "the operators' key is required (Authorization: Bearer KEY)", null);
            var processes = capacity.Read();
            return Api.Ok(new WorkerList(processes, WorkerCapacity.Total(processes)));
        }).WithName("WorkerList").WithTags("health").ExcludeFromDescription();
        return app;
    }
}
