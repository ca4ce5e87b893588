using System.Text;
using System.Text.Json;
using Cutroom.Contract.Output;
using Cutroom.Engine.Render;
using Cutroom.Timeline.Json;

namespace Cutroom.Server.Render;

/// <summary>
/// What a render job runs, stored as its payload JSON:
/// <c>{"session_id":"ses_…","format":"mp4","quality":"high","draft":{…}}</c>. The draft is the posted
/// one, so the job renders what was asked even if the session's draft changes later. A worker reads
/// it back with <see cref="Parse"/>, where the draft enters the worker and is checked once.
/// </summary>
/// <param name="SessionId">The session whose media the draft names.</param>
/// <param name="Draft">The draft, checked.</param>
/// <param name="Format">The output container.</param>
/// <param name="Quality">The quality preset.</param>
public sealed record RenderPayload(string SessionId, RenderableDraft Draft, OutputFormat Format, OutputQuality Quality)
{
    /// <summary>The payload of <paramref name="request"/>.</summary>
    /// <param name="request">A checked request.</param>
    public static RenderPayload From(RenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new RenderPayload(request.SessionId, request.Draft, request.Format, request.Quality);
    }

    /// <summary>The payload as JSON.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("session_id", SessionId);
            w.WriteString("format", RenderRequest.NameOf(Format));
            w.WriteString("quality", RenderRequest.Qualities.First(q => q.Value == Quality).Key);
            w.WritePropertyName("draft");
            DraftJson.WriteTo(w, Draft.Draft);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a payload written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The job's payload.</param>
    /// <exception cref="InvalidDataException">It is not a render payload, or its draft cannot be rendered (a bug or a damaged row).</exception>
    public static RenderPayload Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var read = DraftJson.Parse(root.GetProperty("draft")).Draft ?? throw new InvalidDataException("a stored render draft could not be read");
        if (RenderableDraft.TryCreate(read, out var draft).Count > 0) throw new InvalidDataException("a stored render draft is not valid");
        if (!RenderRequest.Formats.TryGetValue(root.GetProperty("format").GetString() ?? "", out var format)
            || !RenderRequest.Qualities.TryGetValue(root.GetProperty("quality").GetString() ?? "", out var quality))
            throw new InvalidDataException("a stored render payload has an unknown format or quality");
        return new RenderPayload(root.GetProperty("session_id").GetString()!, draft!, format, quality);
    }
}
