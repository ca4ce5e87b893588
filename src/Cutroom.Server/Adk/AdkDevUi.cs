using System.Text.Json.Nodes;
using Cutroom.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Cutroom.Server.Adk;

/// <summary>
/// Serves Google ADK's dev UI from <see cref="AdkOptions.DevUiDir"/> at <c>/dev-ui/</c> (docs/adk.md):
/// its static files as they are, and its <c>assets/config/runtime-config.json</c> answered by Cutroom
/// with <c>backendUrl</c> set to this server's address as the browser reached it, so the page and the
/// API share one origin (no CORS; the session cookie and <c>--auth local</c> apply). Cutroom ships none
/// of the dev UI: the folder comes from the npm package <c>@google/adk-devtools</c>.
/// </summary>
public static class AdkDevUi
{
    /// <summary>Where the dev UI is served.</summary>
    public const string Path = "/dev-ui";

    /// <summary>Maps the dev UI when <see cref="AdkOptions.DevUiDir"/> is set.</summary>
    /// <param name="app">The app (before its endpoints run).</param>
    /// <param name="options">Settings.</param>
    /// <exception cref="ArgumentException">The folder has no <c>index.html</c>.</exception>
    public static void UseAdkDevUi(this WebApplication app, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Adk.DevUiDir)) return;
        var dir = System.IO.Path.GetFullPath(options.Adk.DevUiDir);
        var index = System.IO.Path.Combine(dir, "index.html");
        if (!File.Exists(index))
            throw new ArgumentException($"Adk:DevUiDir {dir} has no index.html: point it at node_modules/@google/adk-devtools/dist/browser", nameof(options));

        app.MapGet(Path + "/assets/config/runtime-config.json", (HttpContext http) =>
                Results.Text(new JsonObject { ["backendUrl"] = $"{http.Request.Scheme}://{http.Request.Host.Value}" }.ToJsonString(), "application/json"))
            .WithName("AdkDevUiConfig").WithTags("adk").ExcludeFromDescription();
        // One route matches /dev-ui and /dev-ui/; the page's relative asset paths need the slash.
        app.MapGet(Path + "/", (HttpContext http) => http.Request.Path.Value!.EndsWith('/')
                ? Results.File(index, "text/html; charset=utf-8")
                : Results.Redirect(Path + "/" + http.Request.QueryString))
            .ExcludeFromDescription();
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(dir), RequestPath = Path });
    }
}
