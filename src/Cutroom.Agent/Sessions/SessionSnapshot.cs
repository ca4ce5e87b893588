using System.Globalization;
using System.Text.Json;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.Timeline.Json;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Sessions;

/// <summary>
/// A read-only session read from the contract's state (§6a): <c>draft</c>, <c>video_infos</c>,
/// <c>generated_media</c>, as given to <c>cutroom plan --state</c>. Accepts the whole envelope
/// (<c>{"code":0,"data":{"state":{...}}}</c>), <c>data</c>, or the state object itself.
/// </summary>
/// <param name="Media">The uploads.</param>
/// <param name="Generated">The outputs.</param>
/// <param name="Draft">The draft.</param>
/// <param name="Language">The reply language, if the state names one.</param>
public sealed record SessionSnapshot(IReadOnlyList<SessionMedia> Media, IReadOnlyList<GeneratedMedia> Generated, Draft Draft, string? Language) : ISessionView
{
    /// <summary>The field of the state document in this type's errors (its draft's problems are under <c>state.draft.</c>).</summary>
    public const string StateField = "state";

    /// <summary>
    /// The session <c>cutroom plan</c> assumes without <c>--state</c>: one uploaded video
    /// <c>med_1</c> (<c>video.mp4</c>, 60 s, 1920x1080, 30 fps, with sound) placed on the draft by
    /// the upload rule (<c>seg_1</c> on <c>trk_1</c>, 0-60 s).
    /// </summary>
    public static SessionSnapshot OneVideo { get; } = Build([new SessionMedia("med_1", MediaKind.Video, "video.mp4")
    {
        DurationMs = 60_000, Width = 1920, Height = 1080, Fps = 30, HasAudio = true, VideoCodec = "h264", AudioCodec = "aac",
    }]);

    /// <summary>A snapshot of these uploads placed by the upload rule.</summary>
    /// <param name="media">The uploads in order.</param>
    /// <param name="language">The reply language.</param>
    public static SessionSnapshot Build(IReadOnlyList<SessionMedia> media, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(media);
        var draft = Draft.Create();
        foreach (var m in media) draft = UploadPlacement.Apply(draft, m, draftWasEmpty: true);
        return new SessionSnapshot(media, [], draft, language);
    }

    /// <summary>Reads a state document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="JobInputException">Not JSON, or the draft is invalid (usage error).</exception>
    public static SessionSnapshot Parse(string json)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new JobInputException(JobErrorCodes.InvalidJson, StateField, $"is not JSON: {e.Message}"); }
        using (doc)
        {
            var state = doc.RootElement;
            if (state.ValueKind != JsonValueKind.Object) throw new JobInputException(JobErrorCodes.WrongType, StateField, "must be a JSON object");
            if (state.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object) state = data;
            if (state.TryGetProperty("state", out var inner) && inner.ValueKind == JsonValueKind.Object) state = inner;

            var media = new List<SessionMedia>();
            if (state.TryGetProperty("video_infos", out var infos) && infos.ValueKind == JsonValueKind.Array)
                foreach (var e in infos.EnumerateArray()) media.Add(ReadMedia(e, media.Count));
            var generated = new List<GeneratedMedia>();
            if (state.TryGetProperty("generated_media", out var gens) && gens.ValueKind == JsonValueKind.Array)
                foreach (var e in gens.EnumerateArray()) generated.Add(ReadGenerated(e, generated.Count));

            Draft draft;
            if (state.TryGetProperty("draft", out var d) && d.ValueKind == JsonValueKind.Object)
            {
                var parsed = DraftJson.Parse(d);
                draft = parsed.Draft ?? throw new JobInputException([.. parsed.Errors.Select(e => e with { Field = StateField + ".draft." + e.Field })]);
            }
            else
            {
                draft = Build(media).Draft;
            }
            var language = Str(state, "language");
            return new SessionSnapshot(media, generated, draft, language);
        }
    }

    private static SessionMedia ReadMedia(JsonElement e, int index)
    {
        var id = Str(e, "media_id") ?? Str(e, "id") ?? string.Create(CultureInfo.InvariantCulture, $"med_{index + 1}");
        var kind = Str(e, "kind") switch
        {
            "image" => MediaKind.Image,
            "audio" => MediaKind.Audio,
            _ => MediaKind.Video,
        };
        return new SessionMedia(id, kind, Str(e, "name") ?? id)
        {
            DurationMs = Long(e, "duration_ms"),
            Width = (int?)Long(e, "width"),
            Height = (int?)Long(e, "height"),
            Fps = Double(e, "fps"),
            HasAudio = e.TryGetProperty("has_audio", out var a) && a.ValueKind == JsonValueKind.True,
            VideoCodec = Str(e, "video_codec"),
            AudioCodec = Str(e, "audio_codec"),
            SizeBytes = Long(e, "size_bytes"),
            Path = Str(e, "path"),
        };
    }

    private static GeneratedMedia ReadGenerated(JsonElement e, int index) =>
        new(Str(e, "id") ?? string.Create(CultureInfo.InvariantCulture, $"gen_{index + 1}"), Str(e, "kind") ?? "video", Str(e, "op") ?? "", Str(e, "name") ?? "", Str(e, "group") ?? "")
        {
            SourceMediaId = Str(e, "source_media_id"),
            Width = (int?)Long(e, "width"),
            Height = (int?)Long(e, "height"),
            DurationMs = Long(e, "duration_ms"),
            TimeMs = Long(e, "time_ms"),
            Path = Str(e, "path"),
        };

    private static string? Str(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Long(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) ? (long)Math.Round(d) : null;

    private static double? Double(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
