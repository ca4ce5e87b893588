using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cutroom.Server.Tests.DevApi;

/// <summary>A webhook receiver on 127.0.0.1 (a second, tiny Kestrel): records every POST (path, headers, raw body) and answers <see cref="Status"/>.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Urls.First().TrimEnd('/');
    }

    /// <summary>One received request.</summary>
    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The status answered (200 unless a test changes it).</summary>
    public int Status { get; set; } = 200;

    /// <summary>Every request, in arrival order.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        WebhookReceiver? me = null;
        app.MapPost("/{**path}", async (HttpContext ctx) =>
        {
            using var buffer = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(buffer);
            me!.Requests.Enqueue(new Received(ctx.Request.Path, ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), buffer.ToArray()));
            ctx.Response.StatusCode = me.Status;
        });
        await app.StartAsync();
        me = new WebhookReceiver(app);
        return me;
    }

    /// <summary>Waits (real time) until <paramref name="count"/> requests arrived.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Requests.Count < count && DateTime.UtcNow < until) await Task.Delay(100);
        Assert.True(Requests.Count >= count, $"{Requests.Count} of {count} webhook requests arrived");
        return [.. Requests];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
