using System.Globalization;
using System.Text.Json;
using Cutroom.Server.Contract;

namespace Cutroom.Server.Chat;

/// <summary>
/// The body of <c>POST /run_sse</c> and <c>POST /run</c> (Google ADK's <c>api_server</c> shape,
/// contract §6b): <c>{"app_name":"nemo_agent","user_id":"me","session_id":"…","new_message":
/// {"role":"user","parts":[{"text":"…"}]},"streaming":true}</c>. The text parts are joined with
/// line breaks into one message of at most <see cref="MaxChars"/> characters. <c>user_id</c> is
/// accepted and ignored (the caller is the token's account, contract §1).
/// </summary>
/// <param name="SessionId">The session.</param>
/// <param name="Text">The user's message.</param>
public sealed record ChatRequest(string SessionId, string Text)
{
    /// <summary>The longest message (Unicode characters).</summary>
    public const int MaxChars = 4000;

    /// <summary>Reads and checks a body.</summary>
    /// <param name="body">The parsed JSON body.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ApiException">4000 listing every problem with its JSON path.</exception>
    public static ChatRequest Parse(JsonDocument body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new List<PathError>();
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw Refuse([new PathError("$", "the body must be a JSON object like {\"session_id\":\"…\",\"new_message\":{\"parts\":[{\"text\":\"…\"}]}}")]);

        if (root.TryGetProperty("app_name", out var app) && !(app.ValueKind == JsonValueKind.String && app.GetString() == AdkEvent.AgentName))
            errors.Add(new PathError("app_name", "must be \"nemo_agent\" (or left out)"));
        if (root.TryGetProperty("user_id", out var user) && user.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            errors.Add(new PathError("user_id", "must be a string (\"me\"); the user is the token's account"));
        if (root.TryGetProperty("streaming", out var streaming) && streaming.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
            errors.Add(new PathError("streaming", "must be true or false"));

        string? sessionId = null;
        if (!root.TryGetProperty("session_id", out var sid) || sid.ValueKind == JsonValueKind.Null)
            errors.Add(new PathError("session_id", "required: the session_id from POST /api/tasks/me/with-session/nemo_agent"));
        else if (sid.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(sid.GetString()))
            errors.Add(new PathError("session_id", "must be a non-empty string"));
        else sessionId = sid.GetString();

        var text = ReadMessage(root, errors);
        if (errors.Count > 0) throw Refuse(errors);
        return new ChatRequest(sessionId!, text!);
    }

    private static string? ReadMessage(JsonElement root, List<PathError> errors)
    {
        if (!root.TryGetProperty("new_message", out var message) || message.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new PathError("new_message", "required: {\"role\":\"user\",\"parts\":[{\"text\":\"…\"}]}"));
            return null;
        }
        if (message.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new PathError("new_message", "must be an object {\"role\":\"user\",\"parts\":[{\"text\":\"…\"}]}"));
            return null;
        }
        if (message.TryGetProperty("role", out var role) && role.ValueKind != JsonValueKind.Null
            && !(role.ValueKind == JsonValueKind.String && role.GetString() == "user"))
            errors.Add(new PathError("new_message.role", "must be \"user\" (or left out)"));
        if (!message.TryGetProperty("parts", out var parts) || parts.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new PathError("new_message.parts", "required: an array with at least one {\"text\":\"…\"} part"));
            return null;
        }

        var texts = new List<(string Path, string Text)>();
        var i = -1;
        foreach (var part in parts.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"new_message.parts[{++i}]");
            if (part.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new PathError(path, "must be an object such as {\"text\":\"…\"}"));
                continue;
            }
            if (part.TryGetProperty("text", out var t) && t.ValueKind != JsonValueKind.Null)
            {
                if (t.ValueKind != JsonValueKind.String) errors.Add(new PathError(path + ".text", "must be a string"));
                else texts.Add((path + ".text", t.GetString()!));
            }
            else if (part.TryGetProperty("inline_data", out _) || part.TryGetProperty("inlineData", out _) || part.TryGetProperty("file_data", out _) || part.TryGetProperty("fileData", out _))
                errors.Add(new PathError(path, "files cannot be sent in a message: upload them with POST /api/upload-video/nemo_agent/me/<session_id>, then refer to them"));
        }
        if (texts.Count == 0)
        {
            if (errors.Count == 0 || !errors.Any(e => e.Path.StartsWith("new_message.parts", StringComparison.Ordinal)))
                errors.Add(new PathError("new_message.parts", "no text part: send [{\"text\":\"your request\"}]"));
            return null;
        }
        foreach (var (path, t) in texts)
            if (Length(t) > MaxChars) errors.Add(new PathError(path, $"longer than {MaxChars} characters ({Length(t)}); send a shorter message"));
        var joined = string.Join("\n", texts.Select(x => x.Text)).Trim();
        if (joined.Length == 0) errors.Add(new PathError(texts[0].Path, "is empty: say what to do"));
        else if (texts.Count > 1 && Length(joined) > MaxChars && texts.All(x => Length(x.Text) <= MaxChars))
            errors.Add(new PathError("new_message.parts", $"the text parts together are longer than {MaxChars} characters; send a shorter message"));
        return joined;
    }

    /// <summary>Characters as a reader counts them (Unicode scalar values: one per Chinese character or emoji).</summary>
    private static int Length(string s) => s.EnumerateRunes().Count();

    private static ApiException Refuse(List<PathError> errors) =>
        new(ApiCodes.BadRequest, $"invalid chat request: {errors[0].Path}: {errors[0].Message}", new ErrorsData(errors));
}
