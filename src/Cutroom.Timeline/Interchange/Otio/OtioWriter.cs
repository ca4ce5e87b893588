using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cutroom.Timeline.Json;

namespace Cutroom.Timeline.Interchange.Otio;

/// <summary>
/// Writes a draft as OpenTimelineIO JSON. Video and audio tracks become <c>Track.1</c>s of
/// <c>Clip.2</c>s and <c>Gap.1</c>s in draft order (bottom first, as the draft stacks them); a
/// transition (<c>m.tr</c>) becomes a <c>Transition.1</c> between the two clips with
/// <c>in_offset</c> 0 and <c>out_offset</c> its length (the draft blends in the first frames of
/// the incoming segment); speed becomes a <c>LinearTimeWarp.1</c>; text segments become
/// <c>Marker.2</c>s on the stack. Every time is a <c>RationalTime.1</c> at the draft's fps in
/// whole frames. Each object's <c>metadata.cutroom</c> keeps the draft keys OTIO has no place
/// for, so that <see cref="OtioImporter"/> reads the same draft back. Text is written unescaped
/// (UTF-8; only what JSON requires is escaped), so names and texts read as they are.
/// </summary>
internal static class OtioWriter
{
    private static readonly HashSet<string> TimingKeys = ["st", "d", "so", "sp"];
    private static readonly HashSet<string> DraftOnlyKeys = ["t", "d"];
    private static readonly HashSet<string> SegmentList = ["sg"];

    public static string Write(FramedDraft framed, Func<string, MediaReference> media)
    {
        var root = DraftJson.ToElement(framed.Draft);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString(OtioSchemas.SchemaKey, OtioSchemas.Timeline);
            w.WriteStartObject("metadata");
            w.WriteStartObject(OtioSchemas.CutroomKey);
            CopyExcept(w, root, DraftOnlyKeys);
            w.WriteStartArray("order");
            foreach (var t in framed.Tracks) w.WriteStringValue(t.Track.Id);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteString("name", framed.Title);
            w.WritePropertyName("global_start_time");
            WriteTime(w, 0, framed.Grid.Fps);
            w.WritePropertyName("tracks");
            WriteStack(w, framed, root, media);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteStack(Utf8JsonWriter w, FramedDraft framed, JsonElement root, Func<string, MediaReference> media)
    {
        var fps = framed.Grid.Fps;
        w.WriteStartObject();
        w.WriteString(OtioSchemas.SchemaKey, OtioSchemas.Stack);
        w.WriteStartObject("metadata");
        w.WriteEndObject();
        WriteItemCommon(w, "tracks", null, fps);
        w.WriteStartArray("markers");
        foreach (var track in framed.Tracks.Where(t => t.Track.Type == Model.TrackType.Text))
        {
            var trackElement = root.GetProperty("t")[track.Index];
            foreach (var s in track.Segments)
            {
                w.WriteStartObject();
                w.WriteString(OtioSchemas.SchemaKey, OtioSchemas.Marker);
                w.WriteStartObject("metadata");
                w.WriteStartObject(OtioSchemas.CutroomKey);
                w.WritePropertyName("track");
                w.WriteStartObject();
                CopyExcept(w, trackElement, SegmentList);
                w.WriteEndObject();
                w.WritePropertyName("segment");
                w.WriteStartObject();
                CopyExcept(w, trackElement.GetProperty("sg")[s.SegmentIndex], TimingKeys);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteString("name", s.Segment.Meta.Text ?? "");
                w.WriteString("color", "CYAN");
                w.WritePropertyName("marked_range");
                WriteRange(w, s.Start, s.Duration, fps);
                w.WriteString("comment", s.Segment.Meta.Text ?? "");
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        w.WriteStartArray("children");
        foreach (var track in framed.Tracks.Where(t => t.Track.Type != Model.TrackType.Text))
            WriteTrack(w, track, root.GetProperty("t")[track.Index], fps, media);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTrack(Utf8JsonWriter w, FramedTrack track, JsonElement trackElement, int fps, Func<string, MediaReference> media)
    {
        w.WriteStartObject();
        w.WriteString(OtioSchemas.SchemaKey, OtioSchemas.Track);
        w.WriteStartObject("metadata");
        w.WriteStartObject(OtioSchemas.CutroomKey);
        CopyExcept(w, trackElement, SegmentList);
        w.WriteEndObject();
        w.WriteEndObject();
        WriteItemCommon(w, track.Name, null, fps);
        w.WriteStartArray("markers");
        w.WriteEndArray();
        w.WriteString("kind", track.Track.Type == Model.TrackType.Audio ? OtioSchemas.AudioKind : OtioSchemas.VideoKind);
        w.WriteStartArray("children");
        long at = 0;
        foreach (var s in track.Segments)
        {
            if (s.Start > at) WriteGap(w, s.Start - at, fps);
            if (s.Transition > 0) WriteTransition(w, s, fps);
            WriteClip(w, s, trackElement.GetProperty("sg")[s.SegmentIndex], fps, media);
            at = s.End;
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteClip(Utf8JsonWriter w, FramedSegment s, JsonElement segmentElement, int fps, Func<string, MediaReference> media)
    {
        var reference = media(s.Segment.Src ?? "");
        w.WriteStartObject();
        w.WriteString(OtioSchemas.SchemaKey, OtioSchemas.Clip);
        w.WriteStartObject("metadata");
        w.WriteStartObject(OtioSchemas.CutroomKey);
        CopyExcept(w, segmentElement, TimingKeys, dropTransition: true);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("name", s.Segment.Meta.Label ?? reference.Name ?? s.Segment.Src ?? "");
        w.WritePropertyName("source_range");
        WriteRange(w, s.In, s.Duration, fps);
        w.WriteStartArray("effects");
        if (s.Segment.Speed is { } speed && speed != 1)
        {
            w.WriteStartObject();
            w.WriteString(OtioSchemas.SchemaKey, OtioSchemas.LinearTimeWarp);
            w.WriteStartObject("metadata");
            w.WriteEndObject();
            w.WriteString("name", "");
            w.WriteString("effect_name", "LinearTimeWarp");
            w.WritePropertyName("time_scalar");
            WriteDouble(w, speed);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("markers");
        w.WriteEndArray();
        w.WriteBoolean("enabled", true);
        w.WriteStartObject("media_references");
        w.WriteStartObject(OtioSchemas.DefaultMedia);
        w.WriteString(OtioSchemas.SchemaKey, OtioSchemas.ExternalReference);
        w.WriteStartObject("metadata");
        w.WriteEndObject();
        w.WriteString("name", reference.Name ?? "");
        w.WriteNull("available_range");
        w.WriteNull("available_image_bounds");
        w.WriteString("target_url", reference.TargetUrl);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("active_media_reference_key", OtioSchemas.DefaultMedia);
        w.WriteEndObject();
    }

    private static void WriteGap(Utf8JsonWriter w, long frames, int fps)
    {
        w.WriteStartObject();
        w.WriteString(OtioSchemas.SchemaKey, OtioSchemas.Gap);
        w.WriteStartObject("metadata");
        w.WriteEndObject();
        WriteItemCommon(w, "", (0, frames), fps);
        w.WriteStartArray("markers");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTransition(Utf8JsonWriter w, FramedSegment s, int fps)
    {
        var type = s.Segment.Meta.Transition!.Type;
        var dissolve = type is "fade" or "dissolve";
        w.WriteStartObject();
        w.WriteString(OtioSchemas.SchemaKey, OtioSchemas.Transition);
        w.WriteStartObject("metadata");
        w.WriteStartObject(OtioSchemas.CutroomKey);
        w.WriteString("type", type);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteString("name", dissolve ? "Cross Dissolve" : type);
        w.WriteString("transition_type", dissolve ? OtioSchemas.Dissolve : OtioSchemas.CustomTransition);
        w.WritePropertyName("in_offset");
        WriteTime(w, 0, fps);
        w.WritePropertyName("out_offset");
        WriteTime(w, s.Transition, fps);
        w.WriteEndObject();
    }

    /// <summary>Writes name, source_range, effects and enabled (an Item's fields but markers).</summary>
    private static void WriteItemCommon(Utf8JsonWriter w, string name, (long Start, long Duration)? range, int fps)
    {
        w.WriteString("name", name);
        w.WritePropertyName("source_range");
        if (range is { } r) WriteRange(w, r.Start, r.Duration, fps);
        else w.WriteNullValue();
        w.WriteStartArray("effects");
        w.WriteEndArray();
        w.WriteBoolean("enabled", true);
    }

    private static void WriteRange(Utf8JsonWriter w, long start, long duration, int fps)
    {
        w.WriteStartObject();
        w.WriteString(OtioSchemas.SchemaKey, OtioSchemas.TimeRange);
        w.WritePropertyName("start_time");
        WriteTime(w, start, fps);
        w.WritePropertyName("duration");
        WriteTime(w, duration, fps);
        w.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter w, long frames, int fps)
    {
        w.WriteStartObject();
        w.WriteString(OtioSchemas.SchemaKey, OtioSchemas.RationalTime);
        w.WritePropertyName("rate");
        WriteDouble(w, fps);
        w.WritePropertyName("value");
        WriteDouble(w, frames);
        w.WriteEndObject();
    }

    /// <summary>Writes a JSON number that reads as a double everywhere (<c>30.0</c>, not <c>30</c>): OTIO's rates and values are doubles.</summary>
    private static void WriteDouble(Utf8JsonWriter w, double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.') && !text.Contains('E')) text += ".0";
        w.WriteRawValue(text);
    }

    private static void CopyExcept(Utf8JsonWriter w, JsonElement obj, HashSet<string> skip, bool dropTransition = false)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (skip.Contains(p.Name)) continue;
            if (dropTransition && p.Name == "m" && p.Value.ValueKind == JsonValueKind.Object)
            {
                w.WriteStartObject("m");
                foreach (var q in p.Value.EnumerateObject().Where(q => q.Name != "tr")) q.WriteTo(w);
                w.WriteEndObject();
                continue;
            }
            p.WriteTo(w);
        }
    }
}
