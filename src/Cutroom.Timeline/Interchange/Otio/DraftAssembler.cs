using System.Text;
using System.Text.Json;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Interchange.Otio;

/// <summary>
/// Writes the draft JSON of an imported timeline: times from the OTIO structure, every other key
/// from the <c>metadata.cutroom</c> objects the export wrote (in their order), ids kept when
/// they are free and new (<c>trk_N</c>, <c>seg_N</c>) when absent or taken (an NLE copies a
/// clip's metadata with the clip). The timeline's name becomes <c>m.title</c> only for a
/// timeline Cutroom did not write. The result is then read and validated like any draft.
/// </summary>
internal static class DraftAssembler
{
    private static readonly HashSet<string> DraftKeys = ["v", "w", "h", "fps", "d", "t", "order"];
    private static readonly HashSet<string> TrackKeys = ["id", "tt", "sg"];
    private static readonly HashSet<string> SegmentKeys = ["id", "src", "st", "d", "so", "sp"];

    public static string Build(JsonElement? meta, int fps, string? timelineName, List<ImportedTrack> tracks)
    {
        Order(tracks, meta);
        var ids = new IdPool(tracks.Select(t => t.PreferredId).Concat(tracks.SelectMany(t => t.Segments.Select(s => IdOf(s.Cutroom)))));
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("v", Draft.CurrentVersion);
            w.WriteNumber("w", IntOf(meta, "w") ?? 1920);
            w.WriteNumber("h", IntOf(meta, "h") ?? 1080);
            w.WriteNumber("fps", fps);
            if (meta is { } m && m.TryGetProperty("m", out var dm) && dm.ValueKind == JsonValueKind.Object) { w.WritePropertyName("m"); dm.WriteTo(w); }
            else if (meta is null && !string.IsNullOrWhiteSpace(timelineName)) { w.WriteStartObject("m"); w.WriteString("title", timelineName); w.WriteEndObject(); }
            if (meta is { } extra) CopyExcept(w, extra, DraftKeys, "m");
            w.WriteStartArray("t");
            foreach (var track in tracks) WriteTrack(w, track, ids);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteTrack(Utf8JsonWriter w, ImportedTrack track, IdPool ids)
    {
        w.WriteStartObject();
        w.WriteString("id", ids.Take(track.PreferredId, "trk"));
        w.WriteNumber("tt", track.Type);
        if (track.Cutroom is { } c)
        {
            CopyExcept(w, c, TrackKeys, null);
        }
        else if (track.Name is { Length: > 0 } name)
        {
            w.WriteStartObject("m");
            w.WriteString("name", name);
            w.WriteEndObject();
        }
        w.WriteStartArray("sg");
        foreach (var s in track.Segments) WriteSegment(w, s, ids, track.Type);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSegment(Utf8JsonWriter w, ImportedSegment s, IdPool ids, int trackType)
    {
        w.WriteStartObject();
        w.WriteString("id", ids.Take(IdOf(s.Cutroom), "seg"));
        if (trackType != 7) w.WriteString("src", s.Src);
        w.WriteNumber("st", s.StartMs);
        w.WriteNumber("d", s.EndMs - s.StartMs);
        if (s.InMs > 0) w.WriteNumber("so", s.InMs);
        if (s.Speed is { } sp) w.WriteNumber("sp", Math.Round(sp, 6));
        if (s.Cutroom is { } c) CopyExcept(w, c, SegmentKeys, "m");
        w.WriteStartObject("m");
        var hasMeta = s.Cutroom is { } cm && cm.TryGetProperty("m", out var m) && m.ValueKind == JsonValueKind.Object;
        if (hasMeta)
        {
            foreach (var p in s.Cutroom!.Value.GetProperty("m").EnumerateObject().Where(p => p.Name != "tr")) p.WriteTo(w);
        }
        else if (s.Cutroom is null)
        {
            // A clip an NLE made: its name and what its file looks like.
            if (s.Label is not null) w.WriteString("label", s.Label);
            if (s.Kind is not null) w.WriteString("kind", s.Kind);
        }
        if (s.TransitionType is not null && s.TransitionMs > 0)
        {
            w.WriteStartObject("tr");
            w.WriteString("type", s.TransitionType);
            w.WriteNumber("d", Math.Min(s.TransitionMs, s.EndMs - s.StartMs));
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Puts the tracks in the draft order the export recorded (<c>metadata.cutroom.order</c>); tracks it does not name keep their place after them.</summary>
    private static void Order(List<ImportedTrack> tracks, JsonElement? meta)
    {
        if (meta is not { } m || !m.TryGetProperty("order", out var order) || order.ValueKind != JsonValueKind.Array) return;
        var rank = order.EnumerateArray().Select((e, i) => (Id: e.GetString() ?? "", i)).GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First().i);
        var sorted = tracks.Select((t, i) => (t, i)).OrderBy(p => p.t.PreferredId is { } id && rank.TryGetValue(id, out var r) ? r : rank.Count + p.i).Select(p => p.t).ToList();
        tracks.Clear();
        tracks.AddRange(sorted);
    }

    private static void CopyExcept(Utf8JsonWriter w, JsonElement obj, HashSet<string> skip, string? alsoSkip)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (skip.Contains(p.Name) || p.Name == alsoSkip) continue;
            p.WriteTo(w);
        }
    }

    private static string? IdOf(JsonElement? cutroom) =>
        cutroom is { } c && c.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private static int? IntOf(JsonElement? meta, string key) =>
        meta is { } m && m.TryGetProperty(key, out var v) && v.TryGetInt32(out var n) ? n : null;

    /// <summary>Hands out ids: the preferred one when valid and not yet taken, else the lowest free <c>PREFIX_N</c> that no preferred id claims.</summary>
    private sealed class IdPool(IEnumerable<string?> preferred)
    {
        private readonly HashSet<string> _claimed = [.. preferred.Where(DraftLimits.IsValidId).Select(p => p!)];
        private readonly HashSet<string> _taken = [];

        public string Take(string? preferred, string prefix)
        {
            if (DraftLimits.IsValidId(preferred) && _taken.Add(preferred!)) return preferred!;
            for (var n = 1; ; n++)
            {
                var id = $"{prefix}_{n}";
                if (!_claimed.Contains(id) && _taken.Add(id)) return id;
            }
        }
    }
}
