using Cutroom.Engine.Common;
using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Storage;
using Cutroom.Timeline.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Hosting;

/// <summary><c>GET /healthz</c> and <c>GET /api/schema/draft</c> (contract §9).</summary>
public static class HealthEndpoints
{
    /// <summary>What <c>/healthz</c> checked.</summary>
    /// <param name="Status"><c>ok</c> or <c>failing</c>.</param>
    /// <param name="Database">The database answered a query.</param>
    /// <param name="Storage">A probe could be put, found and deleted in the configured store (the data folder or the S3 bucket), and a file written in the data folder's tmp/.</param>
    /// <param name="Ffmpeg">ffmpeg and ffprobe were found.</param>
    public sealed record HealthData(string Status, bool Database, bool Storage, bool Ffmpeg);

    /// <summary>Maps <c>/healthz</c>: 200 when the database and storage answer and ffmpeg is found, else 503.</summary>
    /// <param name="app">The app.</param>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (IDbContextFactory<CutroomDb> db, FileStore store, IServiceProvider services, CancellationToken ct) =>
        {
            bool database, storage, ffmpeg;
            try
            {
                await using var ctx = await db.CreateDbContextAsync(ct);
                database = await ctx.Database.CanConnectAsync(ct);
                _ = await ctx.Accounts.AnyAsync(ct); // the schema is there, not only the file
            }
            catch (Exception) { database = false; }
            storage = await StorageProbe.RunAsync(store, ct);
            try { ffmpeg = services.GetService(typeof(EngineContext)) is EngineContext; }
            catch (Exception) { ffmpeg = false; }
            var ok = database && storage && ffmpeg;
            return TypedResults.Json(new Envelope<HealthData>(ok ? 0 : ApiCodes.ServerError, ok ? "ok" : "unhealthy", new HealthData(ok ? "ok" : "failing", database, storage, ffmpeg)),
                ServerJson.Options, statusCode: ok ? 200 : 503);
        }).WithName("Health").WithTags("health");
        return app;
    }

    /// <summary>Maps <c>GET /api/schema/draft</c>: the JSON Schema of the draft (docs/draft.schema.json).</summary>
    /// <param name="app">The app.</param>
    public static IEndpointRouteBuilder MapSchema(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/schema/draft", () => TypedResults.Text(DraftSchema.Json, DraftSchema.ContentType))
            .WithName("DraftSchema").WithTags("schema");
        return app;
    }
}
