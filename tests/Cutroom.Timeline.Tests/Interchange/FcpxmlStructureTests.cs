using System.Xml;
using System.Xml.Linq;
using Cutroom.Contract.Time;
using Cutroom.Timeline.Interchange;
using Cutroom.Timeline.Interchange.Fcpxml;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Tests.Interchange;

/// <summary>
/// The exported FCPXML checked for structure with System.Xml (Debian ships no FCPXML DTD:
/// <c>apt-cache search fcpxml</c> finds nothing): every reference resolves, the spine's offsets
/// add up to the sequence, every time is a whole frame, and every clip and title sits at its
/// segment's frames.
/// </summary>
[Trait("Tier", "Fast")]
public class FcpxmlStructureTests
{
    private static XDocument Load(string xml)
    {
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static long Frames(string? time, int fps)
    {
        Assert.True(FcpxmlTime.TryParse(time, out var seconds), $"not an FCPXML time: {time}");
        var frames = new Rational(seconds.Num * fps, seconds.Den);
        Assert.True(frames.Den == 1, $"{time} is not a whole frame at {fps} fps");
        return frames.Num;
    }

    [Theory]
    [InlineData(24)]
    [InlineData(30)]
    public void References_resolve_and_the_spine_adds_up(int fps)
    {
        var draft = InterchangeDrafts.Draft(fps);
        var doc = Load(TimelineExporter.Export(draft, TimelineFormat.Fcpxml, InterchangeDrafts.Resolve).Text);
        var root = doc.Root!;
        Assert.Equal(("fcpxml", "1.10"), (root.Name.LocalName, (string?)root.Attribute("version")));
        var resources = root.Element("resources")!.Elements().ToList();
        var ids = root.Descendants().Where(e => e.Attribute("id") is not null).Select(e => (string)e.Attribute("id")!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var e in root.Descendants())
        {
            foreach (var attribute in new[] { "ref", "format" })
                if (e.Attribute(attribute) is { } a) Assert.Contains(a.Value, ids);
        }
        var format = resources.Single(r => r.Name == "format");
        Assert.Equal(1, Frames((string?)format.Attribute("frameDuration"), fps));
        Assert.Equal(("1920", "1080"), ((string?)format.Attribute("width"), (string?)format.Attribute("height")));
        foreach (var asset in resources.Where(r => r.Name == "asset"))
            Assert.False(string.IsNullOrEmpty((string?)asset.Element("media-rep")?.Attribute("src")));

        var sequence = root.Descendants("sequence").Single();
        var total = Frames((string?)sequence.Attribute("duration"), fps);
        Assert.Equal(new FrameGrid(fps).Frame(draft.DurationMs), total);
        var spine = sequence.Element("spine")!.Elements().ToList();
        long at = 0;
        for (var i = 0; i < spine.Count; i++)
        {
            var e = spine[i];
            var offset = Frames((string?)e.Attribute("offset"), fps);
            var duration = Frames((string?)e.Attribute("duration"), fps);
            if (e.Name == "transition")
            {
                // Between two clips, within the clip after it.
                Assert.Equal("asset-clip", spine[i - 1].Name.LocalName);
                Assert.Equal("asset-clip", spine[i + 1].Name.LocalName);
                Assert.Equal(at, offset);
                Assert.InRange(duration, 1, Frames((string?)spine[i + 1].Attribute("duration"), fps));
                continue;
            }
            Assert.Equal(at, offset);
            at += duration;
        }
        Assert.Equal(total, at);
    }

    [Fact]
    public void Every_clip_and_title_sits_at_its_segments_frames()
    {
        var draft = InterchangeDrafts.Draft();
        var grid = new FrameGrid(draft.Fps);
        var doc = Load(TimelineExporter.Export(draft, TimelineFormat.Fcpxml, InterchangeDrafts.Resolve).Text);
        var assets = doc.Root!.Element("resources")!.Elements("asset")
            .ToDictionary(a => (string)a.Attribute("id")!, a => (string)a.Element("media-rep")!.Attribute("src")!);
        var spine = doc.Descendants("spine").Single();

        // The spine's clips are the first video track's segments.
        var main = spine.Elements("asset-clip").Select(c => (Frames((string?)c.Attribute("offset"), 30), Frames((string?)c.Attribute("duration"), 30), Frames((string?)c.Attribute("start"), 30), assets[(string)c.Attribute("ref")!]));
        var expectedMain = draft.Tracks[0].Segments.Select(s => (grid.Frame(s.StartMs), grid.Frame(s.EndMs) - grid.Frame(s.StartMs), s.IsStill ? 0 : grid.Frame(s.InPointMs), InterchangeDrafts.Resolve(s.Src!).TargetUrl.Replace(" ", "%20", StringComparison.Ordinal)));
        Assert.Equal(expectedMain, main);

        // Connected items: their time on the timeline is the parent's offset plus their offset in the parent's own time.
        var connected = new List<(int Lane, long Start, long Duration, string What)>();
        foreach (var parent in spine.Elements().Where(e => e.Name != "transition"))
        {
            var parentOffset = Frames((string?)parent.Attribute("offset"), 30);
            var parentStart = Frames((string?)parent.Attribute("start"), 30);
            foreach (var child in parent.Elements().Where(e => e.Attribute("lane") is not null))
            {
                var start = parentOffset + Frames((string?)child.Attribute("offset"), 30) - parentStart;
                var what = child.Name == "title" ? child.Element("text")!.Value : assets[(string)child.Attribute("ref")!];
                connected.Add(((int)child.Attribute("lane")!, start, Frames((string?)child.Attribute("duration"), 30), what));
            }
        }
        var expected = new List<(int, long, long, string)>();
        var lane = 1;
        foreach (var t in draft.Tracks.Where(t => t.Type == TrackType.Video).Skip(1).Concat(draft.Tracks.Where(t => t.Type == TrackType.Text)))
        {
            foreach (var s in t.Segments)
                expected.Add((lane, grid.Frame(s.StartMs), grid.Frame(s.EndMs) - grid.Frame(s.StartMs), t.Type == TrackType.Text ? s.Meta.Text! : InterchangeDrafts.Resolve(s.Src!).TargetUrl));
            lane++;
        }
        lane = -1;
        foreach (var t in draft.Tracks.Where(t => t.Type == TrackType.Audio))
        {
            foreach (var s in t.Segments)
                expected.Add((lane, grid.Frame(s.StartMs), grid.Frame(s.EndMs) - grid.Frame(s.StartMs), InterchangeDrafts.Resolve(s.Src!).TargetUrl));
            lane--;
        }
        Assert.Equal(expected.OrderBy(e => e.Item1).ThenBy(e => e.Item2), connected.OrderBy(e => e.Lane).ThenBy(e => e.Start));
    }

    [Theory]
    [InlineData(0, 30, "0s")]
    [InlineData(150, 30, "5s")]
    [InlineData(151, 30, "151/30s")]
    [InlineData(75, 30, "5/2s")]
    [InlineData(1, 24, "1/24s")]
    public void Times_are_reduced_rational_seconds(long frames, int fps, string expected)
    {
        Assert.Equal(expected, FcpxmlTime.Of(frames, fps));
        Assert.True(FcpxmlTime.TryParse(expected, out var back));
        Assert.Equal(new Rational(frames, fps), back);
    }
}
