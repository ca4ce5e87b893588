using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cutroom.Cli.Client;

/// <summary>
/// What to tell the user for each error code of contract §2, with the action the seeds ask for:
/// the registration link for 2001, the accepted formats for 4001, the size limit and "compress or
/// trim" for 4002, when to retry for 429, the request id for 5000. Never a token or raw JSON.
/// </summary>
public static class ErrorAdvice
{
    /// <summary>The formats the contract accepts, for a 4001 answer without <c>data.accepted</c>.</summary>
    public static readonly IReadOnlyList<string> DefaultAccepted = ["mp4", "mov", "avi", "webm", "mkv", "jpg", "png", "gif", "webp", "mp3", "wav", "m4a", "aac"];

    /// <summary>The message for <paramref name="error"/>, one or a few lines.</summary>
    /// <param name="error">The error.</param>
    /// <param name="now">The time (to say when a long wait ends).</param>
    public static string For(ApiCallException error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(error);
        var data = error.Payload is { ValueKind: JsonValueKind.Object } d ? d : (JsonElement?)null;
        return error.ApiCode switch
        {
            1001 => $"The server refused the access token even after renewing it ({error.Message}). Try again later.",
            1002 => "The session no longer exists on the server.",
            2001 => OutOfCredits(data, error.Message),
            402 => "Export is not available on this plan: register or upgrade your plan to unlock export. (This is not about credits.)",
            429 => RateLimited(error, now),
            400 => $"The server refused this client's id ({error.Message}).",
            4000 => BadRequest(error.Message, data),
            4001 => Unsupported(data),
            4002 => error.Message.Contains("quota", StringComparison.OrdinalIgnoreCase) ? Sentence(error.Message) : TooLarge(data),
            4004 => $"Not found: {error.Message}",
            4009 => "That export id was already used for a different export; run the export again (a new id is chosen each time).",
            5000 => $"The server hit an unexpected error. Try again later; if it keeps happening, report request id {error.RequestId ?? "(none given)"}.",
            _ => error.RequestId is { } id && error.ApiCode >= 500 ? $"{Sentence(error.Message)} (request id {id})" : Sentence(error.Message),
        };
    }

    /// <summary>A size in bytes for people: <c>500 MB</c>, <c>1.2 GB</c>, <c>340 KB</c> (1 MB = 1024 × 1024 bytes, as the server's limit).</summary>
    /// <param name="bytes">The size.</param>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1L << 10 => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };

    private static string OutOfCredits(JsonElement? data, string message)
    {
        // Before a turn the link is data.bind_url; an error event of a running turn carries it in its message.
        var inMessage = System.Text.RegularExpressions.Regex.Match(message, @"https?://\S+[?&]bind=[A-Za-z0-9_-]+");
        var bind = Str(data, "bind_url") ?? (inMessage.Success ? inMessage.Value : null);
        var numbers = JsonRead.Int32Of(data, "available") is { } available && JsonRead.Int32Of(data, "needed") is { } needed ? $" ({available} available, {needed} needed)" : "";
        return bind is null
            ? $"You're out of credits{numbers}. Top up credits in your account to continue."
            : $"You're out of credits{numbers}. Register to get more and keep your work: {bind}";
    }

    private static string RateLimited(ApiCallException error, DateTimeOffset now)
    {
        if (error.RetryAfter is not { } wait) return $"The server is busy ({Sentence(error.Message).TrimEnd('.')}). Try again in a moment.";
        if (wait <= TimeSpan.FromMinutes(2)) return $"The server is busy; try again in {Math.Ceiling(wait.TotalSeconds):0} seconds.";
        var at = (now + wait).ToLocalTime();
        var span = wait.TotalHours >= 48 ? $"{wait.TotalDays:0.#} days" : wait.TotalHours >= 1 ? $"{wait.TotalHours:0.#} hours" : $"{Math.Ceiling(wait.TotalMinutes):0} minutes";
        return $"{Sentence(error.Message).Split(" Retry after", 2)[0].TrimEnd('.')}. Try again after {at:yyyy-MM-dd HH:mm} (in {span}).";
    }

    private static string BadRequest(string message, JsonElement? data)
    {
        var text = new StringBuilder("The server refused the request: ").Append(Sentence(message));
        if (data is { } d && d.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            foreach (var e in errors.EnumerateArray().Take(10))
                text.Append("\n  ").Append(Str(e, "path") ?? "$").Append(": ").Append(Str(e, "message") ?? "");
        return text.ToString();
    }

    private static string Unsupported(JsonElement? data)
    {
        var accepted = data is { } d && d.TryGetProperty("accepted", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(x => x.GetString()).OfType<string>().ToList() : [.. DefaultAccepted];
        var which = data is { } r && r.TryGetProperty("rejected", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
            ? string.Join("; ", list.EnumerateArray().Select(x => (Name: Str(x, "name") ?? "", Reason: Str(x, "reason") ?? "")).Select(x =>
                x.Reason.Length == 0 ? $"{x.Name}: not a supported file type" : x.Reason.Contains(x.Name, StringComparison.Ordinal) ? Sentence(x.Reason) : $"{x.Name}: {x.Reason}"))
            : "That file type isn't supported";
        return $"{which.TrimEnd('.')}. Nothing from this upload was kept.\nAccepted formats: {string.Join(", ", accepted)}.";
    }

    private static string TooLarge(JsonElement? data)
    {
        var limit = JsonRead.Int64Of(data, "limit_bytes") is { } bytes ? Size(bytes) : "500 MB";
        return $"{Rejected(data, reasons: false) ?? "That file"} is too large: the limit is {limit} per file.\nCompress it (a lower bitrate or resolution) or trim it to the part you need, then upload it again.";
    }

    /// <summary>"clip.mp4" or "a.mp4 (not a video), b.txt (...)" from <c>data.rejected</c>.</summary>
    private static string? Rejected(JsonElement? data, bool reasons = true)
    {
        if (data is not { } d || !d.TryGetProperty("rejected", out var r) || r.ValueKind != JsonValueKind.Array || r.GetArrayLength() == 0) return null;
        return string.Join(", ", r.EnumerateArray().Select(x => reasons && Str(x, "reason") is { Length: > 0 } why ? $"{Str(x, "name")} ({why})" : Str(x, "name")));
    }

    private static string? Str(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Sentence(string message) => message.Length == 0 ? "unknown error" : char.ToUpperInvariant(message[0]) + message[1..];
}
