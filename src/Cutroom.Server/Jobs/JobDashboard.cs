using System.Security.Cryptography;
using System.Text;
using Cutroom.Server.Hosting;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Jobs;

/// <summary>
/// The job engine's dashboard for operators at <c>/admin/jobs</c> (queues, running tickets, servers,
/// the recovery job, failures): mounted only when <see cref="ServerOptions.AdminKey"/> is set, and
/// only for a request that carries that key, as HTTP Basic's password (a browser asks for it; any
/// user name) or as <c>Authorization: Bearer KEY</c>. Anything else gets 401 with a Basic challenge.
/// </summary>
public static class JobDashboard
{
    /// <summary>Where the dashboard is.</summary>
    public const string Path = "/admin/jobs";

    /// <summary>Mounts the dashboard when an admin key is configured.</summary>
    /// <param name="app">The app.</param>
    /// <param name="options">Settings (the admin key).</param>
    public static WebApplication MapJobDashboard(this WebApplication app, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.AdminKey)) return app;
        var dashboard = new DashboardOptions
        {
            Authorization = [new AdminKeyFilter(options.AdminKey)],
            DashboardTitle = "Cutroom jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        };
        // The dashboard's middleware over this server's storage. Not UseHangfireDashboard: it wants
        // AddHangfire, which points Hangfire's process-wide logging at this server's services (a
        // second server in the process, as in the tests, would then log into a disposed one).
        var storage = app.Services.GetRequiredService<JobStorage>();
        app.Map(Path, b => b.UseMiddleware<AspNetCoreDashboardMiddleware>(storage, dashboard, DashboardRoutes.Routes));
        return app;
    }

    /// <summary>Whether <paramref name="request"/> carries <paramref name="key"/> (Basic password or Bearer), compared in constant time.</summary>
    /// <param name="request">A request.</param>
    /// <param name="key">The admin key.</param>
    public static bool HasKey(HttpRequest request, string key)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        string? given = null;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) given = header[7..].Trim();
        else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                given = colon >= 0 ? pair[(colon + 1)..] : null;
            }
            catch (FormatException) { given = null; }
        }
        return given is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    private sealed class AdminKeyFilter(string key) : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var http = context.GetHttpContext();
            if (HasKey(http.Request, key)) return true;
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"Cutroom operators\", charset=\"UTF-8\"";
            return false;
        }
    }
}
