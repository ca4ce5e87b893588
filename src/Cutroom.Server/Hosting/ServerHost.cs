using Cutroom.Agent.Credits;
using Cutroom.Engine.Common;
using Cutroom.Engine.Render.Chunks;
using Cutroom.FFmpeg.Process;
using Cutroom.Server.Accounts;
using Cutroom.Server.Adk;
using Cutroom.Server.Auth;
using Cutroom.Server.Chat;
using Cutroom.Server.Credits;
using Cutroom.Server.Data;
using Cutroom.Server.DevApi;
using Cutroom.Server.Jobs;
using Cutroom.Server.Operations;
using Cutroom.Server.Preview;
using Cutroom.Server.Render;
using Cutroom.Server.Sessions;
using Cutroom.Server.State;
using Cutroom.Server.Storage;
using Cutroom.Server.Timelines;
using Cutroom.Server.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;

namespace Cutroom.Server.Hosting;

/// <summary>
/// Builds and starts the Cutroom server: Kestrel on <see cref="ServerOptions.ListenAddress"/>,
/// the database (migrated at start), storage, the job engine's workers (roles <c>all</c> and
/// <c>worker</c>), rate limits, the contract's endpoints (roles <c>all</c> and <c>api</c>), the
/// OpenAPI document, <c>/healthz</c>, <c>/readyz</c>, <c>/metrics</c>, the operators' job dashboard and the Studio page.
/// </summary>
public static class ServerHost
{
    /// <summary>Builds the app (not started).</summary>
    /// <param name="options">Settings.</param>
    /// <param name="configure">Optional extra service registrations (tests).</param>
    /// <exception cref="Cutroom.FFmpeg.Errors.ToolMissingException">ffmpeg or ffprobe is missing (the message says what to install).</exception>
    public static WebApplication Build(ServerOptions options, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!ServerRoles.IsKnown(options.Role)) throw new ArgumentException($"unknown role '{options.Role}': use all, api or worker", nameof(options));
        if (options.Auth.Mode is not (AuthModes.Token or AuthModes.Local))
            throw new ArgumentException($"--auth: '{options.Auth.Mode}' is not a mode: use token or local", nameof(options));
        if (options.Auth.Mode == AuthModes.Local && !(System.Net.IPAddress.TryParse(options.ListenAddress, out var listen) && System.Net.IPAddress.IsLoopback(listen)))
            throw new ArgumentException($"--auth local serves requests without a token, so it only listens on a loopback address, not {options.ListenAddress}; behind a network use tokens (and the session cookie for a page served by Cutroom)", nameof(options));
        options.DataDir = Path.GetFullPath(options.DataDir);
        Directory.CreateDirectory(options.DataDir);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Logging.AddFilter("Cutroom", LogLevel.Information);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Parse(options.ListenAddress), options.Port);
            k.Limits.MaxRequestBodySize = null; // per endpoint: uploads stream up to their limit, JSON bodies are capped where read
            k.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 1024, gracePeriod: TimeSpan.FromSeconds(15));
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.AddServerHeader = false;
        });
        builder.Host.ConfigureHostOptions(h => h.ShutdownTimeout = TimeSpan.FromSeconds(20));

        var s = builder.Services;
        s.AddSingleton(options);
        s.AddSingleton(TimeProvider.System);
        s.AddPooledDbContextFactory<CutroomDb>(o => Database.Configure(o, options));
        s.AddSingleton(_ => EngineContext.CreateDefault().WithRenderCache(RenderCacheOf(options)));
        s.AddSingleton(CreditPrices.Default);
        s.AddSingleton<CreditLedger>();
        s.AddSingleton<TokenService>();
        s.AddSingleton<ApiKeyStore>();
        s.AddSingleton<ApiKeyRateLimiter>();
        s.AddStorage(options);
        s.AddSingleton<DraftChanges>();
        s.AddSingleton<SessionStore>();
        s.AddJobs(options);
        s.AddUploads();
        s.AddRender();
        s.AddPreview();
        s.AddChat();
        s.AddAdk();
        s.AddDeveloperApi();
        s.AddCutroomRateLimits(options);
        s.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Cutroom HTTP API";
            doc.Info.Description = "The contract of ../shared/docs/api-contract.md: envelope {code,message,data}, bearer tokens, sessions, upload, state, chat (SSE), credits, render, signed downloads; and Cutroom's addition, the live preview of a session's draft (tag preview). "
                + "Beside it, the developer API under /v1 (tags v1 …): API keys (Authorization: Bearer ck_…), media, renders, templates, webhook deliveries, RFC 9457 problem details (docs/developer-api.md).";
            return Task.CompletedTask;
        }));
        // The OpenAPI document describes bodies as they are written (ServerJson: snake_case); endpoints write with ServerJson.Options explicitly.
        s.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        configure?.Invoke(s);
        s.AddOperations(); // after the job handlers: it wraps them to measure them

        var app = builder.Build();
        if (options.Auth.Mode == AuthModes.Local) app.Logger.LogWarning("{Warning}", LocalAuthWarning);
        Database.Migrate(app.Services);
        app.Services.GetRequiredService<FileStore>().CleanTemp();

        app.UseMiddleware<ErrorEnvelopeMiddleware>();
        app.UseRateLimiter();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        if (ServerRoles.ServesApi(options.Role)) app.UseAdkDevUi(options);

        app.MapHealth();
        app.MapOperations();
        app.MapJobDashboard(options);
        if (!ServerRoles.ServesApi(options.Role)) return app; // a worker: jobs, /healthz, /readyz, /metrics only

        app.MapOpenApi("/openapi/{documentName}.json");
        // The browsable reference of the same document (Scalar serves its script from the app, not a CDN).
        app.MapScalarApiReference("/docs", o => o.WithTitle("Cutroom API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapAuth();
        app.MapFiles();
        app.MapAccounts();
        app.MapSchema();
        app.MapAdkDiscovery();
        var api = app.MapGroup("").AddEndpointFilter<BearerFilter>();
        api.MapSessions();
        api.MapState();
        api.MapCredits();
        api.MapUploads();
        api.MapRender();
        api.MapPreview();
        api.MapChat();
        api.MapTimelines();
        api.MapAdk();
        api.MapSessionCookie();
        app.MapDeveloperApi();
        return app;
    }

    /// <summary>What <c>--auth local</c> prints and logs at start.</summary>
    public const string LocalAuthWarning =
        "WARNING: --auth local: requests without a token act as the one local account (its sessions, files and credits). " +
        "Only requests from this machine are served this way; anyone who can run programs on this machine can use it. " +
        "Do not use it on a shared machine.";

    /// <summary>The render cache in <c>&lt;data&gt;/render-cache</c> (<see cref="RenderOptions.CacheMaxBytes"/>; null when that is 0).</summary>
    /// <param name="options">Settings (the data folder is absolute).</param>
    public static RenderCache? RenderCacheOf(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Render.CacheMaxBytes <= 0 ? null
            : new RenderCache(Path.Combine(options.DataDir, "render-cache"), Math.Max(options.Render.CacheMaxBytes, 1L << 20));
    }

    /// <summary>The base URL the app listens on (after start; resolves port 0).</summary>
    /// <param name="app">A started app.</param>
    public static string BaseUrl(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Urls.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }
}
