using System.Diagnostics;
using System.Net;
using System.Text;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Cutroom.Server.Uploads;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.DevApi.Webhooks;

/// <summary>The outcome of one attempt.</summary>
/// <param name="Delivered">The receiver answered 2xx.</param>
/// <param name="StatusCode">The answer's HTTP status, or null when none came.</param>
/// <param name="Error">Why it failed, or null.</param>
public sealed record WebhookAttemptResult(bool Delivered, int? StatusCode, string? Error);

/// <summary>
/// Makes one attempt of a delivery and records it: POSTs the event's exact bytes with
/// <c>Cutroom-Signature</c> (<see cref="WebhookSignature"/>, timestamp of the webhook clock),
/// <c>Cutroom-Event-Id</c>, <c>Cutroom-Event-Type</c> and <c>Cutroom-Delivery-Id</c>; the connection
/// goes only to addresses URL import may reach (<see cref="ImportAddressPolicy"/>, checked when it
/// connects; loopback only with <see cref="WebhookOptions.AllowLoopback"/>), no redirects, no proxy;
/// a 2xx within <see cref="WebhookOptions.AttemptTimeout"/> delivers. Every attempt is a row of
/// <c>webhook_attempts</c>, and the delivery keeps the last answer.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly IDbContextFactory<CutroomDb> _db;
    private readonly WebhookClock _clock;
    private readonly WebhookOptions _options;

    /// <summary>Creates the sender (one per server).</summary>
    /// <param name="db">The database.</param>
    /// <param name="clock">The webhook clock.</param>
    /// <param name="options">Settings.</param>
    public WebhookSender(IDbContextFactory<CutroomDb> db, WebhookClock clock, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _db = db;
        _clock = clock;
        _options = options.Webhooks;
        var allowLoopback = _options.AllowLoopback;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, UseProxy = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10), PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = (context, ct) => UrlImporter.ConnectCheckedAsync(context.DnsEndPoint, allowLoopback, ct),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Cutroom-Webhooks/1.0");
    }

    /// <summary>Makes and records one attempt of <paramref name="deliveryId"/>.</summary>
    /// <param name="deliveryId">The delivery.</param>
    /// <param name="cancellationToken">Cancels (the server stops).</param>
    /// <returns>The outcome, or null when the delivery is gone.</returns>
    public async Task<WebhookAttemptResult?> AttemptAsync(string deliveryId, CancellationToken cancellationToken)
    {
        WebhookDelivery? d;
        string? secret;
        await using (var ctx = await _db.CreateDbContextAsync(cancellationToken))
        {
            d = await ctx.WebhookDeliveries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == deliveryId, cancellationToken);
            if (d is null) return null;
            secret = d.EndpointId is not null
                ? await ctx.WebhookEndpoints.Where(e => e.Id == d.EndpointId).Select(e => e.Secret).FirstOrDefaultAsync(cancellationToken)
                : await ctx.ApiKeys.Where(k => k.Id == d.ApiKeyId).Select(k => k.WebhookSecret).FirstOrDefaultAsync(cancellationToken);
        }
        var at = _clock.Now;
        var watch = Stopwatch.StartNew();
        var result = secret is null
            ? new WebhookAttemptResult(false, null, "its webhook endpoint or API key no longer exists")
            : await SendAsync(d, secret, at, cancellationToken);
        await RecordAsync(d.Id, at, watch.ElapsedMilliseconds, result, cancellationToken);
        return result;
    }

    private async Task<WebhookAttemptResult> SendAsync(WebhookDelivery d, string secret, DateTime at, CancellationToken cancellationToken)
    {
        if (CallbackAddress.Problem(d.Url, _options) is { } refused) return new WebhookAttemptResult(false, null, "refused target: " + refused);
        var body = Encoding.UTF8.GetBytes(d.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, d.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.HeaderValue(secret, new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeSeconds(), body));
        request.Headers.Add("Cutroom-Event-Id", d.EventId);
        request.Headers.Add("Cutroom-Event-Type", d.EventType);
        request.Headers.Add("Cutroom-Delivery-Id", d.Id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AttemptTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return status is >= 200 and <= 299
                ? new WebhookAttemptResult(true, status, null)
                : new WebhookAttemptResult(false, status, $"the receiver answered HTTP {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttemptResult(false, null, $"no answer within {_options.AttemptTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            for (Exception? x = e; x is not null; x = x.InnerException)
                if (x is ImportAddressRefusedException notPublic) return new WebhookAttemptResult(false, null, notPublic.Message);
            return new WebhookAttemptResult(false, null, $"could not connect to '{new Uri(d.Url).Host}'");
        }
    }

    private async Task RecordAsync(string deliveryId, DateTime at, long elapsedMs, WebhookAttemptResult result, CancellationToken ct)
    {
        await using var ctx = await _db.CreateDbContextAsync(ct);
        var d = await ctx.WebhookDeliveries.FirstAsync(x => x.Id == deliveryId, ct);
        d.Attempts++;
        d.LastStatusCode = result.StatusCode;
        d.LastError = result.Error;
        d.UpdatedAt = _clock.Now;
        if (result.Delivered)
        {
            d.Status = WebhookStates.Delivered;
            d.NextAttemptAt = null;
        }
        ctx.WebhookAttempts.Add(new WebhookAttempt
        {
            DeliveryId = deliveryId, Number = d.Attempts, At = at, StatusCode = result.StatusCode, Error = result.Error, DurationMs = elapsedMs,
        });
        await ctx.SaveChangesAsync(ct);
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();
}
