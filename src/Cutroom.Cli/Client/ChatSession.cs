using System.Text.Json;
using System.Text.Json.Nodes;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Cli.Client;

/// <summary>Settings of a chat client.</summary>
/// <param name="StillWorkingAfter">Quiet time before "⏳ Still working..." (default 2 min; <c>CUTROOM_STILL_WORKING_SECONDS</c>).</param>
/// <param name="RenderPollInterval">Time between export status polls (default 2 s; <c>CUTROOM_RENDER_POLL_SECONDS</c>).</param>
/// <param name="Language">The session's language (BCP 47).</param>
public sealed record ChatOptions(TimeSpan StillWorkingAfter, TimeSpan RenderPollInterval, string Language)
{
    /// <summary>The defaults, with the environment's overrides.</summary>
    /// <param name="language">The session's language.</param>
    public static ChatOptions FromEnvironment(string language) => new(
        Seconds("CUTROOM_STILL_WORKING_SECONDS") ?? TimeSpan.FromMinutes(2),
        Seconds("CUTROOM_RENDER_POLL_SECONDS") ?? TimeSpan.FromSeconds(2),
        language);

    private static TimeSpan? Seconds(string name) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(s) : null;
}

/// <summary>
/// A conversation with a Cutroom server: sets up (token, session: "Setting up..." then "Ready"),
/// then runs routed inputs (<see cref="InputRouter"/>) as the seeds' table says: upload, a chat
/// turn, credits, status, export. Each step's errors are told as the contract's actions
/// (<see cref="ErrorAdvice"/>); 1002 starts a new session, says so, and runs the step again once.
/// With <c>--json</c> each step is recorded for one JSON document at the end.
/// </summary>
/// <param name="api">The server.</param>
/// <param name="console">Where to write.</param>
/// <param name="options">Settings.</param>
public sealed class ChatSession(ApiClient api, ChatConsole console, ChatOptions options)
{
    private readonly JsonArray _steps = [];

    /// <summary>The current session id (after <see cref="StartAsync"/>).</summary>
    public string? SessionId { get; private set; }

    /// <summary>
    /// Gets a token and a session (or checks <paramref name="resumeSession"/>), printing
    /// "Setting up..." and "Ready". Returns false (after telling why) when it cannot.
    /// </summary>
    /// <param name="resumeSession">A session to continue, or null for a new one.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<bool> StartAsync(string? resumeSession, CancellationToken cancellationToken)
    {
        console.Info("Setting up...");
        api.Notice = console.Info;
        return await GuardAsync("setup", null, async step =>
        {
            await api.EnsureTokenAsync(cancellationToken);
            if (resumeSession is not null)
            {
                try
                {
                    await ReadStateAsync(resumeSession, cancellationToken);
                    SessionId = resumeSession;
                }
                catch (ApiCallException e) when (e.ApiCode == 1002)
                {
                    console.Info("That session was not found on the server; starting a new one.");
                }
            }
            if (SessionId is null) await NewSessionAsync(cancellationToken);
            step["session_id"] = SessionId;
            console.Info($"Ready (session {SessionId}).");
        }, retryOnLostSession: false);
    }

    /// <summary>Runs one routed input; false (after telling the user) when it failed.</summary>
    /// <param name="input">The input.</param>
    /// <param name="exportTarget">Where an export is saved (null: the current folder).</param>
    /// <param name="cancellationToken">Cancels.</param>
    public Task<bool> RunAsync(RoutedInput input, string? exportTarget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Kind switch
        {
            InputKind.Upload => GuardAsync("upload", input.Text, step => UploadAsync(input.Paths, step, cancellationToken)),
            InputKind.Credits => GuardAsync("credits", input.Text, step => CreditsAsync(step, cancellationToken)),
            InputKind.Status => GuardAsync("status", input.Text, step => StatusAsync(step, cancellationToken)),
            InputKind.Export => GuardAsync("export", input.Text, step => ExportAsync(exportTarget, input.Text, step, cancellationToken)),
            InputKind.Preview => GuardAsync("preview", input.Text, step => PreviewAsync(input.Paths.Count > 0 ? input.Paths[0] : null, step, cancellationToken)),
            InputKind.Chat => GuardAsync("say", input.Text, step => SayAsync(input.Text, step, cancellationToken)),
            InputKind.Help => Help(),
            _ => Task.FromResult(true),
        };
    }

    /// <summary>The JSON document of <c>--json</c>: the server, the session, whether every step succeeded, and the steps.</summary>
    /// <param name="server">The server's URL.</param>
    public string Report(Uri server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var doc = new JsonObject
        {
            ["server"] = server.ToString().TrimEnd('/'),
            ["session_id"] = SessionId,
            ["ok"] = _steps.All(s => s!["ok"]!.GetValue<bool>()),
            ["steps"] = _steps.DeepClone(),
        };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>The help text of the interactive mode.</summary>
    public const string HelpText =
        "Type what you want done, in English or Chinese (e.g. \"extract every 10th frame from my video as images\").\n" +
        "  upload PATH (or drop a file here)   add media to the session      上传 PATH\n" +
        "  status                              the timeline                  状态\n" +
        "  credits                             your credit balance           积分 / 余额\n" +
        "  export                              render and download the video 导出\n" +
        "  preview [FILE]                      save the draft's quick preview 预览 [FILE]\n" +
        "  exit (or Ctrl+D)                    leave                         退出";

    private Task<bool> Help()
    {
        console.Say(HelpText);
        return Task.FromResult(true);
    }

    private async Task UploadAsync(IReadOnlyList<string> paths, JsonObject step, CancellationToken cancellationToken)
    {
        var items = await new Uploader(api, console).UploadAsync(SessionId!, paths, cancellationToken);
        var list = new JsonArray();
        foreach (var item in items)
        {
            console.Say($"Uploaded {item.Name} ({item.Describe()}).");
            list.Add(new JsonObject { ["media_id"] = item.MediaId, ["name"] = item.Name, ["kind"] = item.Kind, ["duration_ms"] = item.DurationMs });
        }
        step["files"] = list;
    }

    private async Task CreditsAsync(JsonObject step, CancellationToken cancellationToken)
    {
        var data = await api.SendAsync(HttpMethod.Get, "api/credits/balance/simple", null, cancellationToken);
        int Get(string name) => JsonRead.Int32Of(data, name) ?? 0;
        var (available, frozen, total) = (Get("available"), Get("frozen"), Get("total"));
        console.Say(frozen > 0 ? $"Credits: {available} available, {frozen} held by running work ({total} total)." : $"Credits: {available} available.");
        step["available"] = available;
        step["frozen"] = frozen;
        step["total"] = total;
    }

    private async Task StatusAsync(JsonObject step, CancellationToken cancellationToken)
    {
        var state = await ReadStateAsync(SessionId!, cancellationToken);
        console.Say(state.TimelineSummary.Length > 0 ? state.TimelineSummary : "The timeline is empty.");
        var extra = $"Version {state.Version} · {state.Uploads} upload{(state.Uploads == 1 ? "" : "s")}";
        if (state.Generated.Count > 0) extra += $" · generated: {StateView.Count(state.Generated)}";
        console.Say(extra);
        if (!state.HasTimeline && state.Uploads == 0) console.Say("Upload a video or photos to start (upload PATH, or drop a file here).");
        step["version"] = state.Version;
        step["timeline_summary"] = state.TimelineSummary;
        step["uploads"] = state.Uploads;
        step["generated"] = state.Generated.Count;
    }

    private async Task SayAsync(string message, JsonObject step, CancellationToken cancellationToken)
    {
        var before = await ReadStateAsync(SessionId!, cancellationToken);
        var turn = await new ChatTurn(api, console, options.StillWorkingAfter).RunAsync(SessionId!, message, cancellationToken);
        var after = await ReadStateAsync(SessionId!, cancellationToken);
        // The seeds: a turn may end without any text; then read state and say what changed.
        if (turn.Texts.Count == 0) console.Say(after.DescribeChangesSince(before));
        var added = after.NewSince(before);
        if (added.Count > 0) ShowFiles(added);
        step["text"] = new JsonArray([.. turn.Texts.Select(t => (JsonNode?)t)]);
        step["version"] = after.Version;
        step["timeline_summary"] = after.TimelineSummary;
        step["generated"] = new JsonArray([.. added.Select(g => (JsonNode?)new JsonObject { ["id"] = g.Id, ["kind"] = g.Kind, ["name"] = g.Name, ["url"] = g.Url })]);
    }

    /// <summary>Lists new generated media: each archive's link, or up to five files' links.</summary>
    private void ShowFiles(IReadOnlyList<GeneratedItem> added)
    {
        console.Say($"New files: {StateView.Count(added)}.");
        var archives = added.Where(g => g.Kind == "archive").ToList();
        var shown = archives.Count > 0 ? archives : [.. added.Take(5)];
        foreach (var g in shown) console.Say($"  {g.Name}: {g.Url}");
        if (archives.Count == 0 && added.Count > shown.Count) console.Say($"  ... and {added.Count - shown.Count} more (type 'status')");
    }

    private async Task ExportAsync(string? target, string request, JsonObject step, CancellationToken cancellationToken)
    {
        var result = await new Exporter(api, console, options.RenderPollInterval).ExportAsync(SessionId!, target, request, cancellationToken);
        var details = new List<string> { ErrorAdvice.Size(result.SizeBytes) };
        if (result.Width is { } w && result.Height is { } h) details.Add($"{w}x{h}");
        if (result.DurationMs is { } ms) details.Add($"{ms / 1000.0:0.0} s");
        console.Say($"Exported: {result.Path} ({string.Join(", ", details)})");
        step["render_id"] = result.RenderId;
        step["path"] = result.Path;
        step["size_bytes"] = result.SizeBytes;
    }

    /// <summary>How long the server may take to answer the preview: its own wait (60 s) and a margin.</summary>
    private static readonly TimeSpan PreviewTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Saves the live preview of the current draft (Cutroom's addition: <c>GET /api/preview/nemo_agent/me/&lt;id&gt;</c>,
    /// a small render the server made after the last edit) to <paramref name="target"/> (a file or a folder;
    /// default <c>cutroom-preview.mp4</c> in the current folder, replaced).
    /// </summary>
    private async Task PreviewAsync(string? target, JsonObject step, CancellationToken cancellationToken)
    {
        var path = PreviewPath(target);
        console.Live("Preview: rendering");
        try
        {
            var (bytes, headers) = await api.SaveAsync($"api/preview/nemo_agent/me/{Uri.EscapeDataString(SessionId!)}", path,
                (done, total) => console.Live(total is > 0 ? $"Preview: downloading {done * 100 / total}%" : $"Preview: downloading {ErrorAdvice.Size(done)}"),
                cancellationToken, PreviewTimeout);
            console.EndLive();
            var version = headers.TryGetValue("X-Cutroom-Version", out var v) ? v : null;
            console.Say($"Preview{(version is null ? "" : $" of version {version}")}: {path} ({ErrorAdvice.Size(bytes)})");
            step["path"] = path;
            step["size_bytes"] = bytes;
            if (version is not null && int.TryParse(version, System.Globalization.CultureInfo.InvariantCulture, out var n)) step["version"] = n;
            if (headers.TryGetValue("X-Cutroom-Draft", out var hash)) step["draft"] = hash;
        }
        finally
        {
            console.EndLive();
        }
    }

    /// <summary><paramref name="target"/> (a folder gets <c>cutroom-preview.mp4</c>), or <c>cutroom-preview.mp4</c> in the current folder.</summary>
    private static string PreviewPath(string? target)
    {
        const string name = "cutroom-preview.mp4";
        if (string.IsNullOrEmpty(target)) return Path.GetFullPath(name);
        var full = Path.GetFullPath(target);
        if (Directory.Exists(full) || target.EndsWith('/')) { Directory.CreateDirectory(full); return Path.Combine(full, name); }
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }

    private async Task<StateView> ReadStateAsync(string sessionId, CancellationToken cancellationToken) =>
        StateView.From(await api.SendAsync(HttpMethod.Get, $"api/state/nemo_agent/me/{Uri.EscapeDataString(sessionId)}/latest", null, cancellationToken));

    private async Task NewSessionAsync(CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { task_name = "project", language = options.Language });
        var data = await api.SendAsync(HttpMethod.Post, "api/tasks/me/with-session/nemo_agent", () => new StringContent(body, System.Text.Encoding.UTF8, "application/json"), cancellationToken);
        SessionId = JsonRead.Str(data, "session_id")
            ?? throw new ApiCallException(5000, "the server's session answer had no session_id");
    }

    /// <summary>Runs a step, records it, and turns its errors into advice; 1002 → a new session and one more try.</summary>
    private async Task<bool> GuardAsync(string kind, string? input, Func<JsonObject, Task> run, bool retryOnLostSession = true)
    {
        var step = new JsonObject { ["step"] = kind };
        if (input is not null) step["input"] = input;
        _steps.Add(step);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await run(step);
                step["ok"] = true;
                return true;
            }
            catch (ApiCallException e) when (e.ApiCode == 1002 && retryOnLostSession && attempt == 0)
            {
                console.Info("The session was not found on the server; starting a new session (earlier uploads and edits are not in it).");
                try { await NewSessionAsync(CancellationToken.None); }
                catch (Exception inner) when (inner is ApiCallException or ServerUnreachableException) { return Fail(step, inner); }
                console.Info($"Ready (session {SessionId}).");
            }
            catch (Exception e) when (e is ApiCallException or ServerUnreachableException or JobInputException)
            {
                return Fail(step, e);
            }
        }
    }

    private bool Fail(JsonObject step, Exception e)
    {
        console.EndLive();
        var message = e is ApiCallException api ? ErrorAdvice.For(api, DateTimeOffset.Now) : Capitalise(e.Message) + ".";
        console.Error(message);
        step["ok"] = false;
        step["error"] = message;
        if (e is ApiCallException a)
        {
            step["code"] = a.ApiCode;
            if (a.RequestId is not null) step["request_id"] = a.RequestId;
        }
        return false;
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].TrimEnd('.');
}
