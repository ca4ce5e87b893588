using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cutroom.Server.Tests.Uploads;

/// <summary>
/// A second, tiny Kestrel on 127.0.0.1 that URL imports download from: a real video, redirect
/// chains, a redirect to the cloud metadata address, large bodies with and without
/// <c>Content-Length</c>, a stalled body, a 404 and a playlist.
/// </summary>
internal sealed class LoopbackOrigin : IAsyncDisposable
{
    private static readonly byte[] Ftyp = [0, 0, 0, 32, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2avc1mp41"u8];
    private readonly WebApplication _app;

    private LoopbackOrigin(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl { get; }

    public static async Task<LoopbackOrigin> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/media/cockatoo.mp4", () => Results.File(TestMedia.Real("video/cockatoo.mp4"), "video/mp4"));
        app.MapGet("/chain/{n:int}", (int n) => n > 0 ? Results.Redirect($"/chain/{n - 1}") : Results.File(TestMedia.Real("video/cockatoo.mp4"), "video/mp4"));
        app.MapGet("/to-metadata", () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        app.MapGet("/to-ftp", () => Results.Redirect("ftp://127.0.0.1/clip.mp4"));
        app.MapGet("/missing.mp4", () => Results.NotFound());
        app.MapGet("/playlist.mp4", () => Results.Text("#EXTM3U\n#EXTINF:10,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n", "video/mp4"));
        app.MapGet("/big/{mib:int}", async (int mib, HttpContext ctx, bool? announce) =>
        {
            ctx.Response.ContentType = "video/mp4";
            if (announce == true) ctx.Response.ContentLength = mib * 1024L * 1024;
            var chunk = new byte[1024 * 1024];
            Ftyp.CopyTo(chunk, 0);
            try
            {
                for (var i = 0; i < mib; i++)
                {
                    await ctx.Response.Body.WriteAsync(chunk, ctx.RequestAborted);
                    if (i == 0) Array.Clear(chunk, 0, 32);
                }
            }
            catch (OperationCanceledException) { }
            catch (IOException) { }
        });
        app.MapGet("/stall.mp4", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "video/mp4";
            await ctx.Response.Body.WriteAsync(Ftyp);
            await ctx.Response.Body.FlushAsync();
            try { await Task.Delay(TimeSpan.FromSeconds(30), ctx.RequestAborted); } catch (OperationCanceledException) { }
        });
        await app.StartAsync();
        return new LoopbackOrigin(app, app.Urls.First().TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
