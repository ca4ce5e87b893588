using Cutroom.Contract.Errors;
using Cutroom.Timeline.Interchange.Otio;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Tests.Interchange;

/// <summary>Timelines an NLE wrote (no Cutroom metadata), and what a draft cannot hold.</summary>
[Trait("Tier", "Fast")]
public class OtioImportTests
{
    private static string T(double value, double rate = 24) => $$$"""{"OTIO_SCHEMA":"RationalTime.1","rate":{{{rate}}},"value":{{{value}}}}""";
    private static string R(double start, double duration, double rate = 24) => $$$"""{"OTIO_SCHEMA":"TimeRange.1","start_time":{{{T(start, rate)}}},"duration":{{{T(duration, rate)}}}}""";

    private static string Clip(string name, string url, double start, double duration, string effects = "", string availableStart = "null") => $$$"""
        {"OTIO_SCHEMA":"Clip.2","name":"{{{name}}}","metadata":{},"source_range":{{{R(start, duration)}}},"effects":[{{{effects}}}],"markers":[],"enabled":true,
         "media_references":{"DEFAULT_MEDIA":{"OTIO_SCHEMA":"ExternalReference.1","metadata":{},"name":"","target_url":"{{{url}}}",
           "available_range":{{{(availableStart == "null" ? "null" : R(double.Parse(availableStart), 100000))}}}}},
         "active_media_reference_key":"DEFAULT_MEDIA"}
        """;

    private static string Gap(double duration) => $$$"""{"OTIO_SCHEMA":"Gap.1","metadata":{},"name":"","source_range":{{{R(0, duration)}}},"effects":[],"markers":[],"enabled":true}""";

    private static string Timeline(params string[] tracks) => $$$"""
        {"OTIO_SCHEMA":"Timeline.1","name":"From Resolve","metadata":{},"global_start_time":{{{T(86400)}}},
         "tracks":{"OTIO_SCHEMA":"Stack.1","name":"tracks","metadata":{},"source_range":null,"effects":[],"markers":[],"enabled":true,"children":[{{{string.Join(",", tracks)}}}]}}
        """;

    private static string Track(string kind, params string[] items) => $$$"""
        {"OTIO_SCHEMA":"Track.1","name":"{{{kind}}} 1","kind":"{{{kind}}}","metadata":{},"source_range":null,"effects":[],"markers":[],"enabled":true,"children":[{{{string.Join(",", items)}}}]}
        """;

    [Fact]
    public void A_foreign_timeline_becomes_cuts_gaps_transitions_and_audio()
    {
        var dissolve = $$$"""{"OTIO_SCHEMA":"Transition.1","name":"Cross Dissolve","metadata":{},"transition_type":"SMPTE_Dissolve","in_offset":{{{T(6)}}},"out_offset":{{{T(6)}}}}""";
        var json = Timeline(
            Track("Video",
                Gap(12),
                Clip("A", "file:///media/a.mov", 86400 + 48, 72, availableStart: "86400"),
                dissolve,
                Clip("B", "file:///media/b%20b.mp4", 24, 48, """{"OTIO_SCHEMA":"LinearTimeWarp.1","name":"","metadata":{},"effect_name":"LinearTimeWarp","time_scalar":2.0}"""),
                Clip("Still", "file:///media/card.png", 0, 24)),
            Track("Audio", Clip("Music", "file:///media/song.wav", 0, 156)));
        var result = OtioImporter.Import(json);
        Assert.True(result.Draft is not null, string.Join("\n", result.Errors));
        var d = result.Draft!;
        Assert.Equal(24, d.Fps);
        Assert.Equal("From Resolve", d.Meta.Title);
        Assert.Equal([TrackType.Video, TrackType.Audio], d.Tracks.Select(t => t.Type));
        var v = d.Tracks[0].Segments;
        // 12 frames of gap at 24 fps = 500 ms; A is 72 frames = 3000 ms, its in-point 48 frames past the media's start = 2000 ms.
        Assert.Equal((500L, 3000L, 2000L, "/media/a.mov", "A"), (v[0].StartMs, v[0].DurationMs, v[0].InPointMs, v[0].Src, v[0].Meta.Label));
        Assert.Equal((3500L, 2000L, 1000L, 2.0, "/media/b b.mp4"), (v[1].StartMs, v[1].DurationMs, v[1].InPointMs, v[1].SpeedFactor, v[1].Src));
        Assert.Equal(("fade", 500L), (v[1].Meta.Transition!.Type, v[1].Meta.Transition!.DurationMs));
        Assert.Equal((5500L, 1000L, MediaKinds.Image), (v[2].StartMs, v[2].DurationMs, v[2].Meta.Kind));
        var a = Assert.Single(d.Tracks[1].Segments);
        Assert.Equal((0L, 6500L, MediaKinds.Audio, "Music"), (a.StartMs, a.DurationMs, a.Meta.Kind, a.Meta.Label));
        Assert.Equal(6500, d.DurationMs);
        Assert.Contains(result.Notes, n => n.Contains("before the cut", StringComparison.Ordinal));
        Assert.Equal("Video 1", d.Tracks[0].Meta.Name);
    }

    [Fact]
    public void What_a_draft_cannot_hold_is_reported_with_its_path()
    {
        var nested = """{"OTIO_SCHEMA":"Stack.1","name":"compound","metadata":{},"source_range":null,"effects":[],"markers":[],"enabled":true,"children":[]}""";
        var missing = """{"OTIO_SCHEMA":"Clip.2","name":"lost","metadata":{},"source_range":""" + R(0, 24) + ""","effects":[],"markers":[],"enabled":true,"media_references":{"DEFAULT_MEDIA":{"OTIO_SCHEMA":"MissingReference.1","metadata":{},"name":""}},"active_media_reference_key":"DEFAULT_MEDIA"}""";
        var freeze = Clip("held", "file:///m/x.mov", 0, 24, """{"OTIO_SCHEMA":"FreezeFrame.1","name":"","metadata":{},"effect_name":"FreezeFrame","time_scalar":0.0}""");
        var result = OtioImporter.Import(Timeline(Track("Video", Clip("ok", "x.mov", 0, 24), nested, missing, freeze)));
        Assert.Null(result.Draft);
        Assert.Contains(result.Errors, e => e is { Code: JobErrorCodes.NotApplicable, Field: "tracks.children[0].children[1]" });
        Assert.Contains(result.Errors, e => e is { Code: JobErrorCodes.NotApplicable, Field: "tracks.children[0].children[2]" });
        Assert.Contains(result.Errors, e => e.Code == JobErrorCodes.NotApplicable && e.Field.StartsWith("tracks.children[0].children[3].effects[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_speed_beyond_the_drafts_range_is_a_draft_error()
    {
        var fast = Clip("fast", "x.mov", 0, 24, """{"OTIO_SCHEMA":"LinearTimeWarp.1","name":"","metadata":{},"effect_name":"LinearTimeWarp","time_scalar":10.0}""");
        var result = OtioImporter.Import(Timeline(Track("Video", fast)));
        Assert.Null(result.Draft);
        var e = Assert.Single(result.Errors);
        Assert.Equal((JobErrorCodes.OutOfRange, "t[0].sg[0].sp"), (e.Code, e.Field));
    }

    [Theory]
    [InlineData("{not json", JobErrorCodes.InvalidJson, "$")]
    [InlineData("""{"OTIO_SCHEMA":"Clip.2"}""", JobErrorCodes.UnknownValue, "OTIO_SCHEMA")]
    [InlineData("""{"OTIO_SCHEMA":"Timeline.1","tracks":null}""", JobErrorCodes.Required, "tracks")]
    public void Not_a_timeline_is_a_coded_error(string json, string code, string field)
    {
        var e = Assert.Single(OtioImporter.Import(json).Errors);
        Assert.Equal((code, field), (e.Code, e.Field));
    }

    [Fact]
    public void A_track_of_another_kind_and_a_clip_without_range_are_errors()
    {
        var noRange = """{"OTIO_SCHEMA":"Clip.2","name":"x","metadata":{},"source_range":null,"effects":[],"markers":[],"enabled":true,"media_references":{"DEFAULT_MEDIA":{"OTIO_SCHEMA":"ExternalReference.1","metadata":{},"name":"","target_url":"x.mov","available_range":null}},"active_media_reference_key":"DEFAULT_MEDIA"}""";
        var result = OtioImporter.Import(Timeline(Track("Data"), Track("Video", noRange)));
        Assert.Contains(result.Errors, e => e is { Code: JobErrorCodes.UnknownValue, Field: "tracks.children[0].kind" });
        Assert.Contains(result.Errors, e => e is { Code: JobErrorCodes.Required, Field: "tracks.children[1].children[0].source_range" });
    }
}
