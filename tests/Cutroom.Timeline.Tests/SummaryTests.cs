using Cutroom.Timeline.Edits;
using Cutroom.Timeline.Model;
using Cutroom.Timeline.Summary;
using static Cutroom.Timeline.Tests.TestDrafts;

namespace Cutroom.Timeline.Tests;

[Trait("Tier", "Fast")]
public class SummaryTests
{
    [Fact]
    public void The_contract_example_summarises_exactly_as_the_contract_prints_it()
    {
        Assert.Equal(
            "Timeline (3 tracks): 1. Video: city timelapse (0-10s) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: \"Urban Dreams\" (0-3s)",
            TimelineSummary.Of(Example()));
    }

    [Fact]
    public void Several_segments_are_listed_in_time_order_with_fractional_seconds()
    {
        var d = Slideshow().CutSegment("seg_1", 0, 1500).Value;
        Assert.Equal("Timeline (1 track): 1. Video: beach.jpg (0-1.5s), dunes.jpg (1.5-4.5s), surf.mp4 (4.5-12.5s)", TimelineSummary.Of(d));
    }

    [Fact]
    public void Labels_fall_back_to_the_media_name_then_the_media_id_and_names_to_the_track_type()
    {
        var d = Draft.Create() with
        {
            Tracks =
            [
                new Track { Id = "a", Type = TrackType.Video, Segments = [new Segment { Id = "s1", Src = "med_1", DurationMs = 1234 }, new Segment { Id = "s2", Src = "med_2", StartMs = 1234, DurationMs = 1000 }] },
                new Track { Id = "b", Type = TrackType.Audio, Meta = new TrackMeta { Role = TrackRoles.Music }, Segments = [new Segment { Id = "s3", Src = "med_3", DurationMs = 2234 }] },
                new Track { Id = "c", Type = TrackType.Text },
            ],
        };
        Assert.Equal(
            "Timeline (3 tracks): 1. Video: intro.mp4 (0-1.234s), med_2 (1.234-2.234s) 2. BGM: med_3 (0-2.234s, 100%) 3. Text: empty",
            TimelineSummary.Of(d, id => id == "med_1" ? "intro.mp4" : null));
    }

    [Fact]
    public void Muted_faster_clips_and_long_texts_are_summarised_briefly()
    {
        var d = Example().Mute("seg_1").Then(x => x.SetSpeed("seg_1", 2))
            .Then(x => x.EditText("seg_3", new TextChange { Text = "A very long title that goes on\nand on past forty characters" })).Value;
        Assert.Equal(
            "Timeline (3 tracks): 1. Video: city timelapse (0-5s, 2x, muted) 2. BGM: Lo-fi (0-10s, 35%) 3. Title: \"A very long title that goes on and on p…\" (0-3s)",
            TimelineSummary.Of(d));
    }

    [Fact]
    public void Long_tracks_list_five_items_and_count_the_rest()
    {
        var d = Draft.Create();
        for (var i = 0; i < 7; i++) d = d.AddClip(Photo1, durationMs: 1000).Value;
        Assert.EndsWith("beach.jpg (4-5s), … +2 more", TimelineSummary.Of(d), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_draft_says_so()
    {
        Assert.Equal("Timeline (0 tracks): empty", TimelineSummary.Of(Draft.Create()));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(10000, "10")]
    [InlineData(1500, "1.5")]
    [InlineData(1234, "1.234")]
    [InlineData(100, "0.1")]
    public void Seconds_print_without_trailing_zeros(long ms, string expected)
    {
        Assert.Equal(expected, TimelineSummary.Seconds(ms));
    }
}
