using Cutroom.Contract.Errors;
using System.Text;
using System.Text.Json;
using Cutroom.Timeline.Errors;
using Cutroom.Timeline.Model;
using Cutroom.Timeline.Validation;

namespace Cutroom.Timeline.Json;

/// <summary>
/// Reads and writes drafts as JSON (System.Text.Json's <see cref="JsonDocument"/> and
/// <see cref="Utf8JsonWriter"/>). Written by hand rather than source-generated: the draft
/// needs immutable records, unknown keys kept at every level in their order, and a type error
/// reported with its exact path for every bad key instead of one exception for the first
/// (the serializer's extension data needs a mutable dictionary, and its init-only property
/// handling drops defaults). Every key the model knows is listed in docs/draft.md.
/// </summary>
public static class DraftJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>
    /// Reads a draft. Shape and type errors (a string where a number belongs, a fraction where
    /// ms belong, a duplicate key) are all reported with their paths; the rules of
    /// <see cref="DraftValidator"/> are not checked here.
    /// </summary>
    public static DraftParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads a draft from UTF-8 bytes (see <see cref="Parse(string)"/>).</summary>
    public static DraftParseResult Parse(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8Json, DocumentOptions);
            return Parse(doc.RootElement);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            return new DraftParseResult(null, [new JobError(JobErrorCodes.InvalidJson, JsonPaths.Root, $"not valid JSON{where}")]);
        }
    }

    /// <summary>Reads a draft from an already parsed element (values are copied, so the document may be disposed).</summary>
    public static DraftParseResult Parse(JsonElement element)
    {
        var errors = new List<JobError>();
        var reader = ObjectReader.Open(element, JsonPaths.Root, errors);
        var draft = reader is null ? null : DraftReader.ReadDraft(reader);
        return errors.Count == 0 ? new DraftParseResult(draft, []) : new DraftParseResult(null, errors);
    }

    /// <summary>Reads a draft and, when it reads, checks every rule of <see cref="DraftValidator"/>.</summary>
    public static DraftParseResult ParseAndValidate(string json)
    {
        var parsed = Parse(json);
        if (parsed.Draft is null) return parsed;
        var errors = DraftValidator.Validate(parsed.Draft);
        return errors.Count == 0 ? parsed : new DraftParseResult(null, errors);
    }

    /// <summary>Writes a draft as compact (or indented) JSON text.</summary>
    public static string Serialize(Draft draft, bool indented = false) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(draft, indented));

    /// <summary>Writes a draft as UTF-8 JSON bytes.</summary>
    public static byte[] SerializeToUtf8Bytes(Draft draft, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(draft);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            DraftWriter.Write(writer, draft);
        }
        return stream.ToArray();
    }

    /// <summary>Writes a draft into an existing writer (for embedding it in a larger response).</summary>
    public static void WriteTo(Utf8JsonWriter writer, Draft draft)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(draft);
        DraftWriter.Write(writer, draft);
    }

    /// <summary>The draft as a detached <see cref="JsonElement"/>.</summary>
    public static JsonElement ToElement(Draft draft)
    {
        using var doc = JsonDocument.Parse(SerializeToUtf8Bytes(draft));
        return doc.RootElement.Clone();
    }
}
