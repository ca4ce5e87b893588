using System.Globalization;
using System.Text;
using System.Xml;
using Cutroom.Timeline.Model;

namespace Cutroom.Timeline.Interchange.Fcpxml;

/// <summary>
/// Writes a draft as FCPXML 1.10: a <c>format</c> of the canvas and rate, one <c>asset</c> per
/// media (with a <c>media-rep</c> of its reference) and a Basic Title <c>effect</c> in the
/// resources; a project whose sequence's spine is the first video track (<c>asset-clip</c>s,
/// <c>gap</c>s filling the empty time up to the end of the timeline, and a <c>transition</c>
/// placed at each cut that has one, over the first frames of the incoming clip). The other
/// video tracks (lanes 1, 2, ...), the text tracks (<c>title</c>s, lanes above them) and the
/// audio tracks (lanes -1, -2, ...) are connected clips anchored to the spine item under their
/// start. Times are whole frames written as rational seconds (<c>151/30s</c>).
/// </summary>
internal static class FcpxmlWriter
{
    /// <summary>Final Cut Pro's Basic Title generator (the uid FCP itself writes for it).</summary>
    private const string BasicTitleUid = ".../Titles.localized/Bumper:Opener.localized/Basic Title.localized/Basic Title.moti";

    private sealed record SpineItem(long Offset, long Duration, FramedSegment? Clip)
    {
        public List<(FramedSegment Segment, FramedTrack Track, int Lane)> Connected { get; } = [];
        public long End => Offset + Duration;
    }

    public static string Write(FramedDraft framed, Func<string, MediaReference> media)
    {
        var fps = framed.Grid.Fps;
        var video = framed.Tracks.Where(t => t.Track.Type == TrackType.Video).ToList();
        var main = video.FirstOrDefault();
        var total = framed.Duration;
        var spine = BuildSpine(main, total);
        var lanes = new List<(FramedTrack Track, int Lane)>();
        var lane = 1;
        foreach (var t in video.Skip(1)) lanes.Add((t, lane++));
        foreach (var t in framed.Tracks.Where(t => t.Track.Type == TrackType.Text)) lanes.Add((t, lane++));
        var audioLane = -1;
        foreach (var t in framed.Tracks.Where(t => t.Track.Type == TrackType.Audio)) lanes.Add((t, audioLane--));
        foreach (var (track, l) in lanes)
        {
            foreach (var s in track.Segments)
                spine.First(i => i.Offset <= s.Start && s.Start < i.End).Connected.Add((s, track, l));
            foreach (var s in track.Segments.Where(s => s.Transition > 0))
                framed.Losses.Add($"{s.Path}.m.tr: a transition off the first video track is not exported to FCPXML (a cut)");
        }
        foreach (var s in framed.Tracks.SelectMany(t => t.Segments))
        {
            if (s.Segment.Speed is { } sp && sp != 1) framed.Losses.Add($"{s.Path}.sp: speed is not exported to FCPXML (the clip plays at 1x from its in-point)");
            if ((s.Segment.Meta.FadeInMs ?? 0) > 0 || (s.Segment.Meta.FadeOutMs ?? 0) > 0) framed.Losses.Add($"{s.Path}.m: fades are not exported to FCPXML");
        }

        var assets = new Dictionary<string, (string Id, MediaReference Ref, bool Video, bool Audio, bool Still)>();
        var nextId = 3; // r1 the format, r2 the title effect
        foreach (var t in framed.Tracks.Where(t => t.Track.Type != TrackType.Text))
        {
            foreach (var s in t.Segments)
            {
                var src = s.Segment.Src ?? "";
                var isVideo = t.Track.Type == TrackType.Video;
                if (assets.TryGetValue(src, out var a))
                    assets[src] = a with { Video = a.Video || isVideo, Audio = a.Audio || !s.Segment.IsStill, Still = a.Still && s.Segment.IsStill };
                else
                    assets[src] = ($"r{nextId++}", media(src), isVideo, !s.Segment.IsStill, s.Segment.IsStill);
            }
        }

        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(new Utf8StringWriter(sb), settings))
        {
            w.WriteStartDocument();
            w.WriteDocType("fcpxml", null, null, null);
            w.WriteStartElement("fcpxml");
            w.WriteAttributeString("version", "1.10");
            w.WriteStartElement("resources");
            w.WriteStartElement("format");
            w.WriteAttributeString("id", "r1");
            w.WriteAttributeString("frameDuration", FcpxmlTime.Of(1, fps));
            w.WriteAttributeString("width", Inv(framed.Draft.Width));
            w.WriteAttributeString("height", Inv(framed.Draft.Height));
            w.WriteEndElement();
            w.WriteStartElement("effect");
            w.WriteAttributeString("id", "r2");
            w.WriteAttributeString("name", "Basic Title");
            w.WriteAttributeString("uid", BasicTitleUid);
            w.WriteEndElement();
            foreach (var (src, a) in assets)
            {
                w.WriteStartElement("asset");
                w.WriteAttributeString("id", a.Id);
                w.WriteAttributeString("name", a.Ref.Name ?? src);
                w.WriteAttributeString("start", "0s");
                w.WriteAttributeString("hasVideo", a.Video ? "1" : "0");
                if (a.Video) w.WriteAttributeString("format", "r1");
                w.WriteAttributeString("hasAudio", a.Audio ? "1" : "0");
                if (a.Audio) { w.WriteAttributeString("audioSources", "1"); w.WriteAttributeString("audioChannels", "2"); }
                w.WriteStartElement("media-rep");
                w.WriteAttributeString("kind", "original-media");
                w.WriteAttributeString("src", AsUrl(a.Ref.TargetUrl));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement(); // resources
            w.WriteStartElement("library");
            w.WriteStartElement("event");
            w.WriteAttributeString("name", "Cutroom");
            w.WriteStartElement("project");
            w.WriteAttributeString("name", framed.Title);
            w.WriteStartElement("sequence");
            w.WriteAttributeString("format", "r1");
            w.WriteAttributeString("duration", FcpxmlTime.Of(total, fps));
            w.WriteAttributeString("tcStart", "0s");
            w.WriteAttributeString("tcFormat", "NDF");
            w.WriteAttributeString("audioLayout", "stereo");
            w.WriteAttributeString("audioRate", "48k");
            w.WriteStartElement("spine");
            var titleStyle = 0;
            foreach (var item in spine)
            {
                if (item.Clip is { Transition: > 0 } incoming)
                {
                    w.WriteStartElement("transition");
                    w.WriteAttributeString("name", "Cross Dissolve");
                    w.WriteAttributeString("offset", FcpxmlTime.Of(incoming.Start, fps));
                    w.WriteAttributeString("duration", FcpxmlTime.Of(incoming.Transition, fps));
                    w.WriteEndElement();
                    if (incoming.Segment.Meta.Transition!.Type is not ("fade" or "dissolve"))
                        framed.Losses.Add($"{incoming.Path}.m.tr.type: {incoming.Segment.Meta.Transition.Type} became a Cross Dissolve in FCPXML");
                }
                if (item.Clip is { } clip)
                {
                    WriteAssetClip(w, clip, assets[clip.Segment.Src ?? ""].Id, item.Offset, clip.In, null, fps);
                }
                else
                {
                    w.WriteStartElement("gap");
                    w.WriteAttributeString("name", "Gap");
                    w.WriteAttributeString("offset", FcpxmlTime.Of(item.Offset, fps));
                    w.WriteAttributeString("start", "0s");
                    w.WriteAttributeString("duration", FcpxmlTime.Of(item.Duration, fps));
                }
                // Connected items: offsets are in the parent's own time (its start plus the distance from its offset).
                var parentStart = item.Clip?.In ?? 0;
                foreach (var (s, track, l) in item.Connected)
                {
                    var offset = parentStart + (s.Start - item.Offset);
                    if (track.Track.Type == TrackType.Text) WriteTitle(w, s, l, offset, fps, ++titleStyle);
                    else WriteAssetClip(w, s, assets[s.Segment.Src ?? ""].Id, offset, s.In, l, fps, track.Track.Type == TrackType.Audio ? track.Track.Meta.Role : null);
                }
                w.WriteEndElement();
            }
            w.WriteEndElement(); // spine
            w.WriteEndElement(); // sequence
            w.WriteEndElement(); // project
            w.WriteEndElement(); // event
            w.WriteEndElement(); // library
            w.WriteEndElement(); // fcpxml
            w.WriteEndDocument();
        }
        return sb.ToString();
    }

    private static List<SpineItem> BuildSpine(FramedTrack? main, long total)
    {
        var items = new List<SpineItem>();
        long at = 0;
        foreach (var s in main?.Segments ?? [])
        {
            if (s.Start > at) items.Add(new SpineItem(at, s.Start - at, null));
            items.Add(new SpineItem(s.Start, s.Duration, s));
            at = s.End;
        }
        if (at < total) items.Add(new SpineItem(at, total - at, null));
        return items;
    }

    /// <summary>Writes an asset-clip's start tag and its volume; the caller writes connected items and closes it (for a spine clip), or it is closed here (connected).</summary>
    private static void WriteAssetClip(XmlWriter w, FramedSegment s, string assetId, long offset, long start, int? lane, int fps, string? role = null)
    {
        w.WriteStartElement("asset-clip");
        w.WriteAttributeString("ref", assetId);
        if (lane is { } l) w.WriteAttributeString("lane", Inv(l));
        w.WriteAttributeString("offset", FcpxmlTime.Of(offset, fps));
        w.WriteAttributeString("name", s.Segment.Meta.Label ?? s.Segment.Src ?? "");
        w.WriteAttributeString("start", FcpxmlTime.Of(s.Segment.IsStill ? 0 : start, fps));
        w.WriteAttributeString("duration", FcpxmlTime.Of(s.Duration, fps));
        if (lane is < 0) w.WriteAttributeString("audioRole", role == TrackRoles.Music ? "music" : "dialogue");
        if (s.Segment.Volume is { } v && v != 1)
        {
            w.WriteStartElement("adjust-volume");
            w.WriteAttributeString("amount", v <= 0 ? "-96dB" : (20 * Math.Log10(v)).ToString("0.##", CultureInfo.InvariantCulture) + "dB");
            w.WriteEndElement();
        }
        if (lane is not null) w.WriteEndElement();
    }

    private static void WriteTitle(XmlWriter w, FramedSegment s, int lane, long offset, int fps, int styleNumber)
    {
        var m = s.Segment.Meta;
        var styleId = $"ts{styleNumber}";
        w.WriteStartElement("title");
        w.WriteAttributeString("ref", "r2");
        w.WriteAttributeString("lane", Inv(lane));
        w.WriteAttributeString("offset", FcpxmlTime.Of(offset, fps));
        w.WriteAttributeString("name", m.Text ?? "");
        w.WriteAttributeString("start", "0s");
        w.WriteAttributeString("duration", FcpxmlTime.Of(s.Duration, fps));
        w.WriteStartElement("text");
        w.WriteString(""); // mixed content: no indentation inside, so the title's text is exactly the segment's
        w.WriteStartElement("text-style");
        w.WriteAttributeString("ref", styleId);
        w.WriteString(m.Text ?? "");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("text-style-def");
        w.WriteAttributeString("id", styleId);
        w.WriteStartElement("text-style");
        w.WriteAttributeString("font", "Helvetica");
        w.WriteAttributeString("fontSize", (m.Size ?? 90).ToString("0.##", CultureInfo.InvariantCulture));
        w.WriteAttributeString("fontColor", FcpColor(m.Color ?? "#FFFFFF"));
        w.WriteAttributeString("alignment", "center");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>A <c>#RRGGBB[AA]</c> colour as FCPXML's "r g b a" fractions.</summary>
    private static string FcpColor(string hex)
    {
        double Channel(int i) => Convert.ToInt32(hex.Substring(1 + 2 * i, 2), 16) / 255.0;
        var alpha = hex.Length == 9 ? Channel(3) : 1;
        return string.Join(' ', new[] { Channel(0), Channel(1), Channel(2), alpha }.Select(c => c.ToString("0.###", CultureInfo.InvariantCulture)));
    }

    /// <summary>A reference as a URL: kept when it has a scheme, else the name with each path part escaped (relative; the NLE asks to relink).</summary>
    private static string AsUrl(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var u) && u.Scheme.Length > 1 ? u.AbsoluteUri
            : string.Join('/', target.Split('/').Select(Uri.EscapeDataString));

    private static string Inv(int n) => n.ToString(CultureInfo.InvariantCulture);

    private sealed class Utf8StringWriter(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
