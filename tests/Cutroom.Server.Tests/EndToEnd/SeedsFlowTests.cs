using System.Globalization;
using System.Text.Json;
using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.EndToEnd;

/// <summary>The five workflows of workflows.md over real HTTP, on real media, as the seeds' clients run them.</summary>
public sealed class SeedsFlowTests
{
    [Fact]
    public async Task Frames_upload_chat_state_credits_render_and_a_ranged_download_work_as_the_seeds_describe()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var files = await SeedsFlow.UploadAsync(client, TestMedia.Real("video/cockatoo.mp4"));
        Assert.Equal("video", files[0].GetProperty("kind").GetString());

        var events = await SeedsFlow.ChatAsync(client, "extract every 10th frame from my video as images");
        Assert.Contains(events, e => e.GetProperty("content").GetProperty("parts").EnumerateArray()
            .Any(p => p.TryGetProperty("functionCall", out var f) && f.GetProperty("name").GetString() == "extract_frames"));
        Assert.Contains("28", SeedsFlow.Text(events));

        var state = (await client.StateAsync()).GetProperty("state");
        var generated = state.GetProperty("generated_media").EnumerateArray().ToList();
        Assert.Equal(28, generated.Count(g => g.GetProperty("kind").GetString() == "image"));
        Assert.Single(generated, g => g.GetProperty("kind").GetString() == "archive");
        Assert.Single(generated.Select(g => g.GetProperty("group").GetString()).Distinct());
        var messages = state.GetProperty("messages").EnumerateArray().ToList();   // the chat history, beyond §6a
        Assert.Equal(["user", "model"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("extract every 10th frame from my video as images", messages[0].GetProperty("text").GetString());
        Assert.Contains("28", messages[1].GetProperty("text").GetString());
        // The job itself completes a moment after its stream ends: a client polling state sees it.
        for (var i = 0; i < 50 && messages[1].GetProperty("status").GetString() != "completed"; i++)
        {
            await Task.Delay(100);
            messages = (await client.StateAsync()).GetProperty("state").GetProperty("messages").EnumerateArray().ToList();
        }
        Assert.Equal("completed", messages[1].GetProperty("status").GetString());
        var (available, frozen, total) = await client.CreditsAsync();
        Assert.Equal(0, frozen);
        Assert.Equal(total, available);
        Assert.True(total < 100, $"the frames job was not charged (total {total})");

        var render = await SeedsFlow.RenderAsync(client, state.GetProperty("draft"));
        Assert.Equal("completed", render.GetProperty("status").GetString());
        using var work = new TempDir();
        var mp4 = work.File("out.mp4");
        await SeedsFlow.DownloadAsync(server.Http, render.GetProperty("output").GetProperty("url").GetString()!, mp4);
        var probe = SeedsFlow.Probe(mp4);
        var video = probe.GetProperty("streams").EnumerateArray().First(s => s.GetProperty("codec_type").GetString() == "video");
        Assert.Equal("h264", video.GetProperty("codec_name").GetString());
        var duration = double.Parse(probe.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
        var expected = files[0].GetProperty("duration_ms").GetInt64() / 1000.0;
        Assert.InRange(duration, expected - 0.1, expected + 0.1);
    }

    [Fact]
    public async Task Create_five_photos_a_logo_and_music_become_a_30_second_1080p_video_with_text()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var music = TestMedia.Generate("e2e-music.m4a", "-i", TestMedia.Real("audio/music-dont-wait-too-long.mkv"), "-t", "40", "-c:a", "aac", "-b:a", "128k");
        var photos = new[] { "photo-skagen.jpg", "photo-sunset.jpg", "photo-pool.jpg", "photo-snow.jpg", "photo-grand-canyon-1.jpg" }.Select(p => TestMedia.Real("image/" + p));
        await SeedsFlow.UploadAsync(client, [.. photos, TestMedia.Real("image/logo-qt.jpg"), music]);

        var events = await SeedsFlow.ChatAsync(client, "combine these images into a 30-second video with background music and text overlays");
        Assert.False(string.IsNullOrWhiteSpace(SeedsFlow.Text(events)));
        var created = (await client.StateAsync()).GetProperty("state");
        var draft = created.GetProperty("draft");
        Assert.Equal(30000, draft.GetProperty("d").GetInt32());
        // Segments are named after the uploads as the client named them, never after stored files.
        Assert.Contains("photo-skagen", created.GetProperty("timeline_summary").GetString());
        Assert.Contains("e2e-music", created.GetProperty("timeline_summary").GetString());
        var types = draft.GetProperty("t").EnumerateArray().Select(t => t.GetProperty("tt").GetInt32()).ToList();
        Assert.Contains(0, types);
        Assert.Contains(1, types);
        Assert.Contains(7, types);

        var render = await SeedsFlow.RenderAsync(client, draft, quality: "low");
        Assert.Equal("completed", render.GetProperty("status").GetString());
        var output = render.GetProperty("output");
        Assert.Equal((1920, 1080), (output.GetProperty("width").GetInt32(), output.GetProperty("height").GetInt32()));
        Assert.InRange(output.GetProperty("duration_ms").GetInt64(), 29_966, 30_034);
    }

    [Fact]
    public async Task Highlights_and_a_summary_with_a_trimmed_clip_land_in_state()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        await SeedsFlow.UploadAsync(client, TestMedia.Real("video/tour-screencast.mp4"));

        var highlights = await SeedsFlow.ChatAsync(client, "extract the key highlights and save them as separate clips");
        var after = (await client.StateAsync()).GetProperty("state").GetProperty("generated_media").EnumerateArray().ToList();
        Assert.Contains(after, g => g.GetProperty("op").GetString() == "highlights" && g.GetProperty("kind").GetString() == "video");
        Assert.False(string.IsNullOrWhiteSpace(SeedsFlow.Text(highlights)));

        var summary = await SeedsFlow.ChatAsync(client, "extract metadata, generate a summary, and export a trimmed clip");
        var text = SeedsFlow.Text(summary);
        Assert.False(string.IsNullOrWhiteSpace(text));
        var all = (await client.StateAsync()).GetProperty("state").GetProperty("generated_media").EnumerateArray().ToList();
        Assert.Contains(all, g => g.GetProperty("op").GetString() == "summarize");
        // "…and export a trimmed clip" ends with the export of the (trimmed) timeline (issue 21).
        Assert.Contains(all, g => g.GetProperty("op").GetString() == "export" && g.GetProperty("kind").GetString() == "video");
        using var json = new HttpClient();
        var summaryJson = all.First(g => g.GetProperty("op").GetString() == "summarize" && g.GetProperty("kind").GetString() == "json");
        using var doc = JsonDocument.Parse(await server.Http.GetStringAsync(summaryJson.GetProperty("url").GetString()));
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
    }
}
