using System.Text;
using System.Text.Json;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Cli.Client;

/// <summary>A finished export.</summary>
/// <param name="RenderId">The render id (<c>render_&lt;unix ms&gt;</c>).</param>
/// <param name="Path">Where the file was saved (absolute).</param>
/// <param name="SizeBytes">Its size.</param>
/// <param name="Width">Width from the render's output, when given.</param>
/// <param name="Height">Height, when given.</param>
/// <param name="DurationMs">Duration, when given.</param>
public sealed record ExportResult(string RenderId, string Path, long SizeBytes, int? Width, int? Height, long? DurationMs);

/// <summary>
/// Export (contract §7): reads the session's draft from state, posts it to
/// <c>/api/render/proxy/lambda</c> with a fresh <c>render_&lt;unix ms&gt;</c> id (the attribution
/// headers go on every request), polls the job every <see cref="PollInterval"/> showing its
/// progress, and downloads the output when completed.
/// </summary>
/// <param name="api">The server.</param>
/// <param name="console">Where progress goes.</param>
/// <param name="pollInterval">Time between status polls (2 s by default).</param>
public sealed class Exporter(ApiClient api, ChatConsole console, TimeSpan pollInterval)
{
    private static readonly string[] Formats = ["mp4", "webm", "mov", "gif"];

    /// <summary>Time between status polls.</summary>
    public TimeSpan PollInterval { get; } = pollInterval;

    /// <summary>The longest an export is followed.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromHours(2);

    /// <summary>The output format for a target path or request ("export as webm"): its extension or word, else mp4.</summary>
    /// <param name="target">The target path, or null.</param>
    /// <param name="request">The user's words, or null.</param>
    public static string FormatFor(string? target, string? request)
    {
        var ext = Path.GetExtension(target ?? "").TrimStart('.').ToLowerInvariant();
        if (Formats.Contains(ext)) return ext;
        var words = (request ?? "").ToLowerInvariant().Split([' ', '.', ',', '!', '?'], StringSplitOptions.RemoveEmptyEntries);
        return Formats.FirstOrDefault(words.Contains) ?? "mp4";
    }

    /// <summary>Exports the session's current draft and downloads it.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="target">A file or folder to save to (null: a new file in the current folder).</param>
    /// <param name="request">The user's words (for the format), or null.</param>
    /// <param name="cancellationToken">Cancels (the render goes on on the server).</param>
    /// <exception cref="JobInputException">There is nothing to export yet.</exception>
    /// <exception cref="ApiCallException">The server refused the export (402, 4000...) or the render failed.</exception>
    /// <exception cref="ServerUnreachableException">The server cannot be reached.</exception>
    public async Task<ExportResult> ExportAsync(string sessionId, string? target, string? request, CancellationToken cancellationToken)
    {
        var state = StateView.From(await api.SendAsync(HttpMethod.Get, $"api/state/nemo_agent/me/{Uri.EscapeDataString(sessionId)}/latest", null, cancellationToken));
        if (!state.HasTimeline) throw new JobInputException(JobErrorCodes.NothingSelected, JobFields.Request, "nothing to export yet: upload a video or photos, or ask for an edit first");
        var format = FormatFor(target, request);
        var id = $"render_{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}";
        var body = JsonSerializer.Serialize(new { id, sessionId, draft = state.Draft, output = new { format, quality = "high" } });
        console.Live("Export: queued");
        try
        {
            await api.SendAsync(HttpMethod.Post, "api/render/proxy/lambda", () => new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
            var output = await WaitAsync(id, cancellationToken);
            var url = Uri.TryCreate(JsonRead.Str(output, "url"), UriKind.Absolute, out var parsed) ? parsed
                : throw new ApiCallException(5000, "the finished export has no download link");
            var path = TargetPath(target, id, format);
            var size = await api.DownloadAsync(url, path, (done, total) =>
                console.Live(total is > 0 ? $"Downloading: {done * 100 / total}% ({ErrorAdvice.Size(done)} of {ErrorAdvice.Size(total.Value)})" : $"Downloading: {ErrorAdvice.Size(done)}"), cancellationToken);
            return new ExportResult(id, path, size, JsonRead.Int32Of(output, "width"), JsonRead.Int32Of(output, "height"), JsonRead.Int64Of(output, "duration_ms"));
        }
        finally
        {
            console.EndLive();
        }
    }

    /// <summary>Polls the render until it completes (returns <c>output</c>) or fails (throws its error).</summary>
    private async Task<JsonElement> WaitAsync(string id, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        while (true)
        {
            var job = await api.SendAsync(HttpMethod.Get, $"api/render/proxy/lambda/{Uri.EscapeDataString(id)}", null, cancellationToken);
            var status = JsonRead.Str(job, "status");
            var progress = JsonRead.Int32Of(job, "progress");
            switch (status)
            {
                case "completed":
                    return JsonRead.Prop(job, "output") is { ValueKind: JsonValueKind.Object } output ? output.Clone()
                        : throw new ApiCallException(5000, "the finished export has no output");
                case "failed":
                    var error = JsonRead.Prop(job, "error");
                    var code = JsonRead.Int32Of(error, "code") ?? 5000;
                    var message = JsonRead.Str(error, "message") ?? "unknown error";
                    throw new ApiCallException(code, "the export failed: " + message);
                default:
                    console.Live(status == "queued" ? "Export: queued" : $"Rendering: {progress ?? 0}%");
                    break;
            }
            if (DateTimeOffset.UtcNow - started > Limit) throw new ServerUnreachableException($"the export {id} did not finish within {Limit.TotalHours:0} hours");
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary><paramref name="target"/> (a folder gets a file name), or <c>cutroom-&lt;id&gt;.&lt;format&gt;</c> in the current folder.</summary>
    private static string TargetPath(string? target, string id, string format)
    {
        var name = $"cutroom-{id}.{format}";
        if (string.IsNullOrEmpty(target)) return Path.GetFullPath(name);
        var full = Path.GetFullPath(target);
        if (Directory.Exists(full) || target.EndsWith('/')) { Directory.CreateDirectory(full); return Path.Combine(full, name); }
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return full;
    }
}
