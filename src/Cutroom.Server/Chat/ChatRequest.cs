using System.Globalization;
using System.Text.Json;
using Cutroom.Server.Contract;

namespace Cutroom.Server.Chat;

/// <summary>Which spelling a chat body used, and so which answer its client expects (docs/adk.md, "Two dialects").</summary>
public enum ChatDialect
{
    /// <summary>snake_case (<c>session_id</c>, <c>new_message</c>): the seeds' clients; <c>/run</c> answers the envelope, <c>streaming</c> defaults to true.</summary>
    Seed,

    /// <summary>camelCase (<c>sessionId</c>, <c>newMessage</c>): Google ADK's own clients; <c>/run</c> answers a bare event array, <c>streaming</c> defaults to false as in ADK's server.</summary>
    Adk,
}

/// <summary>A file sent inside a message as an <c>inlineData</c> part, decoded.</summary>
/// <param name="Name">Its <c>displayName</c>, or <c>file_N</c> with an extension from its MIME type (sanitised later as any upload name).</param>
/// <param name="MimeType">The client's MIME type (informative: the type is decided by content, as for any upload).</param>
/// <param name="Bytes">The decoded bytes.</param>
/// <param name="Source">Its JSON path (<c>newMessage.parts[0]</c>), for errors.</param>
public sealed record InlineFile(string Name, string? MimeType, byte[] Bytes, string Source);

/// <summary>
/// The body of <c>POST /run_sse</c> and <c>POST /run</c> (Google ADK's <c>api_server</c> shape,
/// contract §6b), in either spelling: <c>{"app_name","user_id","session_id","new_message","streaming"}</c>
/// as the seeds send it, or <c>{"appName","userId","sessionId","newMessage","streaming","stateDelta"}</c>
/// as ADK's clients do (<see cref="ChatDialect"/>: camelCase when the body names <c>sessionId</c> or
/// <c>newMessage</c>). Unknown fields are ignored; <c>stateDelta</c> must be an object or null and is
/// not applied (Cutroom's state changes only through the agent). The text parts are joined with line
/// breaks into one message of at most <see cref="MaxChars"/> characters; <c>inlineData</c> parts
/// (<c>{"mimeType","data":base64,"displayName"}</c>, or <c>inline_data</c>/<c>mime_type</c>) are files
/// to upload before the turn (<see cref="Files"/>). <c>user_id</c> is accepted and ignored (the caller
/// is the token's account, contract §1).
/// </summary>
/// <param name="SessionId">The session.</param>
/// <param name="Text">The user's message.</param>
public sealed record ChatRequest(string SessionId, string Text)
{
    /// <summary>The longest message (Unicode characters).</summary>
    public const int MaxChars = 4000;

    /// <summary>The spelling the client used.</summary>
    public ChatDialect Dialect { get; init; }

    /// <summary>Whether partial (progress) events are sent: the body's <c>streaming</c>, else true for <see cref="ChatDialect.Seed"/> and false for <see cref="ChatDialect.Adk"/>.</summary>
    public bool Streaming { get; init; } = true;

    /// <summary>Files sent as <c>inlineData</c> parts, in order.</summary>
    public IReadOnlyList<InlineFile> Files { get; init; } = [];

    /// <summary>Reads and checks a body.</summary>
    /// <param name="body">The parsed JSON body.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ApiException">4000 listing every problem with its JSON path (in the client's spelling).</exception>
    public static ChatRequest Parse(JsonDocument body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new List<PathError>();
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw Refuse([new PathError("$", "the body must be a JSON object like {\"session_id\":\"…\",\"new_message\":{\"parts\":[{\"text\":\"…\"}]}}")]);
        var dialect = root.TryGetProperty("sessionId", out _) || root.TryGetProperty("newMessage", out _) ? ChatDialect.Adk : ChatDialect.Seed;
        var names = new Names(dialect);

        if (Get(root, names.App) is { } app && !(app.ValueKind == JsonValueKind.String && app.GetString() == AdkEvent.AgentName))
            errors.Add(new PathError(names.App, "must be \"nemo_agent\" (or left out)"));
        if (Get(root, names.User) is { } user && user.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            errors.Add(new PathError(names.User, "must be a string (\"me\"); the user is the token's account"));
        var streaming = dialect == ChatDialect.Seed;
        if (Get(root, "streaming") is { } s)
        {
            if (s.ValueKind is JsonValueKind.True or JsonValueKind.False) streaming = s.GetBoolean();
            else if (s.ValueKind != JsonValueKind.Null) errors.Add(new PathError("streaming", "must be true or false"));
        }
        if (Get(root, names.StateDelta) is { } delta && delta.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            errors.Add(new PathError(names.StateDelta, "must be an object or null"));

        string? sessionId = null;
        if (Get(root, names.Session) is not { ValueKind: not JsonValueKind.Null } sid)
            errors.Add(new PathError(names.Session, "required: the session id from POST /api/tasks/me/with-session/nemo_agent (or POST /apps/nemo_agent/users/me/sessions)"));
        else if (sid.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(sid.GetString()))
            errors.Add(new PathError(names.Session, "must be a non-empty string"));
        else sessionId = sid.GetString();

        var files = new List<InlineFile>();
        var text = ReadMessage(root, names, files, errors);
        if (errors.Count > 0) throw Refuse(errors);
        return new ChatRequest(sessionId!, text!) { Dialect = dialect, Streaming = streaming, Files = files };
    }

    /// <summary>A property in the client's spelling, or in the other one (a mixed body still works).</summary>
    private static JsonElement? Get(JsonElement obj, string name)
    {
        if (obj.TryGetProperty(name, out var v)) return v;
        var other = name.Contains('_', StringComparison.Ordinal) ? Names.Camel(name) : Names.Snake(name);
        return other != name && obj.TryGetProperty(other, out v) ? v : null;
    }

    private static string? ReadMessage(JsonElement root, Names names, List<InlineFile> files, List<PathError> errors)
    {
        var m = names.Message;
        if (Get(root, m) is not { ValueKind: not JsonValueKind.Null } message)
        {
            errors.Add(new PathError(m, "required: {\"role\":\"user\",\"parts\":[{\"text\":\"…\"}]}"));
            return null;
        }
        if (message.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new PathError(m, "must be an object {\"role\":\"user\",\"parts\":[{\"text\":\"…\"}]}"));
            return null;
        }
        if (message.TryGetProperty("role", out var role) && role.ValueKind != JsonValueKind.Null
            && !(role.ValueKind == JsonValueKind.String && role.GetString() == "user"))
            errors.Add(new PathError(m + ".role", "must be \"user\" (or left out)"));
        if (!message.TryGetProperty("parts", out var parts) || parts.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new PathError(m + ".parts", "required: an array with at least one {\"text\":\"…\"} part"));
            return null;
        }

        var texts = new List<(string Path, string Text)>();
        var i = -1;
        foreach (var part in parts.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{m}.parts[{++i}]");
            if (part.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new PathError(path, "must be an object such as {\"text\":\"…\"}"));
                continue;
            }
            if (part.TryGetProperty("text", out var t) && t.ValueKind != JsonValueKind.Null)
            {
                if (t.ValueKind != JsonValueKind.String) errors.Add(new PathError(path + ".text", "must be a string"));
                else if (!(part.TryGetProperty("thought", out var thought) && thought.ValueKind == JsonValueKind.True)) texts.Add((path + ".text", t.GetString()!));
            }
            else if (Get(part, "inlineData") is { ValueKind: not JsonValueKind.Null } inline)
                ReadInline(inline, path + "." + names.Inline, files, errors);
            else if (Get(part, "fileData") is { ValueKind: not JsonValueKind.Null })
                errors.Add(new PathError(path, "files cannot be sent by reference: send them as inlineData parts, or upload them with POST /api/upload-video/nemo_agent/me/<session_id>"));
        }
        if (texts.Count == 0)
        {
            if (errors.Count == 0 || !errors.Any(e => e.Path.StartsWith(m + ".parts", StringComparison.Ordinal)))
                errors.Add(new PathError(m + ".parts", files.Count > 0
                    ? "no text part: send the files with a {\"text\":\"…\"} part saying what to do with them"
                    : "no text part: send [{\"text\":\"your request\"}]"));
            return null;
        }
        foreach (var (path, t) in texts)
            if (Length(t) > MaxChars) errors.Add(new PathError(path, $"longer than {MaxChars} characters ({Length(t)}); send a shorter message"));
        var joined = string.Join("\n", texts.Select(x => x.Text)).Trim();
        if (joined.Length == 0) errors.Add(new PathError(texts[0].Path, "is empty: say what to do"));
        else if (texts.Count > 1 && Length(joined) > MaxChars && texts.All(x => Length(x.Text) <= MaxChars))
            errors.Add(new PathError(m + ".parts", $"the text parts together are longer than {MaxChars} characters; send a shorter message"));
        return joined;
    }

    /// <summary>Reads an <c>inlineData</c> blob: base64 <c>data</c> (standard or URL-safe alphabet), an optional <c>mimeType</c> and <c>displayName</c>.</summary>
    private static void ReadInline(JsonElement inline, string path, List<InlineFile> files, List<PathError> errors)
    {
        if (inline.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new PathError(path, "must be an object {\"mimeType\":\"video/mp4\",\"data\":\"<base64>\"}"));
            return;
        }
        string? mime = Get(inline, "mimeType") is { ValueKind: JsonValueKind.String } mt ? mt.GetString() : null;
        string? name = Get(inline, "displayName") is { ValueKind: JsonValueKind.String } dn ? dn.GetString() : null;
        if (Get(inline, "data") is not { ValueKind: JsonValueKind.String } data)
        {
            errors.Add(new PathError(path + ".data", "required: the file's bytes in base64"));
            return;
        }
        var bytes = Base64(data.GetString()!);
        if (bytes is null || bytes.Length == 0)
        {
            errors.Add(new PathError(path + ".data", "must be the file's bytes in base64 (not empty)"));
            return;
        }
        if (string.IsNullOrWhiteSpace(name)) name = string.Create(CultureInfo.InvariantCulture, $"file_{files.Count + 1}{ExtensionOf(mime)}");
        files.Add(new InlineFile(name, mime, bytes, path));
    }

    private static byte[]? Base64(string s)
    {
        if (s.Contains('-', StringComparison.Ordinal) || s.Contains('_', StringComparison.Ordinal)) s = s.Replace('-', '+').Replace('_', '/');
        if (s.Length % 4 != 0) s = s.PadRight(s.Length + (4 - s.Length % 4), '=');
        try { return Convert.FromBase64String(s); }
        catch (FormatException) { return null; }
    }

    private static string ExtensionOf(string? mime) => mime?.ToLowerInvariant() switch
    {
        "video/mp4" => ".mp4", "video/quicktime" => ".mov", "video/webm" => ".webm", "video/x-matroska" => ".mkv", "video/x-msvideo" => ".avi",
        "image/jpeg" => ".jpg", "image/png" => ".png", "image/gif" => ".gif", "image/webp" => ".webp",
        "audio/mpeg" => ".mp3", "audio/wav" or "audio/x-wav" => ".wav", "audio/mp4" or "audio/x-m4a" => ".m4a", "audio/aac" => ".aac",
        _ => "",
    };

    /// <summary>Characters as a reader counts them (Unicode scalar values: one per Chinese character or emoji).</summary>
    private static int Length(string s) => s.EnumerateRunes().Count();

    private static ApiException Refuse(List<PathError> errors) =>
        new(ApiCodes.BadRequest, $"invalid chat request: {errors[0].Path}: {errors[0].Message}", new ErrorsData(errors));

    /// <summary>The body's field names in one dialect.</summary>
    private sealed class Names(ChatDialect dialect)
    {
        private readonly bool _camel = dialect == ChatDialect.Adk;

        public string App => _camel ? "appName" : "app_name";
        public string User => _camel ? "userId" : "user_id";
        public string Session => _camel ? "sessionId" : "session_id";
        public string Message => _camel ? "newMessage" : "new_message";
        public string StateDelta => _camel ? "stateDelta" : "state_delta";
        public string Inline => _camel ? "inlineData" : "inline_data";

        public static string Camel(string snake)
        {
            var parts = snake.Split('_');
            return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
        }

        public static string Snake(string camel) =>
            string.Concat(camel.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
    }
}
