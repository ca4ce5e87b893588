using System.Text.Json;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Json;

/// <summary>
/// Writes the model back as JSON: known keys in a fixed order, then the unknown keys in their
/// original order. Absent optional keys stay absent; an empty <c>m</c> is left out.
/// </summary>
internal static class DraftWriter
{
    public static void Write(Utf8JsonWriter w, Draft draft)
    {
        w.WriteStartObject();
        w.WriteNumber("v", draft.Version);
        w.WriteNumber("w", draft.Width);
        w.WriteNumber("h", draft.Height);
        w.WriteNumber("fps", draft.Fps);
        w.WriteNumber("d", draft.DurationMs);
        if (!draft.Meta.IsEmpty)
        {
            w.WriteStartObject("m");
            Str(w, "title", draft.Meta.Title);
            Str(w, "aspect", draft.Meta.Aspect);
            Str(w, "platform", draft.Meta.Platform);
            Str(w, "bg", draft.Meta.Background);
            Rest(w, draft.Meta.Extra);
            w.WriteEndObject();
        }
        w.WriteStartArray("t");
        foreach (var track in draft.Tracks) WriteTrack(w, track);
        w.WriteEndArray();
        Rest(w, draft.Extra);
        w.WriteEndObject();
    }

    private static void WriteTrack(Utf8JsonWriter w, Track track)
    {
        w.WriteStartObject();
        Str(w, "id", track.Id.Length == 0 ? null : track.Id);
        w.WriteNumber("tt", (int)track.Type);
        if (!track.Meta.IsEmpty)
        {
            w.WriteStartObject("m");
            Str(w, "name", track.Meta.Name);
            Str(w, "role", track.Meta.Role);
            Rest(w, track.Meta.Extra);
            w.WriteEndObject();
        }
        w.WriteStartArray("sg");
        foreach (var segment in track.Segments) WriteSegment(w, segment);
        w.WriteEndArray();
        Rest(w, track.Extra);
        w.WriteEndObject();
    }

    private static void WriteSegment(Utf8JsonWriter w, Segment s)
    {
        w.WriteStartObject();
        Str(w, "id", s.Id.Length == 0 ? null : s.Id);
        Str(w, "src", s.Src);
        w.WriteNumber("st", s.StartMs);
        w.WriteNumber("d", s.DurationMs);
        Num(w, "so", s.SourceInMs);
        Num(w, "sp", s.Speed);
        Num(w, "vol", s.Volume);
        if (!s.Meta.IsEmpty) WriteSegmentMeta(w, s.Meta);
        Rest(w, s.Extra);
        w.WriteEndObject();
    }

    private static void WriteSegmentMeta(Utf8JsonWriter w, SegmentMeta m)
    {
        w.WriteStartObject("m");
        Str(w, "label", m.Label);
        Str(w, "kind", m.Kind);
        Str(w, "fit", m.Fit);
        Num(w, "fi", m.FadeInMs);
        Num(w, "fo", m.FadeOutMs);
        if (m.Transition is { } tr)
        {
            w.WriteStartObject("tr");
            w.WriteString("type", tr.Type);
            w.WriteNumber("d", tr.DurationMs);
            Rest(w, tr.Extra);
            w.WriteEndObject();
        }
        if (m.Loop is { } loop) w.WriteBoolean("loop", loop);
        Str(w, "motion", m.Motion);
        Str(w, "text", m.Text);
        Str(w, "pos", m.Position);
        Num(w, "x", m.X);
        Num(w, "y", m.Y);
        Num(w, "size", m.Size);
        Str(w, "color", m.Color);
        Num(w, "outline", m.Outline);
        Str(w, "box", m.Box);
        Num(w, "opacity", m.Opacity);
        Num(w, "scale", m.Scale);
        Num(w, "margin", m.Margin);
        Rest(w, m.Extra);
        w.WriteEndObject();
    }

    private static void Str(Utf8JsonWriter w, string key, string? value)
    {
        if (value is not null) w.WriteString(key, value);
    }

    private static void Num(Utf8JsonWriter w, string key, long? value)
    {
        if (value is { } v) w.WriteNumber(key, v);
    }

    private static void Num(Utf8JsonWriter w, string key, double? value)
    {
        if (value is { } v) w.WriteNumber(key, v);
    }

    private static void Rest(Utf8JsonWriter w, UnknownKeys extra)
    {
        foreach (var (key, value) in extra)
        {
            w.WritePropertyName(key);
            value.WriteTo(w);
        }
    }
}
