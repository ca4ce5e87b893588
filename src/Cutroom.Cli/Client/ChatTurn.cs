using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Cutroom.Cli.Client;

/// <summary>
/// One chat turn over <c>POST /run_sse</c> (contract §6b): prints the agent's text as it arrives,
/// shows <c>partial</c> progress on the live line, says "⏳ Still working..." each time only
/// heartbeats (or nothing) arrived for <see cref="StillWorkingAfter"/>, and turns an
/// <c>errorCode</c> event into an <see cref="ApiCallException"/>. Tool calls stay internal.
/// </summary>
/// <param name="api">The server.</param>
/// <param name="console">Where to write.</param>
/// <param name="stillWorkingAfter">Quiet time before "⏳ Still working..." (the seeds: 2 minutes).</param>
public sealed class ChatTurn(ApiClient api, ChatConsole console, TimeSpan stillWorkingAfter)
{
    /// <summary>The line shown when only heartbeats arrive.</summary>
    public const string StillWorking = "⏳ Still working...";

    /// <summary>The longest a turn is followed (the contract's 15 minutes, and some slack).</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(20);

    /// <summary>Quiet time before "⏳ Still working...".</summary>
    public TimeSpan StillWorkingAfter { get; } = stillWorkingAfter;

    /// <summary>What a turn said.</summary>
    /// <param name="Texts">The agent's text parts, in order.</param>
    /// <param name="Completed">Whether the stream sent <c>turnComplete</c>.</param>
    public sealed record Result(IReadOnlyList<string> Texts, bool Completed);

    /// <summary>Sends <paramref name="message"/> to the session and follows the stream to its end.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="message">The user's words.</param>
    /// <param name="cancellationToken">Cancels (the work goes on on the server).</param>
    /// <exception cref="ApiCallException">The server refused the turn, or the stream ended with an <c>errorCode</c> event.</exception>
    /// <exception cref="ServerUnreachableException">The connection failed or was cut mid-turn.</exception>
    public async Task<Result> RunAsync(string sessionId, string message, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new
        {
            app_name = "nemo_agent",
            user_id = "me",
            session_id = sessionId,
            new_message = new { role = "user", parts = new[] { new { text = message } } },
            streaming = true,
        });
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        using var res = await api.OpenStreamAsync("run_sse", () => new StringContent(body, Encoding.UTF8, "application/json"), limit.Token);
        var texts = new List<string>();
        var completed = false;
        AgentEvent? error = null;
        var lastActivity = Stopwatch.StartNew();
        using var stopWatchdog = CancellationTokenSource.CreateLinkedTokenSource(limit.Token);
        var watchdog = WatchAsync(lastActivity, stopWatchdog.Token);
        try
        {
            await using var stream = await res.Content.ReadAsStreamAsync(limit.Token);
            await foreach (var item in SseReader.ReadAsync(stream, limit.Token))
            {
                if (item.IsHeartbeat || AgentEvent.Parse(item.Data!) is not { } ev) continue;
                lock (lastActivity) lastActivity.Restart();
                if (ev.ErrorCode is not null) { error = ev; break; }
                if (ev.Partial)
                {
                    if (ev.Texts.Count > 0) console.Live(string.Join(" ", ev.Texts));
                    continue;
                }
                foreach (var text in ev.Texts)
                {
                    console.Say(text);
                    texts.Add(text);
                }
                if (ev.Calls.Count > 0 && ev.Texts.Count == 0) console.Live("Working: " + string.Join(", ", ev.Calls) + "...");
                if (ev.TurnComplete) { completed = true; break; }
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new ServerUnreachableException("the connection to the server was cut during the turn; the work goes on there: type 'status' to see its result", e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerUnreachableException($"the turn did not finish within {Limit.TotalMinutes:0} minutes; type 'status' later to see its result");
        }
        finally
        {
            await stopWatchdog.CancelAsync();
            await watchdog;
            console.EndLive();
        }
        if (error is not null)
            throw new ApiCallException(error.ErrorCode!.Value, error.ErrorMessage ?? "the turn failed", error.ErrorData);
        return new Result(texts, completed);
    }

    /// <summary>Prints "⏳ Still working..." whenever nothing but heartbeats came for <see cref="StillWorkingAfter"/>.</summary>
    private async Task WatchAsync(Stopwatch lastActivity, CancellationToken cancellationToken)
    {
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(StillWorkingAfter.TotalMilliseconds / 4, 50, 1000));
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(tick, cancellationToken);
                bool due;
                lock (lastActivity)
                {
                    due = lastActivity.Elapsed >= StillWorkingAfter;
                    if (due) lastActivity.Restart();
                }
                if (due) console.Info(StillWorking);
            }
        }
        catch (OperationCanceledException)
        {
            // The turn ended.
        }
    }
}
