using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Timelines;
using Cutroom.Timeline.Interchange;
using Cutroom.Timeline.Interchange.Otio;
using Cutroom.Timeline.Json;

namespace Cutroom.Server.Tests.Timelines;

/// <summary>
/// <c>GET /v1/sessions/{id}/timeline.otio|.fcpxml|.edl</c> over HTTP on a real server with real
/// uploads: each answers the session's current draft in its format with the media's names as
/// references; an unknown format, another user's session and a missing token get the contract's codes.
/// </summary>
public sealed class TimelineApiTests
{
    [Fact]
    public async Task The_sessions_draft_comes_as_otio_fcpxml_and_edl_and_only_to_its_owner()
    {
        await using var server = await LiveServer.StartAsync();
        var owner = await server.NewClientAsync();
        var ids = await SeedMedia.AddAsync(server, owner, TestMedia.Real("image/photo-snow.jpg"), TestMedia.Real("image/photo-pool.jpg"),
            TestMedia.Real("video/birds.mp4"), TestMedia.Real("audio/toy-mono.wav"));
        var state = await owner.StateAsync();
        var draft = DraftJson.Parse(state.GetProperty("state").GetProperty("draft").GetRawText()).Draft!;
        var names = state.GetProperty("state").GetProperty("video_infos").EnumerateArray()
            .ToDictionary(m => m.GetProperty("media_id").GetString()!, m => m.GetProperty("name").GetString()!);
        Assert.True(draft.AllSegments().Count() >= 3, DraftJson.Serialize(draft));
        var grid = new FrameGrid(draft.Fps);
        var url = $"v1/sessions/{owner.SessionId}/timeline";

        // OpenTimelineIO: reads back as the same cuts, with the media ids; references are the media's names.
        using (var res = await owner.Http.GetAsync(url + ".otio"))
        {
            var body = await res.Content.ReadAsStringAsync();
            Assert.True(res.StatusCode == HttpStatusCode.OK, body);
            Assert.Equal("application/json", res.Content.Headers.ContentType!.MediaType);
            Assert.Equal("attachment", res.Content.Headers.ContentDisposition?.DispositionType ?? res.Headers.GetValues("Content-Disposition").First().Split(';')[0]);
            var back = OtioImporter.Import(body);
            Assert.True(back.Draft is not null, string.Join("\n", back.Errors));
            Assert.Equal(
                draft.AllSegments().Select(p => (p.Track.Id, p.Segment.Id, p.Segment.Src, grid.Frame(p.Segment.StartMs), grid.Frame(p.Segment.EndMs))),
                back.Draft!.AllSegments().Select(p => (p.Track.Id, p.Segment.Id, p.Segment.Src, grid.Frame(p.Segment.StartMs), grid.Frame(p.Segment.EndMs))));
            using var doc = JsonDocument.Parse(body);
            var urls = doc.RootElement.GetProperty("tracks").GetProperty("children").EnumerateArray()
                .SelectMany(t => t.GetProperty("children").EnumerateArray())
                .Where(i => i.GetProperty("OTIO_SCHEMA").GetString() == "Clip.2")
                .Select(c => c.GetProperty("media_references").GetProperty("DEFAULT_MEDIA").GetProperty("target_url").GetString()!).ToHashSet();
            Assert.Equal(draft.AllSegments().Where(p => p.Segment.Src is not null).Select(p => names[p.Segment.Src!]).ToHashSet(), urls);
        }

        // FCPXML: version 1.10, one asset per media named as uploaded.
        using (var res = await owner.Http.GetAsync(url + ".fcpxml"))
        {
            var body = await res.Content.ReadAsStringAsync();
            Assert.True(res.StatusCode == HttpStatusCode.OK, body);
            Assert.Equal("application/xml", res.Content.Headers.ContentType!.MediaType);
            using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            var xml = XDocument.Load(reader);
            Assert.Equal("1.10", (string?)xml.Root!.Attribute("version"));
            var assets = xml.Root.Element("resources")!.Elements("asset").Select(a => (string)a.Attribute("name")!).ToHashSet();
            Assert.Equal(draft.AllSegments().Where(p => p.Segment.Src is not null).Select(p => names[p.Segment.Src!]).ToHashSet(), assets);
            Assert.Equal("0", res.Headers.GetValues(TimelineEndpoints.LossesHeader).Single());
        }

        // EDL: one video event per segment of the first video track.
        using (var res = await owner.Http.GetAsync(url + ".edl"))
        {
            var body = await res.Content.ReadAsStringAsync();
            Assert.True(res.StatusCode == HttpStatusCode.OK, body);
            Assert.Equal("text/plain", res.Content.Headers.ContentType!.MediaType);
            Assert.Contains("FCM: NON-DROP FRAME", body, StringComparison.Ordinal);
            var video = draft.Tracks.First(t => t.Type == Cutroom.Timeline.Model.TrackType.Video);
            Assert.Equal(video.Segments.Length, body.Split('\n').Count(l => l.Length > 20 && char.IsAsciiDigit(l[0]) && l.Contains("  V  ", StringComparison.Ordinal)));
            foreach (var s in video.Segments) Assert.Contains($"* FROM CLIP NAME: {s.Meta.Label ?? names[s.Src!]}", body, StringComparison.Ordinal);
        }

        // An unknown format is a bad request; another user's session answers as a missing one; no token, 401.
        using (var res = await owner.Http.GetAsync(url + ".mp4"))
            await server.ReadErrorAsync(res, 400, 4000);
        var stranger = await server.NewClientAsync();
        foreach (var ext in new[] { "otio", "fcpxml", "edl" })
        {
            using var res = await stranger.Http.GetAsync($"{url}.{ext}");
            await server.ReadErrorAsync(res, 404, 1002);
        }
        using (var res = await server.Http.GetAsync(url + ".otio"))
            Assert.Equal(HttpStatusCode.Unauthorized, res.StatusCode);
        Assert.NotEmpty(ids);
    }
}
