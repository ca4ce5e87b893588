using System.Text.RegularExpressions;
using Cutroom.Timeline.Interchange;
using Cutroom.Timeline.Interchange.Edl;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Tests.Interchange;

/// <summary>The exported CMX 3600 EDL read back: each event's record in/out are its segment's frames.</summary>
[Trait("Tier", "Fast")]
public partial class EdlTests
{
    private sealed record Event(int Number, string Reel, string Channel, string Transition, long? Length, long SourceIn, long SourceOut, long RecordIn, long RecordOut)
    {
        public List<string> Comments { get; } = [];
    }

    [GeneratedRegex(@"^(\d{3})  (\S+)\s+(V|A|A2)\s+(C|D)\s+(\d{3})?\s*(\S+) (\S+) (\S+) (\S+)$")]
    private static partial Regex EventLine();

    private static List<Event> Parse(string edl, int fps)
    {
        var events = new List<Event>();
        foreach (var line in edl.Split('\n'))
        {
            var m = EventLine().Match(line);
            if (m.Success)
            {
                long Tc(int g) { Assert.True(Timecode.TryParse(m.Groups[g].Value, fps, out var f), m.Groups[g].Value); return f; }
                events.Add(new Event(int.Parse(m.Groups[1].Value), m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value,
                    m.Groups[5].Success ? long.Parse(m.Groups[5].Value) : null, Tc(6), Tc(7), Tc(8), Tc(9)));
            }
            else if (line.StartsWith('*') && events.Count > 0) events[^1].Comments.Add(line);
        }
        return events;
    }

    [Theory]
    [InlineData(25)]
    [InlineData(30)]
    [InlineData(60)]
    public void Each_events_record_times_are_its_segments_frames(int fps)
    {
        var draft = InterchangeDrafts.Draft(fps);
        var grid = new FrameGrid(fps);
        var text = TimelineExporter.Export(draft, TimelineFormat.Edl, InterchangeDrafts.Resolve).Text;
        Assert.StartsWith("TITLE: Harbour cut\nFCM: NON-DROP FRAME\n", text, StringComparison.Ordinal);
        var events = Parse(text, fps);
        // A dissolve is two lines of one event number; the clip is its last line.
        var clips = events.GroupBy(e => (e.Number, e.Channel)).Select(g => g.Last()).ToList();
        var channels = new[] { ("V", draft.Tracks[0]), ("A", draft.Tracks[3]), ("A2", draft.Tracks[4]) };
        foreach (var (channel, track) in channels)
        {
            var expected = track.Segments.Select(s => (grid.Frame(s.StartMs), grid.Frame(s.EndMs), s.IsStill ? 0 : grid.Frame(s.InPointMs),
                s.Meta.Transition is { } tr ? grid.Frame(s.StartMs + tr.DurationMs) - grid.Frame(s.StartMs) : (long?)null));
            var actual = clips.Where(e => e.Channel == channel).Select(e => (e.RecordIn, e.RecordOut, e.SourceIn, e.Length));
            Assert.Equal(expected, actual);
        }
        Assert.Equal(clips.Count, clips.Select(e => e.Number).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, clips.Count), clips.Select(e => e.Number));
        Assert.All(events, e => Assert.Equal("AX", e.Reel));

        // The speed-changed clip plays 1.5× its timeline frames of source, with an M2 line at 1.5× the rate.
        var fast = clips.Single(e => e.Transition == "C" && e.Comments.Contains("* FROM CLIP NAME: surf fast"));
        Assert.Equal((long)Math.Round((fast.RecordOut - fast.RecordIn) * 1.5, MidpointRounding.AwayFromZero), fast.SourceOut - fast.SourceIn);
        Assert.Contains($"M2   AX             {fps * 1.5:000.0}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dissolve_is_the_outgoing_source_at_its_out_point_then_the_incoming_clip()
    {
        var draft = InterchangeDrafts.Draft(30);
        var events = Parse(TimelineExporter.Export(draft, TimelineFormat.Edl, InterchangeDrafts.Resolve).Text, 30);
        var pair = events.Where(e => e.Number == 2).ToList();
        Assert.Equal(["C", "D"], pair.Select(e => e.Transition));
        // Outgoing: the still beach.jpg (0-3 s), zero length at the cut.
        Assert.Equal((90L, 90L, 90L, 90L), (pair[0].SourceIn, pair[0].SourceOut, pair[0].RecordIn, pair[0].RecordOut));
        Assert.Equal(15, pair[1].Length);
        Assert.Contains("* FROM CLIP NAME: beach.jpg", pair[1].Comments);
        Assert.Contains("* TO CLIP NAME: surf", pair[1].Comments);
        Assert.Contains("* SOURCE FILE: surf.mp4", pair[1].Comments);
    }

    [Fact]
    public void Tracks_an_edl_cannot_hold_are_listed_as_lost()
    {
        var export = TimelineExporter.Export(InterchangeDrafts.Draft(), TimelineFormat.Edl);
        Assert.Contains(export.Losses, l => l.StartsWith("t[1]:", StringComparison.Ordinal) && l.Contains("Logo", StringComparison.Ordinal));
        Assert.Contains(export.Losses, l => l.StartsWith("t[2]:", StringComparison.Ordinal));
        Assert.Contains(export.Losses, l => l.StartsWith("t[0].sg[3].m.tr.type", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 30, "00:00:00:00")]
    [InlineData(29, 30, "00:00:00:29")]
    [InlineData(30 * 3661 + 7, 30, "01:01:01:07")]
    [InlineData(59, 60, "00:00:00:59")]
    public void Timecodes_are_non_drop_frame(long frame, int fps, string expected)
    {
        Assert.Equal(expected, Timecode.Of(frame, fps));
        Assert.True(Timecode.TryParse(expected, fps, out var back));
        Assert.Equal(frame, back);
    }
}
