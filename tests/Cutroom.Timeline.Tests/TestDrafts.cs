using System.Text.Json.Nodes;
using Cutroom.Timeline.Edits;
using Cutroom.Timeline.Json;
using Cutroom.Timeline.Model;
using Cutroom.Timeline.Validation;

namespace Cutroom.Timeline.Tests;

/// <summary>The drafts the tests share: the contract's example (verbatim from api-contract.md §6) and a small slideshow built by edits.</summary>
internal static class TestDrafts
{
    public const string ContractExample = """
        {
          "v": 1, "w": 1920, "h": 1080, "fps": 30, "d": 10000,
          "m": {"title": "Urban Dreams", "aspect": "16:9"},
          "t": [
            {"id": "trk_1", "tt": 0, "m": {"name": "Video"}, "sg": [
              {"id": "seg_1", "src": "med_abc", "st": 0, "d": 10000, "so": 5000, "sp": 1.0, "vol": 1.0,
               "m": {"label": "city timelapse", "fit": "cover", "fi": 0, "fo": 500}}]},
            {"id": "trk_2", "tt": 1, "m": {"name": "BGM"}, "sg": [
              {"id": "seg_2", "src": "med_music", "st": 0, "d": 10000, "so": 0, "vol": 0.35, "m": {"label": "Lo-fi", "fo": 2000}}]},
            {"id": "trk_3", "tt": 7, "m": {"name": "Title"}, "sg": [
              {"id": "seg_3", "st": 0, "d": 3000, "m": {"text": "Urban Dreams", "pos": "center", "size": 96, "color": "#FFFFFF"}}]}
          ]
        }
        """;

    public static readonly MediaItem Photo1 = new("med_p1", MediaKind.Image, null, "beach.jpg");
    public static readonly MediaItem Photo2 = new("med_p2", MediaKind.Image, null, "dunes.jpg");
    public static readonly MediaItem Clip = new("med_clip", MediaKind.Video, 8000, "surf.mp4");
    public static readonly MediaItem Song = new("med_song", MediaKind.Audio, 60000, "Lo-fi");

    public static Draft Example() => Parse(ContractExample);

    public static Draft Parse(string json)
    {
        var parsed = DraftJson.Parse(json);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Errors));
        return parsed.Draft!;
    }

    /// <summary>photo 0-3 s, photo 3-6 s, clip 6-14 s on one video track; nothing else.</summary>
    public static Draft Slideshow() => Draft.Create()
        .AddClip(Photo1).Then(d => d.AddClip(Photo2)).Then(d => d.AddClip(Clip)).Value;

    /// <summary>The example with one JSON value replaced (path like <c>t[0].sg[0].d</c>), then parsed.</summary>
    public static Draft ExampleWith(string path, string valueJson) => Parse(Mutate(ContractExample, path, valueJson));

    public static string Mutate(string json, string path, string valueJson)
    {
        var root = JsonNode.Parse(json)!;
        var parts = path.Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        JsonNode node = root;
        for (var i = 0; i < parts.Length - 1; i++) node = Step(node, parts[i]) ?? throw new InvalidOperationException(path);
        var last = parts[^1];
        var value = valueJson == "REMOVE" ? null : JsonNode.Parse(valueJson);
        if (last.StartsWith('[') && int.Parse(last[1..^1]) == node.AsArray().Count) node.AsArray().Add(value);
        else if (last.StartsWith('[')) node.AsArray()[int.Parse(last[1..^1])] = value;
        else if (valueJson == "REMOVE") node.AsObject().Remove(last);
        else node.AsObject()[last] = value;
        return root.ToJsonString();
    }

    private static JsonNode? Step(JsonNode node, string part) =>
        part.StartsWith('[') ? node.AsArray()[int.Parse(part[1..^1])] : node.AsObject()[part] ??= new JsonObject();

    public static IReadOnlyList<string> Errors(Draft draft) => [.. DraftValidator.Validate(draft).Select(e => e.ToString())];

    public static Segment Seg(this Draft draft, string id) => draft.AllSegments().Single(x => x.Segment.Id == id).Segment;

    public static Track TrackOf(this Draft draft, string segmentId) => draft.AllSegments().Single(x => x.Segment.Id == segmentId).Track;

    /// <summary>(id, start, duration) of each segment of track <paramref name="index"/>, in order.</summary>
    public static IReadOnlyList<(string, long, long)> Layout(this Draft draft, int index) =>
        [.. draft.Tracks[index].Segments.Select(s => (s.Id, s.StartMs, s.DurationMs))];
}
