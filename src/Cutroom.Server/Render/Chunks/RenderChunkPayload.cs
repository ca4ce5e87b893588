using System.Globalization;
using System.Text;
using System.Text.Json;
using Cutroom.Contract.Output;
using Cutroom.Engine.Render;
using Cutroom.Timeline.Json;

namespace Cutroom.Server.Render.Chunks;

/// <summary>
/// What a render-chunk job (kind <c>render_chunk</c>) renders, stored as its payload JSON: one piece of a
/// chunked render (docs/render.md, "Chunks as jobs"), self-standing so that any worker can render it:
/// <c>{"parent":"job_…","attempt":1,"session_id":"ses_…","format":"mp4","quality":"high","background":"black",
/// "target_lufs":-14,"parts":"video","first":120,"count":120,"key":"…","extension":".mp4","draft":{…}}</c>.
/// The worker resolves the draft's media within <see cref="SessionId"/> from the shared store, renders the
/// piece, and leaves it in the shared store under <see cref="BlobKey"/> for the parent to join.
/// </summary>
/// <param name="ParentJobId">The render job whose piece this is.</param>
/// <param name="ParentAttempt">The parent's attempt that queued it: a piece of an earlier attempt (the parent was recovered) is skipped.</param>
/// <param name="SessionId">The session whose media the draft names.</param>
/// <param name="Format">The output container of the render.</param>
/// <param name="Quality">The quality preset of the render.</param>
/// <param name="Background">Canvas colour (ffmpeg syntax), as the parent's request.</param>
/// <param name="TargetLufs">Loudness target of the mix in LUFS, or null (as the parent's request).</param>
/// <param name="Parts">The streams of the piece: <see cref="RenderParts.Video"/> (a chunk) or <see cref="RenderParts.Audio"/> (the soundtrack).</param>
/// <param name="Window">The timeline frames of a video chunk; null for the soundtrack (the whole timeline).</param>
/// <param name="Key">The piece's cache key (<see cref="Cutroom.Engine.Render.Chunks.RenderChunkKey"/>).</param>
/// <param name="Extension">The piece's file extension (<c>.mp4</c>, <c>.m4a</c>).</param>
/// <param name="Draft">The parent's draft, checked.</param>
public sealed record RenderChunkPayload(string ParentJobId, int ParentAttempt, string SessionId, OutputFormat Format, OutputQuality Quality,
    string Background, double? TargetLufs, RenderParts Parts, FrameWindow? Window, string Key, string Extension, RenderableDraft Draft)
{
    /// <summary>Where the finished piece waits in the shared store for its parent: <c>render-chunks/&lt;parent&gt;/&lt;attempt&gt;/&lt;key&gt;&lt;ext&gt;</c>.</summary>
    public string BlobKey => BlobKeyOf(ParentJobId, ParentAttempt, Key, Extension);

    /// <summary>The blob key of a piece (see <see cref="BlobKey"/>).</summary>
    /// <param name="parentJobId">The render job.</param>
    /// <param name="attempt">Its attempt.</param>
    /// <param name="key">The piece's cache key.</param>
    /// <param name="extension">Its extension with the dot.</param>
    public static string BlobKeyOf(string parentJobId, int attempt, string key, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"render-chunks/{parentJobId}/{attempt}/{key}{extension}");

    /// <summary>The payload as JSON.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("parent", ParentJobId);
            w.WriteNumber("attempt", ParentAttempt);
            w.WriteString("session_id", SessionId);
            w.WriteString("format", RenderRequest.NameOf(Format));
            w.WriteString("quality", RenderRequest.Qualities.First(q => q.Value == Quality).Key);
            w.WriteString("background", Background);
            if (TargetLufs is { } lufs) w.WriteNumber("target_lufs", lufs);
            else w.WriteNull("target_lufs");
            w.WriteString("parts", Parts == RenderParts.Audio ? "audio" : "video");
            if (Window is { } window)
            {
                w.WriteNumber("first", window.First);
                w.WriteNumber("count", window.Count);
            }
            w.WriteString("key", Key);
            w.WriteString("extension", Extension);
            w.WritePropertyName("draft");
            DraftJson.WriteTo(w, Draft.Draft);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads a payload written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The job's payload.</param>
    /// <exception cref="InvalidDataException">It is not a render-chunk payload, or its draft cannot be rendered (a bug or a damaged row).</exception>
    public static RenderChunkPayload Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var read = DraftJson.Parse(root.GetProperty("draft")).Draft ?? throw new InvalidDataException("a stored render-chunk draft could not be read");
        if (RenderableDraft.TryCreate(read, out var draft).Count > 0) throw new InvalidDataException("a stored render-chunk draft is not valid");
        if (!RenderRequest.Formats.TryGetValue(root.GetProperty("format").GetString() ?? "", out var format)
            || !RenderRequest.Qualities.TryGetValue(root.GetProperty("quality").GetString() ?? "", out var quality))
            throw new InvalidDataException("a stored render-chunk payload has an unknown format or quality");
        var parts = root.GetProperty("parts").GetString() switch
        {
            "video" => RenderParts.Video,
            "audio" => RenderParts.Audio,
            _ => throw new InvalidDataException("a stored render-chunk payload has unknown parts"),
        };
        FrameWindow? window = root.TryGetProperty("first", out var first) ? new FrameWindow(first.GetInt64(), root.GetProperty("count").GetInt64()) : null;
        var lufs = root.GetProperty("target_lufs");
        return new RenderChunkPayload(root.GetProperty("parent").GetString()!, root.GetProperty("attempt").GetInt32(), root.GetProperty("session_id").GetString()!,
            format, quality, root.GetProperty("background").GetString()!, lufs.ValueKind == JsonValueKind.Null ? null : lufs.GetDouble(),
            parts, window, root.GetProperty("key").GetString()!, root.GetProperty("extension").GetString()!, draft!);
    }
}
