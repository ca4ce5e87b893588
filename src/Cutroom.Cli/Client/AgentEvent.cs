using System.Globalization;
using System.Text.Json;

namespace Cutroom.Cli.Client;

/// <summary>
/// What the client needs from one ADK event of <c>/run_sse</c> (contract §6b): its text parts,
/// whether it is a progress (<c>partial</c>) event, whether it ends the turn, an error, the names
/// of the operations it calls, and the state version it reports.
/// </summary>
/// <param name="Texts">The <c>{"text"}</c> parts, in order.</param>
/// <param name="Partial">A progress event (shown on the live line, not as a reply).</param>
/// <param name="TurnComplete">The last event of the turn.</param>
/// <param name="ErrorCode">The <c>errorCode</c> (a code of contract §2), or null.</param>
/// <param name="ErrorMessage">The <c>errorMessage</c>, or null.</param>
/// <param name="Calls">The names of the <c>functionCall</c> parts.</param>
/// <param name="ErrorData">Extra data of an error event (e.g. <c>bind_url</c>), when the server sends any.</param>
public sealed record AgentEvent(IReadOnlyList<string> Texts, bool Partial, bool TurnComplete, int? ErrorCode, string? ErrorMessage,
    IReadOnlyList<string> Calls, JsonElement? ErrorData)
{
    /// <summary>Parses one event's JSON; null when it is not a JSON object.</summary>
    /// <param name="json">The <c>data:</c> payload.</param>
    public static AgentEvent? Parse(string json)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException) { return null; }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            var texts = new List<string>();
            var calls = new List<string>();
            if (root.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object
                && content.TryGetProperty("parts", out var parts) && parts.ValueKind == JsonValueKind.Array)
            {
                foreach (var part in parts.EnumerateArray())
                {
                    if (part.ValueKind != JsonValueKind.Object) continue;
                    if (part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } text
                        && !(part.TryGetProperty("thought", out var thought) && thought.ValueKind == JsonValueKind.True))
                        texts.Add(text);
                    if (part.TryGetProperty("functionCall", out var call) && call.ValueKind == JsonValueKind.Object
                        && call.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                        calls.Add(name.GetString()!);
                }
            }
            int? code = null;
            if (root.TryGetProperty("errorCode", out var ec))
            {
                if (ec.ValueKind == JsonValueKind.Number && ec.TryGetInt32(out var n)) code = n;
                else if (ec.ValueKind == JsonValueKind.String) code = int.TryParse(ec.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 5000;
            }
            var message = root.TryGetProperty("errorMessage", out var em) && em.ValueKind == JsonValueKind.String ? em.GetString() : null;
            JsonElement? errorData = null;
            foreach (var key in new[] { "errorData", "data", "customMetadata" })
                if (root.TryGetProperty(key, out var d) && d.ValueKind == JsonValueKind.Object) { errorData = d.Clone(); break; }
            return new AgentEvent(texts, Flag(root, "partial"), Flag(root, "turnComplete"), code, message, calls, errorData);
        }
    }

    private static bool Flag(JsonElement root, string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
