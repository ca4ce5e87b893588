using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cutroom.Agent.Planning;
using Cutroom.Agent.Tools;
using Cutroom.Server.Tests.Chat;
using Cutroom.Server.Tests.Contract;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cutroom.Server.Tests.Preview;

/// <summary>One server (scripted planner: each chat message is one exact tool call) for the preview tests.</summary>
public sealed class PreviewServer : IAsyncLifetime
{
    /// <summary>The server.</summary>
    internal LiveServer Server { get; private set; } = null!;

    /// <inheritdoc/>
    public async Task InitializeAsync() => Server = await LiveServer.StartAsync(services: s => s.AddSingleton<IPlanner>(new ScriptedPlanner()));

    /// <inheritdoc/>
    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// The live preview over HTTP on a real server with real ffmpeg and real photos: a chat edit is
/// previewed in the background, the preview shows it (pixels in the title's region), a frame of the
/// draft comes as a JPEG at the preview's size, bad times and other users' sessions are refused with
/// the contract's codes.
/// </summary>
public sealed class PreviewApiTests(PreviewServer fixture, ITestOutputHelper output) : IClassFixture<PreviewServer>
{
    private LiveServer Server => fixture.Server;

    /// <summary>The title's box in the 640x360 preview: "MMMM" at 200 px of 1080 lines, centred.</summary>
    private static readonly (int X0, int Y0, int X1, int Y1) TitleBox = (200, 140, 440, 220);

    [Fact]
    public async Task After_each_edit_the_preview_is_rendered_in_the_background_and_shows_the_edit_in_the_title_region()
    {
        var client = await Server.NewClientAsync();
        await SeedMedia.AddAsync(Server, client, TestMedia.Real("image/photo-snow.jpg"), TestMedia.Real("image/photo-skagen.jpg"),
            TestMedia.Real("image/photo-pool.jpg"), TestMedia.Real("image/photo-donna.jpg"));

        // A red title: the turn's edit starts the preview's render without anyone asking for it.
        await SayAsync(client, new ToolCall(ToolNames.AddText, new JsonObject { ["text"] = "MMMM", ["position"] = "center", ["size"] = 200, ["color"] = "#FF0000" }));
        var first = await WaitForBackgroundPreviewAsync(client);
        using var dir = new TempDir();
        var (red, redHash, redVersion) = await GetPreviewAsync(client, dir.File("red.mp4"));
        Assert.Equal(first, redHash);
        var probe = TestMedia.FfprobeJson(red);
        var video = probe.GetProperty("streams").EnumerateArray().First(s => s.GetProperty("codec_type").GetString() == "video");
        Assert.Equal(640, video.GetProperty("width").GetInt32());
        Assert.Equal(360, video.GetProperty("height").GetInt32());
        Assert.InRange(double.Parse(probe.GetProperty("format").GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 11.9, 12.2);
        var before = Count(TestMedia.DecodeRgb(red, frameIndex: 30), 640);
        output.WriteLine($"red title at 1 s: {before}");
        Assert.True(before.Red > 800 && before.Blue < 50, $"the title is red in the preview: {before}");
        var piecesAfterFirst = CachePieces();

        // "Make the title blue": a new preview with a new draft hash and version, blue where the title is.
        var text = await TextSegmentIdAsync(client);
        await SayAsync(client, new ToolCall(ToolNames.EditText, new JsonObject { ["segment"] = text, ["color"] = "#0000FF" }));
        var (blue, blueHash, blueVersion) = await GetPreviewAsync(client, dir.File("blue.mp4"));
        Assert.NotEqual(redHash, blueHash);
        Assert.True(blueVersion > redVersion, $"version {blueVersion} after {redVersion}");
        var after = Count(TestMedia.DecodeRgb(blue, frameIndex: 30), 640);
        output.WriteLine($"blue title at 1 s: {after}");
        Assert.True(after.Blue > 800 && after.Red < 50, $"the title is blue in the new preview: {after}");
        // Outside the title's time the picture did not change (the last photo, at 10 s).
        Assert.True(TestMedia.MeanAbsDiff(TestMedia.DecodeRgb(red, 300), TestMedia.DecodeRgb(blue, 300)) < 1.0, "frames after the title are the same");

        // Only the chunks under the title were rendered again: fewer new pieces in the cache than the first preview made.
        var piecesAfterEdit = CachePieces();
        output.WriteLine($"cache pieces: {piecesAfterFirst} after the first preview, {piecesAfterEdit} after the edit");
        Assert.InRange(piecesAfterEdit - piecesAfterFirst, 1, piecesAfterFirst - 2);

        // A frame of the current draft: a 640x360 JPEG, blue at the title's place, with the same draft hash.
        using var res = await client.Http.GetAsync($"api/preview/nemo_agent/me/{client.SessionId}/frame?at=1000");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("image/jpeg", res.Content.Headers.ContentType?.MediaType);
        Assert.Equal(blueHash, Single(res, "X-Cutroom-Draft"));
        Assert.Equal("30", Single(res, "X-Cutroom-Frame"));
        var jpeg = dir.File("frame.jpg");
        await File.WriteAllBytesAsync(jpeg, await res.Content.ReadAsByteArrayAsync());
        var stream = TestMedia.FfprobeJson(jpeg).GetProperty("streams")[0];
        Assert.Equal(640, stream.GetProperty("width").GetInt32());
        Assert.Equal(360, stream.GetProperty("height").GetInt32());
        var frame = Count(TestMedia.DecodeRgb(jpeg), 640);
        output.WriteLine($"frame at 1 s: {frame}");
        Assert.True(frame.Blue > 800 && frame.Red < 50, $"the frame shows the blue title: {frame}");
    }

    [Fact]
    public async Task The_preview_serves_ranges_and_revalidates_by_the_draft_hash()
    {
        var client = await Server.NewClientAsync();
        await SeedMedia.AddAsync(Server, client, TestMedia.Real("image/photo-sunset.jpg"));
        using var full = await client.Http.GetAsync($"api/preview/nemo_agent/me/{client.SessionId}");
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("video/mp4", full.Content.Headers.ContentType?.MediaType);
        var length = (await full.Content.ReadAsByteArrayAsync()).Length;
        var etag = full.Headers.ETag!;
        Assert.Equal($"\"{Single(full, "X-Cutroom-Draft")}\"", etag.Tag);
        Assert.Contains("no-cache", full.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        using var part = new HttpRequestMessage(HttpMethod.Get, $"api/preview/nemo_agent/me/{client.SessionId}");
        part.Headers.Range = new RangeHeaderValue(100, 199);
        using var partial = await client.Http.SendAsync(part);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(length, partial.Content.Headers.ContentRange?.Length);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"api/preview/nemo_agent/me/{client.SessionId}");
        again.Headers.IfNoneMatch.Add(etag);
        using var same = await client.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
    }

    [Fact]
    public async Task A_bad_at_an_empty_draft_and_another_users_session_are_refused_with_the_contract_codes()
    {
        var client = await Server.NewClientAsync();

        // The empty draft: 4000 with the draft's path, for the preview and for a frame.
        var empty = await Server.ReadErrorAsync(await client.Http.GetAsync($"api/preview/nemo_agent/me/{client.SessionId}"), 400, 4000);
        Assert.Equal("draft.t", empty.GetProperty("data").GetProperty("errors")[0].GetProperty("path").GetString());
        await Server.ReadErrorAsync(await client.Http.GetAsync($"api/preview/nemo_agent/me/{client.SessionId}/frame?at=0"), 400, 4000);

        await SeedMedia.AddAsync(Server, client, TestMedia.Real("image/photo-pool.jpg"));   // a 3 s still
        foreach (var at in new[] { "", "?at=", "?at=abc", "?at=-5", "?at=1.5", "?at=3001", "?at=1&at=2", "?at=99999999999999999999" })
        {
            var bad = await Server.ReadErrorAsync(await client.Http.GetAsync($"api/preview/nemo_agent/me/{client.SessionId}/frame{at}"), 400, 4000);
            var error = bad.GetProperty("data").GetProperty("errors")[0];
            output.WriteLine($"{at}: {error.GetProperty("message").GetString()}");
            Assert.Equal("at", error.GetProperty("path").GetString());
        }
        using (var end = await client.Http.GetAsync($"api/preview/nemo_agent/me/{client.SessionId}/frame?at=3000"))
            Assert.Equal("89", Single(end, "X-Cutroom-Frame"));   // the end of the draft shows its last frame

        // Another user's session reads exactly like a missing one (1002), and so does a made-up id.
        var other = await Server.NewClientAsync();
        foreach (var path in new[] { "", "/frame?at=0" })
        {
            await Server.ReadErrorAsync(await other.Http.GetAsync($"api/preview/nemo_agent/me/{client.SessionId}{path}"), 404, 1002);
            await Server.ReadErrorAsync(await other.Http.GetAsync($"api/preview/nemo_agent/me/ses_missing{path}"), 404, 1002);
        }
        // Without a token: 1001.
        await Server.ReadErrorAsync(await Server.Http.GetAsync($"api/preview/nemo_agent/me/{client.SessionId}"), 401, 1001);
    }

    private static async Task SayAsync(ApiClient client, ToolCall call)
    {
        var turn = await ChatCalls.SayAsync(client, ScriptedPlanner.MessageOf(call));
        var response = Assert.Single(turn.Parts("functionResponse"));
        Assert.True(response.GetProperty("response").GetProperty("ok").GetBoolean(), response.GetRawText());
    }

    /// <summary>Waits (up to 2 min, polling the data folder) for the background render of the current draft's preview, without asking for it; returns its hash.</summary>
    private async Task<string> WaitForBackgroundPreviewAsync(ApiClient client)
    {
        var folder = Path.Combine(Server.DataDir, "work", client.SessionId, "preview");
        for (var i = 0; i < 1200; i++)
        {
            var done = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.mp4").Where(f => !Path.GetFileName(f).StartsWith('.')).ToList() : [];
            if (done.Count > 0) return Path.GetFileNameWithoutExtension(Assert.Single(done));
            await Task.Delay(100);
        }
        Assert.Fail("no preview was rendered after the edit");
        return "";
    }

    private static async Task<(string Path, string Hash, int Version)> GetPreviewAsync(ApiClient client, string path)
    {
        using var res = await client.Http.GetAsync($"api/preview/nemo_agent/me/{client.SessionId}");
        Assert.True(res.StatusCode == HttpStatusCode.OK, $"HTTP {(int)res.StatusCode}: {await res.Content.ReadAsStringAsync()}");
        Assert.Equal("video/mp4", res.Content.Headers.ContentType?.MediaType);
        await File.WriteAllBytesAsync(path, await res.Content.ReadAsByteArrayAsync());
        return (path, Single(res, "X-Cutroom-Draft"), int.Parse(Single(res, "X-Cutroom-Version"), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<string> TextSegmentIdAsync(ApiClient client)
    {
        var draft = (await client.StateAsync()).GetProperty("state").GetProperty("draft");
        return draft.GetProperty("t").EnumerateArray().Where(t => t.GetProperty("tt").GetInt32() == 7)
            .SelectMany(t => t.GetProperty("sg").EnumerateArray()).Single().GetProperty("id").GetString()!;
    }

    private int CachePieces() =>
        Directory.GetFiles(Path.Combine(Server.DataDir, "render-cache")).Count(f => !Path.GetFileName(f).StartsWith('.'));

    private static string Single(HttpResponseMessage res, string header) => Assert.Single(res.Headers.GetValues(header));

    /// <summary>Pixels in <see cref="TitleBox"/> that are strongly red and strongly blue.</summary>
    private static (int Red, int Blue) Count(byte[] rgb, int width)
    {
        int red = 0, blue = 0;
        for (var y = TitleBox.Y0; y < TitleBox.Y1; y++)
            for (var x = TitleBox.X0; x < TitleBox.X1; x++)
            {
                var i = (y * width + x) * 3;
                int r = rgb[i], g = rgb[i + 1], b = rgb[i + 2];
                if (r > 150 && g < 90 && b < 90) red++;
                if (b > 150 && r < 90 && g < 110) blue++;
            }
        return (red, blue);
    }
}
