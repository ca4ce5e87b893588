using System.Security.Cryptography;
using System.Text.Json;
using Cutroom.Timeline.Json;

namespace Cutroom.Server.Render;

/// <summary>
/// The idempotency key of a render request (docs/security.md §14): SHA-256 (lowercase hex) of a
/// canonical form of the body. "The same body" means the same REQUEST, not the same bytes:
/// <list type="bullet">
/// <item>the same <c>id</c> and <c>sessionId</c>;</item>
/// <item>the same draft as the server reads it: it is parsed and written again by
/// <see cref="DraftJson"/>, with <c>d</c> derived from the segments (the server recomputes it
/// anyway), and then every object's keys are sorted; so whitespace, key order, number spelling of
/// known keys (<c>1</c> vs <c>1.0</c>) and a stale <c>d</c> do not matter, while any change of a
/// value, of a segment's order, or of an unknown key's value does;</item>
/// <item>the same output after defaults: a missing <c>output</c> equals
/// <c>{"format":"mp4","quality":"high"}</c>, and values are compared in lower case;</item>
/// <item>other top-level fields are ignored (they do not change the render).</item>
/// </list>
/// </summary>
public static class RenderRequestHash
{
    /// <summary>The hash of <paramref name="request"/>.</summary>
    /// <param name="request">A read request.</param>
    /// <returns>64 lowercase hex characters.</returns>
    public static string Of(RenderRequest request) => Convert.ToHexStringLower(SHA256.HashData(Canonical(request)));

    /// <summary>The canonical form hashed by <see cref="Of"/> (compact UTF-8 JSON with sorted keys).</summary>
    /// <param name="request">A read request.</param>
    public static byte[] Canonical(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var draft = JsonDocument.Parse(DraftJson.SerializeToUtf8Bytes(request.Draft.Draft));
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WritePropertyName("draft");
            WriteSorted(w, draft.RootElement);
            w.WriteString("id", request.Id);
            w.WriteStartObject("output");
            w.WriteString("format", request.FormatName);
            w.WriteString("quality", request.QualityName);
            w.WriteEndObject();
            w.WriteString("sessionId", request.SessionId);
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteSorted(Utf8JsonWriter w, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    w.WritePropertyName(p.Name);
                    WriteSorted(w, p.Value);
                }
                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in e.EnumerateArray()) WriteSorted(w, item);
                w.WriteEndArray();
                break;
            default:
                e.WriteTo(w);
                break;
        }
    }
}
