using System.Text;
using Cutroom.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cutroom.Server.Chat;

/// <summary>
/// Writes a turn's events as Server-Sent Events (contract §6b, docs/security.md §17): headers
/// <c>Content-Type: text/event-stream</c>, <c>Cache-Control: no-cache</c>, <c>X-Accel-Buffering: no</c>
/// (nginx must not buffer), sent at once; each event one line <c>data: &lt;ADK event JSON&gt;</c> and
/// a blank line, flushed at once; a comment line <c>: heartbeat</c> and an empty <c>data:</c> line whenever nothing was sent for
/// <see cref="ChatOptions.HeartbeatInterval"/> (the turn may be queued behind another turn of the
/// session, or inside a long operation); the stream ends after the turn's final event.
/// <para>
/// Written by hand rather than with <c>TypedResults.ServerSentEvents</c>: .NET 10's SSE formatter
/// writes only <c>SseItem</c>s (data, event type, id, retry), it has no way to write a comment line,
/// and a heartbeat sent as an empty <c>data:</c> event would reach clients as a message. Interleaving
/// heartbeats with the feed also needs a wait with a timeout on the channel, which is this loop.
/// </para>
/// </summary>
public static class SseStream
{
    private static readonly byte[] DataPrefix = "data: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    /// <summary>A comment and an empty <c>data:</c> line: the seeds tell clients that "heartbeats and empty <c>data:</c> lines" mean the backend is still working; SSE parsers dispatch no event for empty data.</summary>
    private static readonly byte[] Heartbeat = ": heartbeat\ndata:\n\n"u8.ToArray();

    /// <summary>Streams <paramref name="subscription"/> to the response until the turn ends or the client goes away.</summary>
    /// <param name="http">The request.</param>
    /// <param name="subscription">The turn's events.</param>
    /// <param name="options">Heartbeat interval and turn limit.</param>
    /// <param name="safetyNet">Writes the error event that ends the stream if the turn has not ended in time (the job was never started).</param>
    /// <param name="partials">Whether <c>partial</c> (progress) events are written (the request's <c>streaming</c>).</param>
    public static async Task WriteAsync(HttpContext http, TurnSubscription subscription, ChatOptions options, Func<string> safetyNet, bool partials = true)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(safetyNet);
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var aborted = http.RequestAborted;
        // The worker ends every turn within the limit (waiting included); this is a last resort.
        using var deadline = new CancellationTokenSource(options.TurnLimit + TimeSpan.FromMinutes(1));
        try
        {
            await response.StartAsync(aborted);
            await response.Body.FlushAsync(aborted);
            var reader = subscription.Reader;
            while (true)
            {
                bool more;
                using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(aborted, deadline.Token))
                {
                    quiet.CancelAfter(options.HeartbeatInterval);
                    try
                    {
                        more = await reader.WaitToReadAsync(quiet.Token);
                    }
                    catch (OperationCanceledException) when (!aborted.IsCancellationRequested && !deadline.IsCancellationRequested)
                    {
                        await response.Body.WriteAsync(Heartbeat, aborted);
                        await response.Body.FlushAsync(aborted);
                        continue;
                    }
                }
                if (!more) return;
                while (reader.TryRead(out var item))
                {
                    if (item.Partial && !partials) continue;
                    await WriteEventAsync(response, item.Json, aborted);
                    if (item.Final) return;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            await WriteEventAsync(response, safetyNet(), aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away: stop reading; the turn goes on in its job and lands in state.
        }
        catch (IOException) when (aborted.IsCancellationRequested)
        {
            // Same: the connection closed while writing.
        }
    }

    private static async Task WriteEventAsync(HttpResponse response, string json, CancellationToken ct)
    {
        await response.Body.WriteAsync(DataPrefix, ct);
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), ct);
        await response.Body.WriteAsync(EventEnd, ct);
        await response.Body.FlushAsync(ct);
    }
}
