using Cutroom.Contract.Errors;
using Cutroom.Timeline.Interchange;
using Cutroom.Timeline.Interchange.Otio;
using Cutroom.Timeline.Json;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Tests.Interchange;

[Trait("Tier", "Fast")]
public class OtioRoundTripTests
{
    private static Draft RoundTrip(Draft draft)
    {
        var otio = TimelineExporter.Export(draft, TimelineFormat.Otio, InterchangeDrafts.Resolve);
        var back = OtioImporter.Import(otio.Text);
        Assert.True(back.Draft is not null, string.Join("\n", back.Errors));
        return back.Draft!;
    }

    [Theory]
    [InlineData(24)]
    [InlineData(25)]
    [InlineData(30)]
    [InlineData(60)]
    public void Draft_to_otio_to_draft_keeps_every_cut_to_the_frame(int fps)
    {
        var draft = InterchangeDrafts.Draft(fps);
        var back = RoundTrip(draft);
        var grid = new FrameGrid(fps);

        Assert.Equal(fps, back.Fps);
        Assert.Equal(draft.Tracks.Select(t => (t.Id, t.Type)), back.Tracks.Select(t => (t.Id, t.Type)));
        foreach (var (track, segment) in draft.AllSegments())
        {
            var copy = back.Tracks.Single(t => t.Id == track.Id).Segments.Single(s => s.Id == segment.Id);
            Assert.Equal(grid.Frame(segment.StartMs), grid.Frame(copy.StartMs));
            Assert.Equal(grid.Frame(segment.EndMs), grid.Frame(copy.EndMs));
            Assert.Equal(grid.Frame(segment.InPointMs), grid.Frame(copy.InPointMs));
            Assert.Equal(segment.Src, copy.Src);
            Assert.Equal(segment.SpeedFactor, copy.SpeedFactor, 6);
            Assert.Equal(segment.Volume, copy.Volume);
            Assert.Equal(segment.Meta.Transition?.Type, copy.Meta.Transition?.Type);
            if (segment.Meta.Transition is { } tr)
                Assert.Equal(grid.Frame(segment.StartMs + tr.DurationMs) - grid.Frame(segment.StartMs), grid.Frame(copy.StartMs + copy.Meta.Transition!.DurationMs) - grid.Frame(copy.StartMs));
            // Everything but the times and the transition comes back as it was.
            Assert.Equal(segment.Meta with { Transition = null }, copy.Meta with { Transition = null });
        }
        Assert.Equal(draft.Meta, back.Meta);
        Assert.Equal(grid.Frame(draft.DurationMs), grid.Frame(back.DurationMs));
    }

    [Fact]
    public void A_second_round_trip_changes_nothing()
    {
        var once = RoundTrip(InterchangeDrafts.Draft());
        var twice = RoundTrip(once);
        Assert.Equal(DraftJson.Serialize(once), DraftJson.Serialize(twice));
    }

    [Fact]
    public void Cuts_on_the_frame_grid_come_back_to_the_millisecond()
    {
        // 40 ms frames at 25 fps: every time below is on the grid, so nothing rounds.
        var draft = TestDrafts.Parse("""
            {"v":1,"w":1280,"h":720,"fps":25,"t":[{"id":"v","tt":0,"sg":[
              {"id":"a","src":"x.mp4","st":0,"d":1040,"so":2000},
              {"id":"b","src":"y.mp4","st":1040,"d":2000,"so":120,"m":{"tr":{"type":"fade","d":400}}},
              {"id":"c","src":"x.mp4","st":3600,"d":480}]}]}
            """).WithDerivedDuration();
        var back = RoundTrip(draft);
        Assert.Equal(DraftJson.Serialize(draft), DraftJson.Serialize(back));
    }

    [Fact]
    public void A_transition_or_segment_shorter_than_a_frame_is_listed_as_lost()
    {
        var draft = TestDrafts.Parse("""
            {"v":1,"w":1280,"h":720,"fps":30,"t":[{"id":"v","tt":0,"sg":[
              {"id":"a","src":"x.mp4","st":0,"d":1000},
              {"id":"b","src":"y.mp4","st":1000,"d":1000,"m":{"tr":{"type":"fade","d":10}}},
              {"id":"c","src":"y.mp4","st":2000,"d":10}]}]}
            """).WithDerivedDuration();
        var export = TimelineExporter.Export(draft, TimelineFormat.Otio);
        Assert.Equal(["t[0].sg[1].m.tr: shorter than one frame at 30 fps, exported as a cut", "t[0].sg[2]: shorter than one frame at 30 fps, left out"], export.Losses);
        Assert.DoesNotContain("Transition.1", export.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_draft_round_trips()
    {
        var back = RoundTrip(Draft.Create(1080, 1920, 30));
        Assert.Empty(back.Tracks);
        Assert.Equal((1080, 1920, 30), (back.Width, back.Height, back.Fps));
    }

    [Fact]
    public void An_invalid_draft_is_not_exported()
    {
        var draft = TestDrafts.ExampleWith("t[0].sg[0].d", "0");
        var e = Assert.Throws<JobInputException>(() => TimelineExporter.Export(draft, TimelineFormat.Otio));
        Assert.Contains(e.Errors, x => x.Code == JobErrorCodes.OutOfRange && x.Field == "t[0].sg[0].d");
    }
}
