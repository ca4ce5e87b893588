using System.Text.Json;
using Cutroom.Timeline.Edits;
using Cutroom.Timeline.Json;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Tests;

[Trait("Tier", "Fast")]
public class DraftJsonTests
{
    [Fact]
    public void The_contract_example_reads_into_typed_values()
    {
        var d = TestDrafts.Example();
        Assert.Equal((1, 1920, 1080, 30, 10000L), (d.Version, d.Width, d.Height, d.Fps, d.DurationMs));
        Assert.Equal(("Urban Dreams", "16:9"), (d.Meta.Title, d.Meta.Aspect));
        Assert.Equal([TrackType.Video, TrackType.Audio, TrackType.Text], d.Tracks.Select(t => t.Type));
        var video = d.Tracks[0].Segments[0];
        Assert.Equal(("med_abc", 0L, 10000L, 5000L, 1.0, 1.0), (video.Src, video.StartMs, video.DurationMs, video.InPointMs, video.SpeedFactor, video.VolumeFactor));
        Assert.Equal(("city timelapse", "cover", 0L, 500L), (video.Meta.Label, video.Meta.Fit, video.Meta.FadeInMs, video.Meta.FadeOutMs));
        Assert.Equal(15000, video.OutPointMs);
        Assert.Equal(0.35, d.Tracks[1].Segments[0].Volume);
        var text = d.Tracks[2].Segments[0].Meta;
        Assert.Equal(("Urban Dreams", "center", 96.0, "#FFFFFF"), (text.Text, text.Position, text.Size, text.Color));
    }

    [Fact]
    public void The_contract_example_round_trips_to_the_same_JSON_values()
    {
        var written = DraftJson.Serialize(TestDrafts.Example());
        using var original = JsonDocument.Parse(TestDrafts.ContractExample);
        using var back = JsonDocument.Parse(written);
        Assert.True(JsonElement.DeepEquals(original.RootElement, back.RootElement), written);
    }

    [Fact]
    public void Writing_what_was_read_is_byte_stable()
    {
        var once = DraftJson.Serialize(TestDrafts.Example());
        var twice = DraftJson.Serialize(TestDrafts.Parse(once));
        Assert.Equal(once, twice);
    }

    [Fact]
    public void Unknown_keys_survive_at_every_level()
    {
        var json = TestDrafts.ContractExample;
        foreach (var (path, value) in new[]
        {
            ("future", """{"a":[1,2,{"b":null}]}"""),
            ("m.theme", "\"dark\""),
            ("t[0].locked", "true"),
            ("t[0].m.color", "\"#123456\""),
            ("t[0].sg[0].effects", """[{"name":"grain","amount":0.3}]"""),
            ("t[0].sg[0].m.lut", "\"teal-orange\""),
            ("t[0].sg[0].m.tr", """{"type":"fade","d":300,"easing":"cubic"}"""),
            ("t[2].sg[0].m.font", "\"Noto Sans\""),
        })
        {
            json = TestDrafts.Mutate(json, path, value);
        }
        var draft = TestDrafts.Parse(json);
        Assert.Equal("dark", draft.Meta.Extra.Single().Value.GetString());
        Assert.Equal("teal-orange", draft.Tracks[0].Segments[0].Meta.Extra.Single().Value.GetString());
        Assert.Equal(draft.Tracks[0].Segments[0].Meta, TestDrafts.Parse(json).Tracks[0].Segments[0].Meta);
        Assert.NotEqual(draft.Tracks[0].Segments[0].Meta, TestDrafts.Example().Tracks[0].Segments[0].Meta);

        using var original = JsonDocument.Parse(json);
        using var back = JsonDocument.Parse(DraftJson.Serialize(draft));
        Assert.True(JsonElement.DeepEquals(original.RootElement, back.RootElement));
    }

    [Fact]
    public void Unknown_keys_survive_an_edit_of_their_segment()
    {
        var json = TestDrafts.Mutate(TestDrafts.ContractExample, "t[0].sg[0].effects", "[\"grain\"]");
        var edited = TestDrafts.Parse(json).SetFades("seg_1", 1000, null).Value;
        Assert.Contains("\"effects\":[\"grain\"]", DraftJson.Serialize(edited), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_type_error_is_reported_with_its_path()
    {
        var json = TestDrafts.Mutate(TestDrafts.ContractExample, "w", "\"1920\"");
        json = TestDrafts.Mutate(json, "t[0].sg[0].st", "1.5");
        json = TestDrafts.Mutate(json, "t[1].sg[0].vol", "\"loud\"");
        json = TestDrafts.Mutate(json, "t[2].sg[0].m", "[]");
        json = TestDrafts.Mutate(json, "t[1].tt", "\"audio\"");
        var result = DraftJson.Parse(json);
        Assert.False(result.Succeeded);
        Assert.Equal(
        [
            "w: must be an integer",
            "t[0].sg[0].st: must be an integer",
            "t[1].tt: must be an integer",
            "t[1].sg[0].vol: must be a number",
            "t[2].sg[0].m: must be an object",
        ], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Missing_required_keys_are_reported()
    {
        var json = TestDrafts.Mutate(TestDrafts.ContractExample, "fps", "REMOVE");
        json = TestDrafts.Mutate(json, "t[0].sg[0].d", "REMOVE");
        json = TestDrafts.Mutate(json, "t[2].tt", "REMOVE");
        var result = DraftJson.Parse(json);
        Assert.Equal(["fps: required", "t[0].sg[0].d: required", "t[2].tt: required"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Whole_numbers_written_with_a_decimal_point_are_accepted_as_ms()
    {
        var draft = TestDrafts.ExampleWith("t[0].sg[0].d", "10000.0");
        Assert.Equal(10000, draft.Tracks[0].Segments[0].DurationMs);
    }

    [Fact]
    public void A_duplicate_key_is_an_error()
    {
        var result = DraftJson.Parse("""{"w":1920,"w":1080,"h":1080,"fps":30,"t":[]}""");
        Assert.Equal("w: appears twice in this object", Assert.Single(result.Errors).ToString());
    }

    [Theory]
    [InlineData("{\"w\":")]
    [InlineData("not json")]
    [InlineData("")]
    public void Text_that_is_not_JSON_is_one_error_at_the_root(string text)
    {
        var error = Assert.Single(DraftJson.Parse(text).Errors);
        Assert.Equal(("invalid_json", "$"), (error.Code, error.Field));
    }

    [Fact]
    public void A_document_that_is_not_an_object_is_refused()
    {
        Assert.Equal("$: must be an object", Assert.Single(DraftJson.Parse("[1,2]").Errors).ToString());
    }

    [Fact]
    public void Parse_and_validate_reports_the_rules_too()
    {
        var json = TestDrafts.Mutate(TestDrafts.ContractExample, "t[0].sg[0].d", "0");
        var result = DraftJson.ParseAndValidate(json);
        Assert.Contains("t[0].sg[0].d: must be > 0", result.Errors.Select(e => e.ToString()));
        Assert.True(DraftJson.ParseAndValidate(TestDrafts.ContractExample).Succeeded);
    }

    [Fact]
    public void Text_with_quotes_backslashes_newlines_and_CJK_round_trips_exactly()
    {
        const string text = "He said: \"50% off\" \\ 中文 标题\nline two 🎬";
        var draft = TestDrafts.Example().EditText("seg_3", new() { Text = text }).Value;
        var back = TestDrafts.Parse(DraftJson.Serialize(draft));
        Assert.Equal(text, back.Seg("seg_3").Meta.Text);
    }
}
