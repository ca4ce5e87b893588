using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cutroom.Server.Tests.Client;

/// <summary>
/// A real HTTP server on loopback that plays scripted <c>/run_sse</c> streams the Cutroom server
/// never sends but the seeds warn about (turns that end without text, long silences with only
/// heartbeats, an error event mid-stream), with just enough token, session and state endpoints
/// (contract shapes) for <c>cutroom chat</c> to reach them. Each chat message names its script.
/// </summary>
internal sealed class ScriptedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _version = 3;
    private bool _framesMade;

    private ScriptedServer(WebApplication app) => _app = app;

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl => _app.Urls.First().TrimEnd('/');

    /// <summary>Completes when a "forever" stream has started.</summary>
    public TaskCompletionSource ForeverStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the client of a "forever" stream went away.</summary>
    public TaskCompletionSource ForeverAbandoned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts the server.</summary>
    public static async Task<ScriptedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ScriptedServer(app);
        app.MapPost("/api/auth/anonymous-token", () => Ok(new { token = "scripted-token", expires_at = DateTime.UtcNow.AddDays(7), credits = 100, client_id = "x" }));
        app.MapPost("/api/tasks/me/with-session/nemo_agent", () => Ok(new { task_id = "task_1", session_id = "ses_scripted", task_name = "project", language = "en", created_at = DateTime.UtcNow }));
        app.MapGet("/api/state/nemo_agent/me/{sid}/latest", server.State);
        app.MapPost("/run_sse", server.RunAsync);
        await app.StartAsync();
        return server;
    }

    private IResult State()
    {
        var generated = _framesMade
            ? Enumerable.Range(0, 28).Select(i => (object)new { id = $"gen_{i}", kind = "image", op = "extract_frames", name = $"frame_{i * 10:D5}.jpg", url = $"{BaseUrl}/files/f{i}", group = "op_1" })
                .Append(new { id = "gen_zip", kind = "archive", op = "extract_frames", name = "frames.zip", url = $"{BaseUrl}/files/zip", group = "op_1" }).ToArray()
            : [];
        return Ok(new
        {
            session_id = "ses_scripted", version = _version, updated_at = DateTime.UtcNow,
            state = new { draft = new { v = 1, w = 1920, h = 1080, fps = 30, d = 14000, t = Array.Empty<object>() }, timeline_summary = "Timeline (1 track): 1. Video: cockatoo (0-14s)", video_infos = new[] { new { media_id = "med_1" } }, generated_media = generated },
        });
    }

    private async Task RunAsync(HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        var message = body.RootElement.GetProperty("new_message").GetProperty("parts")[0].GetProperty("text").GetString();
        http.Response.ContentType = "text/event-stream";
        await http.Response.StartAsync();
        switch (message)
        {
            case "quiet":
                // 2.5 s of nothing but heartbeats, then the reply.
                for (var quiet = System.Diagnostics.Stopwatch.StartNew(); quiet.Elapsed < TimeSpan.FromSeconds(2.5);)
                {
                    await Write(http, ": heartbeat\n\n");
                    await Task.Delay(100);
                }
                await Event(http, new { content = Text("Done after a long think."), partial = false, turnComplete = true });
                break;
            case "forever":
                // Heartbeats until the client goes away (at most a minute); records that it went.
                ForeverStarted.TrySetResult();
                try
                {
                    for (var wait = System.Diagnostics.Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromMinutes(1);)
                    {
                        await Write(http, ": heartbeat\n\n");
                        await Task.Delay(100, http.RequestAborted);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or IOException) { ForeverAbandoned.TrySetResult(); }
                break;
            case "silent":
                // Progress, a tool call, then the end of the turn without any text (the seeds' 30%).
                foreach (var p in new[] { 40, 80 }) await Event(http, new { content = Text($"Extracting frames: {p}%"), partial = true, turnComplete = false });
                await Event(http, new { content = new { role = "model", parts = new[] { new { functionCall = new { id = "c1", name = "extract_frames", args = new { } } } } }, partial = false, turnComplete = false });
                _version++;
                _framesMade = true;
                await Event(http, new { partial = false, turnComplete = true });
                break;
            case "unchanged":
                await Write(http, "data: \n\n");
                break;
            case "broke":
                await Event(http, new { content = Text("Starting the highlights."), partial = false, turnComplete = false });
                await Event(http, new { errorCode = 2001, errorMessage = $"Not enough credits: this needs 40 and 3 are available. Register for more credits: {BaseUrl}/bind?bind=abc123" });
                break;
            default:
                await Event(http, new { errorCode = 5000, errorMessage = "unexpected" });
                break;
        }
    }

    private static object Text(string text) => new { role = "model", parts = new[] { new { text } } };

    private static Task Event(HttpContext http, object ev) => Write(http, "data: " + JsonSerializer.Serialize(ev) + "\n\n");

    private static async Task Write(HttpContext http, string text)
    {
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text));
        await http.Response.Body.FlushAsync();
    }

    private static IResult Ok(object data) => Results.Json(new { code = 0, message = "ok", data });

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
