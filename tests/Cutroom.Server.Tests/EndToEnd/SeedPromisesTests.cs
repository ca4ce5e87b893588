using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.EndToEnd;

/// <summary>
/// What the seeds promise, driven over HTTP exactly as a seed-following agent does (issue 21):
/// the bearer token and the <c>X-Skill-*</c> headers, <c>/run_sse</c> read to its end, state
/// polled for the outputs, files downloaded from their signed URLs; English and Chinese, real media.
/// </summary>
public sealed class SeedPromisesTests
{
    /// <summary>A 42 s real clip (cockatoo.mp4 three times, 640x360): long enough for 0:10-0:30.</summary>
    private static string FortySeconds => TestMedia.Generate("seeds-42s.mp4", "-stream_loop", "2", "-i", TestMedia.Real("video/cockatoo.mp4"),
        "-vf", "scale=640:360", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac");

    /// <summary>A one-second real clip as an XviD AVI with B-frames.</summary>
    private static string XvidAvi => TestMedia.Generate("seeds-xvid-bframes.avi", "-i", TestMedia.Real("video/birds.mp4"),
        "-c:v", "mpeg4", "-vtag", "XVID", "-bf", "2", "-an");

    private static List<JsonElement> Generated(JsonElement state) => [.. state.GetProperty("state").GetProperty("generated_media").EnumerateArray()];

    private static (double Seconds, int Width, int Height) Probe(string file)
    {
        var p = SeedsFlow.Probe(file);
        var v = p.GetProperty("streams").EnumerateArray().First(s => s.GetProperty("codec_type").GetString() == "video");
        return (double.Parse(p.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture), v.GetProperty("width").GetInt32(), v.GetProperty("height").GetInt32());
    }

    [Fact]
    public async Task Trim_to_a_range_and_export_is_a_20_second_1080p_file_and_needs_the_attribution_headers()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        await SeedsFlow.UploadAsync(client, FortySeconds);
        const string ask = "trim it to 0:10-0:30 and export the trimmed clip";

        // Without the attribution headers a chat export is refused like the render endpoint: HTTP 402, code 402, nothing runs.
        var (_, status, refusal) = await SeedsFlow.ChatWithHeadersAsync(client, ask, attribution: false);
        Assert.Equal(402, status);
        Assert.Equal(402, refusal!.Value.GetProperty("code").GetInt32());
        Assert.Contains("X-Skill-Source", refusal.Value.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(Generated(await client.StateAsync()));
        var before = await client.CreditsAsync();

        var events = await SeedsFlow.ChatAsync(client, ask);
        var text = SeedsFlow.Text(events);
        Assert.Contains("1920x1080", text, StringComparison.Ordinal);
        var calls = events.SelectMany(e => e.GetProperty("content").GetProperty("parts").EnumerateArray())
            .Where(p => p.TryGetProperty("functionCall", out _)).Select(p => p.GetProperty("functionCall").GetProperty("name").GetString()).ToList();
        Assert.Equal(["trim", "export"], calls);
        Assert.Equal(before.Total - 1, (await client.CreditsAsync()).Total); // one trim, charged once; the export is free

        var export = Generated(await client.StateAsync()).Single(g => g.GetProperty("op").GetString() == "export");
        using var work = new TempDir();
        await SeedsFlow.DownloadAsync(server.Http, export.GetProperty("url").GetString()!, work.File("export.mp4"));
        var (seconds, width, height) = Probe(work.File("export.mp4"));
        Assert.InRange(seconds, 19.9, 20.1);
        Assert.Equal((1920, 1080), (width, height));
    }

    [Fact]
    public async Task The_bind_id_is_in_the_create_session_answer_and_in_state()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        using var res = await client.Http.PostAsJsonAsync("api/tasks/me/with-session/nemo_agent", new { task_name = "project", language = "en" });
        var created = await LiveServer.ReadEnvelopeAsync(res, 200);
        var bindId = created.GetProperty("bind_id").GetString();
        Assert.False(string.IsNullOrWhiteSpace(bindId));
        var second = client with { SessionId = created.GetProperty("session_id").GetString()! };
        Assert.Equal(bindId, (await second.StateAsync()).GetProperty("state").GetProperty("bind_id").GetString());
        Assert.Equal(bindId, (await client.StateAsync()).GetProperty("state").GetProperty("bind_id").GetString()); // one account, one link
    }

    [Fact]
    public async Task After_two_uploads_my_video_is_the_latest_a_cover_of_an_xvid_avi_is_made_and_the_chinese_reply_says_which()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync("zh");
        await SeedsFlow.UploadAsync(client, TestMedia.Real("video/cockatoo.mp4"));
        var avi = (await SeedsFlow.UploadAsync(client, XvidAvi))[0];
        var aviId = avi.GetProperty("media_id").GetString();
        var aviName = avi.GetProperty("name").GetString()!;

        var cover = SeedsFlow.Text(await SeedsFlow.ChatAsync(client, "帮我截一张封面图"));
        Assert.Contains(aviName, cover, StringComparison.Ordinal);
        Assert.Contains("最新上传", cover, StringComparison.Ordinal);
        Assert.DoesNotContain("failed", cover, StringComparison.OrdinalIgnoreCase);
        var image = Generated(await client.StateAsync()).Single(g => g.GetProperty("op").GetString() == "thumbnail");
        Assert.Equal(aviId, image.GetProperty("source_media_id").GetString());
        using var work = new TempDir();
        await using (var s = await server.Http.GetStreamAsync(image.GetProperty("url").GetString()))
        await using (var f = File.Create(work.File("cover.jpg")))
            await s.CopyToAsync(f);
        Assert.Equal((avi.GetProperty("width").GetInt32(), avi.GetProperty("height").GetInt32()), (Probe(work.File("cover.jpg")).Width, Probe(work.File("cover.jpg")).Height));

        var frames = SeedsFlow.Text(await SeedsFlow.ChatAsync(client, "extract every 10th frame from my video as images"));
        Assert.Contains(aviName, frames, StringComparison.Ordinal);
        Assert.All(Generated(await client.StateAsync()).Where(g => g.GetProperty("op").GetString() == "extract_frames" && g.GetProperty("kind").GetString() == "image"), g =>
        {
            Assert.Equal(aviId, g.GetProperty("source_media_id").GetString());
            Assert.Equal((avi.GetProperty("width").GetInt32(), avi.GetProperty("height").GetInt32()), (g.GetProperty("width").GetInt32(), g.GetProperty("height").GetInt32()));
        });
    }

    [Fact]
    public async Task No_storage_key_reaches_a_reply_the_state_or_the_json_and_markdown_outputs()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        await SeedsFlow.UploadAsync(client, TestMedia.Real("video/cockatoo.mp4"));
        var read = new List<string>
        {
            SeedsFlow.Text(await SeedsFlow.ChatAsync(client, "extract the key highlights and save them as separate clips")),
            SeedsFlow.Text(await SeedsFlow.ChatAsync(client, "generate a summary")),
            SeedsFlow.Text((await SeedsFlow.ChatWithHeadersAsync(client, "find highlights of at least 20 seconds each", attribution: true)).Events),
        };
        var state = await client.StateAsync();
        var stateText = state.GetRawText();
        Assert.All(Generated(state).Where(g => g.GetProperty("op").GetString() == "highlights" && g.GetProperty("kind").GetString() == "video"),
            g => Assert.Equal((1280, 720), (g.GetProperty("width").GetInt32(), g.GetProperty("height").GetInt32())));
        // The keys of the session's files, from their signed links (/files/<key>?exp=…&sig=…).
        var keys = System.Text.RegularExpressions.Regex.Matches(stateText, @"/files/(?:[^""?]*/)?(f[A-Za-z0-9]{20,})").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(keys);
        read.Add(System.Text.RegularExpressions.Regex.Replace(stateText, @"""url"":""[^""]*""", ""));
        foreach (var g in Generated(state).Where(g => g.GetProperty("name").GetString() is { } n && (n.EndsWith(".json", StringComparison.Ordinal) || n.EndsWith(".md", StringComparison.Ordinal))))
            read.Add(await server.Http.GetStringAsync(g.GetProperty("url").GetString()));
        Assert.Contains(read, t => t.Contains("cockatoo", StringComparison.Ordinal)); // the user's name is what they read
        foreach (var text in read)
            foreach (var key in keys)
                Assert.DoesNotContain(key, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "extract a 2-minute MP4 video clip into a 1080p MP4", "scaled up")]
    [InlineData("zh", "把视频转成1080p的MP4", "放大到 1080p")]
    public async Task A_1080p_conversion_asked_for_is_1080p_even_from_a_smaller_source_and_says_so(string language, string ask, string says)
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync(language);
        await SeedsFlow.UploadAsync(client, TestMedia.Real("video/tour-screencast.mp4")); // 960x540
        var text = SeedsFlow.Text(await SeedsFlow.ChatAsync(client, ask));
        Assert.Contains(says, text, StringComparison.Ordinal);
        var clip = Generated(await client.StateAsync()).Single(g => g.GetProperty("op").GetString() == "convert");
        Assert.Equal(1080, clip.GetProperty("height").GetInt32());
        using var work = new TempDir();
        await using (var s = await server.Http.GetStreamAsync(clip.GetProperty("url").GetString()))
        await using (var f = File.Create(work.File("clip.mp4")))
            await s.CopyToAsync(f);
        Assert.Equal((1920, 1080), (Probe(work.File("clip.mp4")).Width, Probe(work.File("clip.mp4")).Height));
    }
}
