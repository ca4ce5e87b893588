using System.Text.Json;
using Cutroom.Timeline.Edits;
using Cutroom.Timeline.Json;
using Cutroom.Timeline.Model;
using Cutroom.Timeline.Schema;
using static Cutroom.Timeline.Tests.TestDrafts;

namespace Cutroom.Timeline.Tests;

[Trait("Tier", "Fast")]
public class SchemaTests
{
    /// <summary>The drafts the other tests use, plus the results of a chain of edits.</summary>
    public static TheoryData<string> TestDraftJson()
    {
        var built = Slideshow().SetTransition("crossfade", 500)
            .Then(d => d.SetMusic(Song, 0.35, 0, 2000))
            .Then(d => d.AddText(new TextSpec { Text = "He said: \"50% off\" \\ 中文 标题", Position = "bottom", Color = "yellow" }))
            .Then(d => d.SetAspect("9:16", "blur"))
            .Then(d => d.SplitSegment("seg_3", 8000))
            .Then(d => d.SetSpeed("seg_3", 1.5))
            .Then(d => d.SetDuration(20000)).Value;
        var overlay = Example() with { Tracks = Example().Tracks.Insert(1, new Track { Id = "trk_logo", Type = TrackType.Video, Meta = new TrackMeta { Name = "Logo" } }) };
        overlay = overlay.AddSegment("trk_logo", new Segment { Src = "med_logo", DurationMs = 10000, Meta = new SegmentMeta { Scale = 0.15, Position = "top-right", Margin = 40, Opacity = 0.8, Kind = "image" } }).Value;
        return new TheoryData<string>(ContractExample, DraftJson.Serialize(Slideshow()), DraftJson.Serialize(built), DraftJson.Serialize(overlay), DraftJson.Serialize(Draft.Create()));
    }

    [Theory]
    [MemberData(nameof(TestDraftJson))]
    public void Every_test_draft_satisfies_the_schema(string json)
    {
        using var schema = JsonDocument.Parse(DraftSchema.Json);
        using var draft = JsonDocument.Parse(json);
        Assert.Empty(MiniSchema.Check(schema.RootElement, schema.RootElement, draft.RootElement, "$"));
        Assert.Empty(TestDrafts.Errors(TestDrafts.Parse(json)));
    }

    [Theory]
    [InlineData("fps", "REMOVE", "$: missing fps")]
    [InlineData("t[0].sg[0].d", "REMOVE", "$.t[0].sg[0]: missing d")]
    [InlineData("t[0].sg[0].src", "REMOVE", "$.t[0].sg[0]: missing src")]
    [InlineData("t[2].sg[0].m.text", "REMOVE", "$.t[2].sg[0].m: missing text")]
    [InlineData("t[1].tt", "3", "$.t[1].tt: 3 not in enum")]
    [InlineData("t[0].sg[0].sp", "5", "$.t[0].sg[0].sp: above maximum")]
    [InlineData("t[0].sg[0].m.fit", "\"stretch\"", "$.t[0].sg[0].m.fit: \"stretch\" not in enum")]
    public void The_schema_rejects_what_the_validator_rejects(string path, string value, string expected)
    {
        using var schema = JsonDocument.Parse(DraftSchema.Json);
        using var draft = JsonDocument.Parse(Mutate(ContractExample, path, value));
        Assert.Contains(expected, MiniSchema.Check(schema.RootElement, schema.RootElement, draft.RootElement, "$"));
    }

    [Fact]
    public void The_schema_names_every_key_the_writer_knows()
    {
        using var schema = JsonDocument.Parse(DraftSchema.Json);
        var defs = schema.RootElement.GetProperty("$defs");
        string[] Keys(JsonElement e) => [.. e.GetProperty("properties").EnumerateObject().Select(p => p.Name)];
        Assert.Equal(["v", "w", "h", "fps", "d", "m", "t"], Keys(schema.RootElement));
        Assert.Equal(["id", "tt", "m", "sg"], Keys(defs.GetProperty("track")));
        Assert.Equal(["id", "src", "st", "d", "so", "sp", "vol", "m"], Keys(defs.GetProperty("segment")));
        Assert.Equal(["label", "kind", "fit", "fi", "fo", "tr", "loop", "motion", "text", "pos", "x", "y", "size", "color", "outline", "box", "opacity", "scale", "margin"], Keys(defs.GetProperty("segmentMeta")));
        Assert.Equal([.. TransitionTypes.All], defs.GetProperty("transition").GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
    }

    [Fact]
    public void The_examples_in_docs_draft_md_are_valid_and_satisfy_the_schema()
    {
        var md = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "../../../../../docs/draft.md"));
        var blocks = md.Split("```json\n")[1..].Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]).ToList();
        Assert.Equal(2, blocks.Count);
        using var schema = JsonDocument.Parse(DraftSchema.Json);
        foreach (var json in blocks)
        {
            using var draft = JsonDocument.Parse(json);
            Assert.Empty(MiniSchema.Check(schema.RootElement, schema.RootElement, draft.RootElement, "$"));
            Assert.Empty(TestDrafts.Errors(TestDrafts.Parse(json)));
        }
        Assert.Equal(JsonSerializer.Serialize(JsonDocument.Parse(ContractExample).RootElement), JsonSerializer.Serialize(JsonDocument.Parse(blocks[0]).RootElement));
    }

    [Fact]
    public void The_embedded_schema_is_the_one_in_docs()
    {
        var docs = Path.Combine(AppContext.BaseDirectory, "../../../../../docs/draft.schema.json");
        Assert.Equal(File.ReadAllText(docs), DraftSchema.Json);
    }
}

/// <summary>
/// A small structural JSON Schema check for the tests (no schema library restores here): $ref to
/// #/$defs, type, required, properties, items, enum, const, minimum, maximum, exclusiveMinimum,
/// allOf and if/then. Other keywords are ignored.
/// </summary>
internal static class MiniSchema
{
    public static List<string> Check(JsonElement root, JsonElement schema, JsonElement value, string path)
    {
        var errors = new List<string>();
        if (schema.TryGetProperty("$ref", out var r))
        {
            var name = r.GetString()!["#/$defs/".Length..];
            errors.AddRange(Check(root, root.GetProperty("$defs").GetProperty(name), value, path));
        }
        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type.GetString()!, value)) errors.Add($"{path}: not {type.GetString()}");
        if (schema.TryGetProperty("enum", out var en) && !en.EnumerateArray().Any(e => JsonElement.DeepEquals(e, value))) errors.Add($"{path}: {value.GetRawText()} not in enum");
        if (schema.TryGetProperty("const", out var c) && !JsonElement.DeepEquals(c, value)) errors.Add($"{path}: not {c.GetRawText()}");
        if (value.ValueKind == JsonValueKind.Number)
        {
            var v = value.GetDouble();
            if (schema.TryGetProperty("minimum", out var min) && v < min.GetDouble()) errors.Add($"{path}: below minimum");
            if (schema.TryGetProperty("maximum", out var max) && v > max.GetDouble()) errors.Add($"{path}: above maximum");
            if (schema.TryGetProperty("exclusiveMinimum", out var xmin) && v <= xmin.GetDouble()) errors.Add($"{path}: not above exclusiveMinimum");
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var req))
                errors.AddRange(req.EnumerateArray().Select(k => k.GetString()!).Where(k => !value.TryGetProperty(k, out _)).Select(k => $"{path}: missing {k}"));
            if (schema.TryGetProperty("properties", out var props))
            {
                foreach (var p in props.EnumerateObject())
                {
                    if (value.TryGetProperty(p.Name, out var child)) errors.AddRange(Check(root, p.Value, child, $"{path}.{p.Name}"));
                }
            }
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray()) errors.AddRange(Check(root, items, item, $"{path}[{i++}]"));
        }
        if (schema.TryGetProperty("allOf", out var all))
        {
            foreach (var sub in all.EnumerateArray()) errors.AddRange(Check(root, sub, value, path));
        }
        if (schema.TryGetProperty("if", out var cond) && Check(root, cond, value, path).Count == 0 && schema.TryGetProperty("then", out var then))
            errors.AddRange(Check(root, then, value, path));
        return errors;
    }

    private static bool TypeMatches(string type, JsonElement v) => type switch
    {
        "object" => v.ValueKind == JsonValueKind.Object,
        "array" => v.ValueKind == JsonValueKind.Array,
        "string" => v.ValueKind == JsonValueKind.String,
        "boolean" => v.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => v.ValueKind == JsonValueKind.Number,
        "integer" => v.ValueKind == JsonValueKind.Number && v.GetDouble() == Math.Floor(v.GetDouble()),
        _ => true,
    };
}
