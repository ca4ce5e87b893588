using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Operations;

/// <summary>
/// <c>GET /readyz</c>: whether this process is ready to take work (docs/operations.md). Unlike
/// <c>/healthz</c> (alive: can it work at all), readiness also needs the database schema to be
/// fully migrated and the job engine to be running; a load balancer sends traffic, and an
/// orchestrator counts a worker, only while it answers 200.
/// </summary>
public static class ReadinessEndpoints
{
    /// <summary>What <c>/readyz</c> checked.</summary>
    /// <param name="Status"><c>ready</c> or <c>not_ready</c>.</param>
    /// <param name="Database">The database answered (a connection opened).</param>
    /// <param name="Migrated">Every migration of this build is applied (none pending).</param>
    /// <param name="Storage">A file could be written and deleted in the storage's temp folder.</param>
    /// <param name="Jobs">The job engine of this process is running; null when this process has none (no <see cref="IJobEngineStatus"/> registered, e.g. an API-only role).</param>
    /// <param name="Workers">The capacity this process advertises: its job engine's workers per queue (<c>render</c>, <c>chat</c>, <c>render_chunk</c>, <c>system</c> → jobs it runs at once; empty while the engine does not run); null when this process has no job engine.</param>
    public sealed record ReadinessData(string Status, bool Database, bool Migrated, bool Storage, bool? Jobs, IReadOnlyDictionary<string, int>? Workers);

    /// <summary>Maps <c>/readyz</c>: 200 with code 0 when every check passes, else 503 with code 5000; no token needed.</summary>
    /// <param name="app">The app.</param>
    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder app)
    {
        app.MapGet("/readyz", async (IDbContextFactory<CutroomDb> db, FileStore store, IServiceProvider services, CancellationToken ct) =>
        {
            var (database, migrated) = await CheckDatabaseAsync(db, ct);
            var storage = await CheckStorageAsync(store, ct);
            var status = services.GetService(typeof(IJobEngineStatus)) as IJobEngineStatus;
            var engine = status?.IsRunning;
            var ready = database && migrated && storage && engine != false;
            return TypedResults.Json(
                new Envelope<ReadinessData>(ready ? 0 : ApiCodes.ServerError, ready ? "ready" : "not ready",
                    new ReadinessData(ready ? "ready" : "not_ready", database, migrated, storage, engine, status?.Workers)),
                ServerJson.Options, statusCode: ready ? 200 : 503);
        }).WithName("Readiness").WithTags("health");
        return app;
    }

    /// <summary>Whether the database opens, and whether no migration of this build is pending (false when it does not open).</summary>
    private static async Task<(bool Reachable, bool Migrated)> CheckDatabaseAsync(IDbContextFactory<CutroomDb> db, CancellationToken ct)
    {
        try
        {
            await using var ctx = await db.CreateDbContextAsync(ct);
            // SQLite: false when the file is gone (CanConnect does not create it).
            if (!await ctx.Database.CanConnectAsync(ct)) return (false, false);
            var pending = await ctx.Database.GetPendingMigrationsAsync(ct);
            return (true, !pending.Any());
        }
        catch (Exception) when (!ct.IsCancellationRequested) { return (false, false); }
    }

    /// <summary>Whether a small file can be written and deleted where the storage writes its temp files.</summary>
    private static async Task<bool> CheckStorageAsync(FileStore store, CancellationToken ct)
    {
        try
        {
            var probe = store.NewTempPath(".ready");
            await File.WriteAllTextAsync(probe, "ready", ct);
            File.Delete(probe);
            return true;
        }
        catch (Exception) when (!ct.IsCancellationRequested) { return false; }
    }
}
