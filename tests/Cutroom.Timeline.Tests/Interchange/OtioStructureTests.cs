using System.Text.Json;
using Cutroom.Timeline.Interchange;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Tests.Interchange;

/// <summary>
/// The exported OTIO checked against the file format's schemas (each OTIO_SCHEMA's required
/// fields and their JSON types, as the OpenTimelineIO documentation lists them), and its times
/// against the draft: every rational time at the draft's rate in whole frames, each track's
/// items adding up to its segments' positions.
/// </summary>
[Trait("Tier", "Fast")]
public class OtioStructureTests
{
    /// <summary>Required fields per schema and the JSON kinds each may take.</summary>
    private static readonly Dictionary<string, (string Field, JsonValueKind[] Kinds)[]> Schemas = new()
    {
        ["Timeline.1"] = [("name", [JsonValueKind.String]), ("metadata", [JsonValueKind.Object]), ("global_start_time", [JsonValueKind.Object, JsonValueKind.Null]), ("tracks", [JsonValueKind.Object])],
        ["Stack.1"] = Item(),
        ["Track.1"] = [.. Item(), ("kind", [JsonValueKind.String])],
        ["Clip.2"] = [.. Item(), ("media_references", [JsonValueKind.Object]), ("active_media_reference_key", [JsonValueKind.String])],
        ["Gap.1"] = Item(),
        ["Transition.1"] = [("name", [JsonValueKind.String]), ("metadata", [JsonValueKind.Object]), ("transition_type", [JsonValueKind.String]), ("in_offset", [JsonValueKind.Object]), ("out_offset", [JsonValueKind.Object])],
        ["Marker.2"] = [("name", [JsonValueKind.String]), ("metadata", [JsonValueKind.Object]), ("color", [JsonValueKind.String]), ("marked_range", [JsonValueKind.Object]), ("comment", [JsonValueKind.String])],
        ["ExternalReference.1"] = [("name", [JsonValueKind.String]), ("metadata", [JsonValueKind.Object]), ("target_url", [JsonValueKind.String]), ("available_range", [JsonValueKind.Object, JsonValueKind.Null])],
        ["LinearTimeWarp.1"] = [("name", [JsonValueKind.String]), ("metadata", [JsonValueKind.Object]), ("effect_name", [JsonValueKind.String]), ("time_scalar", [JsonValueKind.Number])],
        ["TimeRange.1"] = [("start_time", [JsonValueKind.Object]), ("duration", [JsonValueKind.Object])],
        ["RationalTime.1"] = [("rate", [JsonValueKind.Number]), ("value", [JsonValueKind.Number])],
    };

    private static (string, JsonValueKind[])[] Item() =>
    [
        ("name", [JsonValueKind.String]), ("metadata", [JsonValueKind.Object]), ("source_range", [JsonValueKind.Object, JsonValueKind.Null]),
        ("effects", [JsonValueKind.Array]), ("markers", [JsonValueKind.Array]), ("enabled", [JsonValueKind.True, JsonValueKind.False]),
    ];

    [Theory]
    [InlineData(24)]
    [InlineData(30)]
    public void Every_object_has_a_known_schema_its_required_fields_and_frame_times(int fps)
    {
        var otio = TimelineExporter.Export(InterchangeDrafts.Draft(fps), TimelineFormat.Otio, InterchangeDrafts.Resolve);
        using var doc = JsonDocument.Parse(otio.Text);
        var problems = new List<string>();
        Walk(doc.RootElement, "$", fps, problems);
        Assert.Empty(problems);
        Assert.Equal("Timeline.1", doc.RootElement.GetProperty("OTIO_SCHEMA").GetString());
    }

    [Fact]
    public void Each_tracks_items_add_up_to_its_segments()
    {
        var draft = InterchangeDrafts.Draft();
        var grid = new FrameGrid(draft.Fps);
        using var doc = JsonDocument.Parse(TimelineExporter.Export(draft, TimelineFormat.Otio, InterchangeDrafts.Resolve).Text);
        var stack = doc.RootElement.GetProperty("tracks");
        var tracks = stack.GetProperty("children").EnumerateArray().ToList();
        var exported = draft.Tracks.Where(t => t.Type != TrackType.Text).ToList();
        Assert.Equal(exported.Count, tracks.Count);
        foreach (var (track, otioTrack) in exported.Zip(tracks))
        {
            Assert.Equal(track.Type == TrackType.Audio ? "Audio" : "Video", otioTrack.GetProperty("kind").GetString());
            long at = 0;
            var clips = new List<(long Start, long End, long In, string Url)>();
            var items = otioTrack.GetProperty("children").EnumerateArray().ToList();
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var schema = item.GetProperty("OTIO_SCHEMA").GetString();
                if (schema == "Transition.1")
                {
                    // A transition sits between two clips, takes no time, and fits in the clip after it.
                    Assert.Equal("Clip.2", items[i - 1].GetProperty("OTIO_SCHEMA").GetString());
                    Assert.Equal("Clip.2", items[i + 1].GetProperty("OTIO_SCHEMA").GetString());
                    Assert.Equal(0, Frames(item.GetProperty("in_offset")));
                    Assert.InRange(Frames(item.GetProperty("out_offset")), 1, Frames(items[i + 1].GetProperty("source_range").GetProperty("duration")));
                    continue;
                }
                var range = item.GetProperty("source_range");
                var duration = Frames(range.GetProperty("duration"));
                if (schema == "Clip.2")
                {
                    var url = item.GetProperty("media_references").GetProperty(item.GetProperty("active_media_reference_key").GetString()!).GetProperty("target_url").GetString()!;
                    clips.Add((at, at + duration, Frames(range.GetProperty("start_time")), url));
                }
                at += duration;
            }
            var expected = track.Segments.Select(s => (grid.Frame(s.StartMs), grid.Frame(s.EndMs), grid.Frame(s.InPointMs), InterchangeDrafts.Resolve(s.Src!).TargetUrl));
            Assert.Equal(expected, clips);
        }
        // Texts are markers on the stack at their segments' times.
        var markers = stack.GetProperty("markers").EnumerateArray()
            .Select(m => (m.GetProperty("name").GetString(), Frames(m.GetProperty("marked_range").GetProperty("start_time")), Frames(m.GetProperty("marked_range").GetProperty("duration"))));
        var texts = draft.Tracks.Where(t => t.Type == TrackType.Text).SelectMany(t => t.Segments)
            .Select(s => (s.Meta.Text, grid.Frame(s.StartMs), grid.Frame(s.EndMs) - grid.Frame(s.StartMs)));
        Assert.Equal(texts, markers);
    }

    private static long Frames(JsonElement time) => (long)time.GetProperty("value").GetDouble();

    private static void Walk(JsonElement e, string path, int fps, List<string> problems)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in e.EnumerateArray()) Walk(item, $"{path}[{i++}]", fps, problems);
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        if (e.TryGetProperty("OTIO_SCHEMA", out var schemaElement))
        {
            var schema = schemaElement.GetString()!;
            if (!Schemas.TryGetValue(schema, out var fields)) { problems.Add($"{path}: unknown schema {schema}"); return; }
            foreach (var (field, kinds) in fields)
            {
                if (!e.TryGetProperty(field, out var value)) problems.Add($"{path}: {schema} lacks {field}");
                else if (!kinds.Contains(value.ValueKind)) problems.Add($"{path}.{field}: {value.ValueKind} where {string.Join("/", kinds)} belongs");
            }
            if (schema == "RationalTime.1")
            {
                var rate = e.GetProperty("rate").GetDouble();
                var value = e.GetProperty("value").GetDouble();
                if (rate != fps) problems.Add($"{path}: rate {rate}, not the draft's {fps}");
                if (value != Math.Floor(value) || value < 0) problems.Add($"{path}: value {value} is not a whole frame");
                // OTIO's rates and values are doubles: written as 30.0, never 30.
                if (!e.GetProperty("rate").GetRawText().Contains('.')) problems.Add($"{path}: rate written as an integer");
            }
            if (schema == "TimeRange.1" && e.GetProperty("duration").GetProperty("value").GetDouble() <= 0 && !path.EndsWith("global_start_time", StringComparison.Ordinal))
                problems.Add($"{path}: an empty range");
            if (schema == "Clip.2" && !e.GetProperty("media_references").TryGetProperty(e.GetProperty("active_media_reference_key").GetString()!, out _))
                problems.Add($"{path}: the active media reference is missing");
        }
        else if (!path.Contains(".metadata", StringComparison.Ordinal) && !path.EndsWith(".media_references", StringComparison.Ordinal))
        {
            problems.Add($"{path}: an object without OTIO_SCHEMA");
        }
        foreach (var p in e.EnumerateObject())
        {
            if (p.Name == "metadata") continue;
            Walk(p.Value, $"{path}.{p.Name}", fps, problems);
        }
    }
}
