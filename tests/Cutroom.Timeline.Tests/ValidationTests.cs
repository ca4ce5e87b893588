using Cutroom.Timeline.Model;
using Cutroom.Timeline.Validation;

namespace Cutroom.Timeline.Tests;

[Trait("Tier", "Fast")]
public class ValidationTests
{
    [Fact]
    public void The_contract_example_is_valid()
    {
        Assert.Empty(DraftValidator.Validate(TestDrafts.Example()));
    }

    [Theory]
    // canvas
    [InlineData("v", "2", "v: must be 1 (the only draft version)")]
    [InlineData("w", "1279", "w: must be even (got 1279)")]
    [InlineData("w", "0", "w: must be > 0")]
    [InlineData("h", "-2", "h: must be > 0")]
    [InlineData("w", "2560", "w: must be at most 1920 (the long side; got 2560)")]
    [InlineData("h", "1440", "h: must be at most 1080 (the short side; got 1440)")]
    [InlineData("fps", "0", "fps: must be between 1 and 60")]
    [InlineData("fps", "61", "fps: must be between 1 and 60")]
    [InlineData("d", "-1", "d: must be >= 0")]
    [InlineData("m.aspect", "\"wide\"", "m.aspect: must look like 16:9 (got \"wide\")")]
    [InlineData("m.bg", "\"black\"", "m.bg: must be a colour #RRGGBB or #RRGGBBAA (got \"black\")")]
    // tracks and ids
    [InlineData("t[1].tt", "3", "t[1].tt: unknown track type 3 (0 video, 1 audio, 7 text)")]
    [InlineData("t[1].m.role", "\"sfx\"", "t[1].m.role: must be one of music, voice (got \"sfx\")")]
    [InlineData("t[1].id", "\"trk_1\"", "t[1].id: duplicate id \"trk_1\" (first used at t[0].id)")]
    [InlineData("t[2].sg[0].id", "\"seg_1\"", "t[2].sg[0].id: duplicate id \"seg_1\" (first used at t[0].sg[0].id)")]
    [InlineData("t[2].sg[0].id", "\"trk_2\"", "t[2].sg[0].id: duplicate id \"trk_2\" (first used at t[1].id)")]
    [InlineData("t[0].id", "\"trk 1\"", "t[0].id: must be 1-64 of A-Z a-z 0-9 _ -")]
    [InlineData("t[0].sg[0].id", "\"seg/1\"", "t[0].sg[0].id: must be 1-64 of A-Z a-z 0-9 _ -")]
    [InlineData("t[0].sg[0].id", "\"\"", "t[0].sg[0].id: required")]
    // segment timing, source, speed, volume
    [InlineData("t[0].sg[0].d", "0", "t[0].sg[0].d: must be > 0")]
    [InlineData("t[0].sg[0].st", "-1", "t[0].sg[0].st: must be >= 0")]
    [InlineData("t[0].sg[0].st", "21600000", "t[0].sg[0].d: the segment must end by 21600000 ms (6 h)")]
    [InlineData("t[0].sg[0].so", "-5", "t[0].sg[0].so: must be >= 0")]
    [InlineData("t[0].sg[0].src", "REMOVE", "t[0].sg[0].src: required on video and audio segments (a media id)")]
    [InlineData("t[1].sg[0].src", "\" \"", "t[1].sg[0].src: required on video and audio segments (a media id)")]
    [InlineData("t[0].sg[0].sp", "5", "t[0].sg[0].sp: must be between 0.25 and 4")]
    [InlineData("t[0].sg[0].sp", "0.2", "t[0].sg[0].sp: must be between 0.25 and 4")]
    [InlineData("t[1].sg[0].vol", "2.5", "t[1].sg[0].vol: must be between 0 and 2")]
    [InlineData("t[1].sg[0].vol", "-0.1", "t[1].sg[0].vol: must be between 0 and 2")]
    // fades
    [InlineData("t[0].sg[0].m.fi", "-1", "t[0].sg[0].m.fi: must be >= 0")]
    [InlineData("t[0].sg[0].m.fi", "10001", "t[0].sg[0].m.fi: fade-in (10001 ms) must not be longer than the segment (d = 10000 ms)")]
    [InlineData("t[0].sg[0].m.fo", "20000", "t[0].sg[0].m.fo: fade-out (20000 ms) must not be longer than the segment (d = 10000 ms)")]
    [InlineData("t[0].sg[0].m.fi", "9600", "t[0].sg[0].m.fo: fade-in + fade-out (10100 ms) must not be longer than the segment (d = 10000 ms)")]
    // metadata values
    [InlineData("t[0].sg[0].m.fit", "\"stretch\"", "t[0].sg[0].m.fit: must be one of contain, cover, blur (got \"stretch\")")]
    [InlineData("t[0].sg[0].m.kind", "\"gif\"", "t[0].sg[0].m.kind: must be one of video, image, audio (got \"gif\")")]
    [InlineData("t[0].sg[0].m.motion", "\"spin\"", "t[0].sg[0].m.motion: must be one of none, zoom-in, zoom-out, pan-left, pan-right, pan-up, pan-down (got \"spin\")")]
    [InlineData("t[0].sg[0].m.opacity", "1.5", "t[0].sg[0].m.opacity: must be between 0 and 1")]
    [InlineData("t[0].sg[0].m.scale", "0", "t[0].sg[0].m.scale: must be > 0 and at most 1 (a fraction of the canvas width)")]
    [InlineData("t[0].sg[0].m.margin", "-4", "t[0].sg[0].m.margin: must be between 0 and 1080")]
    // text
    [InlineData("t[2].sg[0].m.text", "REMOVE", "t[2].sg[0].m.text: required on text segments")]
    [InlineData("t[2].sg[0].m.text", "\"  \"", "t[2].sg[0].m.text: required on text segments")]
    [InlineData("t[2].sg[0].m.pos", "\"left\"", "t[2].sg[0].m.pos: must be one of top, center, bottom, top-left, top-right, bottom-left, bottom-right (got \"left\")")]
    [InlineData("t[2].sg[0].m.x", "1.5", "t[2].sg[0].m.x: must be between 0 and 1")]
    [InlineData("t[2].sg[0].m.y", "-0.5", "t[2].sg[0].m.y: must be between 0 and 1")]
    [InlineData("t[2].sg[0].m.size", "0", "t[2].sg[0].m.size: must be > 0 and at most 1080 px")]
    [InlineData("t[2].sg[0].m.color", "\"white\"", "t[2].sg[0].m.color: must be a colour #RRGGBB or #RRGGBBAA (got \"white\")")]
    [InlineData("t[2].sg[0].m.box", "\"#12345\"", "t[2].sg[0].m.box: must be a colour #RRGGBB or #RRGGBBAA (got \"#12345\")")]
    [InlineData("t[2].sg[0].m.outline", "60", "t[2].sg[0].m.outline: must be between 0 and 50")]
    // transitions
    [InlineData("t[0].sg[0].m.tr", """{"type":"fade","d":300}""", "t[0].sg[0].m.tr: needs a segment on the same track that ends where this one starts (0 ms)")]
    public void Each_rule_reports_its_exact_path(string path, string value, string expected)
    {
        Assert.Equal([expected], TestDrafts.Errors(TestDrafts.ExampleWith(path, value)));
    }

    [Fact]
    public void Text_longer_than_1000_characters_is_refused()
    {
        var draft = TestDrafts.ExampleWith("t[2].sg[0].m.text", $"\"{new string('a', 1001)}\"");
        Assert.Equal(["t[2].sg[0].m.text: must be at most 1000 characters"], TestDrafts.Errors(draft));
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1080, 1920)]
    [InlineData(1080, 1080)]
    [InlineData(1080, 1350)]
    [InlineData(640, 360)]
    [InlineData(2, 2)]
    public void Canvases_within_the_limits_are_valid(int w, int h)
    {
        Assert.Empty(TestDrafts.Errors(TestDrafts.Example() with { Width = w, Height = h }));
    }

    [Fact]
    public void Overlapping_segments_on_one_track_are_reported_on_the_later_one()
    {
        var draft = TestDrafts.ExampleWith("t[0].sg[1]", """{"id":"seg_4","src":"med_x","st":9000,"d":2000}""");
        Assert.Equal(["t[0].sg[1].st: overlaps t[0].sg[0] (0-10000 ms) on the same track"], TestDrafts.Errors(draft));
    }

    [Fact]
    public void Segments_that_touch_do_not_overlap()
    {
        var draft = TestDrafts.ExampleWith("t[0].sg[1]", """{"id":"seg_4","src":"med_x","st":10000,"d":2000}""");
        Assert.Empty(TestDrafts.Errors(draft));
    }

    [Fact]
    public void A_transition_between_adjacent_segments_checks_its_type_and_length()
    {
        var draft = TestDrafts.ExampleWith("t[0].sg[1]", """{"id":"seg_4","src":"med_x","st":10000,"d":2000,"m":{"tr":{"type":"spin","d":3000}}}""");
        Assert.Equal(
        [
            $"t[0].sg[1].m.tr.type: must be one of {string.Join(", ", TransitionTypes.All)} (got \"spin\")",
            "t[0].sg[1].m.tr.d: must not be longer than the segment (d = 2000 ms)",
        ], TestDrafts.Errors(draft));
        var ok = TestDrafts.ExampleWith("t[0].sg[1]", """{"id":"seg_4","src":"med_x","st":10000,"d":2000,"m":{"tr":{"type":"wipeleft","d":500}}}""");
        Assert.Empty(TestDrafts.Errors(ok));
    }

    [Fact]
    public void A_transition_of_zero_ms_is_refused()
    {
        var draft = TestDrafts.ExampleWith("t[0].sg[1]", """{"id":"seg_4","src":"med_x","st":10000,"d":2000,"m":{"tr":{"type":"fade","d":0}}}""");
        Assert.Equal(["t[0].sg[1].m.tr.d: must be > 0"], TestDrafts.Errors(draft));
    }

    [Fact]
    public void Every_error_is_returned_at_once()
    {
        var json = TestDrafts.Mutate(TestDrafts.ContractExample, "w", "1279");
        json = TestDrafts.Mutate(json, "fps", "120");
        json = TestDrafts.Mutate(json, "t[0].sg[0].sp", "8");
        json = TestDrafts.Mutate(json, "t[1].sg[0].vol", "3");
        json = TestDrafts.Mutate(json, "t[2].sg[0].d", "0");
        Assert.Equal(
        [
            "w: must be even (got 1279)",
            "fps: must be between 1 and 60",
            "t[0].sg[0].sp: must be between 0.25 and 4",
            "t[1].sg[0].vol: must be between 0 and 2",
            "t[2].sg[0].d: must be > 0",
        ], TestDrafts.Errors(TestDrafts.Parse(json)));
    }

    [Fact]
    public void Errors_carry_a_machine_code()
    {
        var error = Assert.Single(DraftValidator.Validate(TestDrafts.ExampleWith("t[1].tt", "5")));
        Assert.Equal(("unknown_track_type", "t[1].tt"), (error.Code, error.Field));
    }
}
