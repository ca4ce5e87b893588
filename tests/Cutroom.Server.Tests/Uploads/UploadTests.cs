using System.Globalization;
using System.Text.Json;
using Cutroom.Server.Data;
using Cutroom.Server.Storage;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests.Uploads;

public sealed class UploadTests
{
    [Fact]
    public async Task Uploading_cockatoo_mp4_answers_its_ffprobe_facts_and_puts_it_in_the_state_and_on_the_empty_draft()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var source = TestMedia.Real("video/cockatoo.mp4");
        var before = (await client.StateAsync()).GetProperty("version").GetInt32();

        using var res = await UploadKit.PostAsync(client, UploadKit.FormOf(source));
        var files = (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("files");

        Assert.Equal(1, files.GetArrayLength());
        var f = files[0];
        var probe = UploadKit.Ffprobe(source);
        var video = probe.GetProperty("streams").EnumerateArray().First(s => s.GetProperty("codec_type").GetString() == "video");
        var fps = video.GetProperty("avg_frame_rate").GetString()!.Split('/').Select(double.Parse).ToArray();
        var durationMs = double.Parse(probe.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture) * 1000;
        Assert.StartsWith("med_", f.GetProperty("media_id").GetString());
        Assert.Equal("cockatoo.mp4", f.GetProperty("name").GetString());
        Assert.Equal("video", f.GetProperty("kind").GetString());
        Assert.Equal("video/mp4", f.GetProperty("mime").GetString());
        Assert.Equal(new FileInfo(source).Length, f.GetProperty("size_bytes").GetInt64());
        Assert.InRange(f.GetProperty("duration_ms").GetInt64(), durationMs - 1, durationMs + 1);
        Assert.Equal(video.GetProperty("width").GetInt32(), f.GetProperty("width").GetInt32());
        Assert.Equal(video.GetProperty("height").GetInt32(), f.GetProperty("height").GetInt32());
        Assert.Equal(fps[0] / fps[1], f.GetProperty("fps").GetDouble(), 3);
        Assert.True(f.GetProperty("has_audio").GetBoolean());
        Assert.Equal("h264", f.GetProperty("video_codec").GetString());

        // The signed link serves exactly the uploaded bytes, without the bearer token.
        using (var plain = new HttpClient())
        {
            using var download = await plain.GetAsync(f.GetProperty("url").GetString());
            Assert.Equal(200, (int)download.StatusCode);
            Assert.Equal("video/mp4", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal(await File.ReadAllBytesAsync(source), await download.Content.ReadAsByteArrayAsync());
        }

        var state = await client.StateAsync();
        Assert.True(state.GetProperty("version").GetInt32() > before);
        var infos = state.GetProperty("state").GetProperty("video_infos");
        Assert.Equal(f.GetProperty("media_id").GetString(), Assert.Single(infos.EnumerateArray()).GetProperty("media_id").GetString());
        var draft = state.GetProperty("state").GetProperty("draft");
        var segment = Assert.Single(draft.GetProperty("t")[0].GetProperty("sg").EnumerateArray());
        Assert.Equal(0, draft.GetProperty("t")[0].GetProperty("tt").GetInt32());
        Assert.Equal(f.GetProperty("media_id").GetString(), segment.GetProperty("src").GetString());
        Assert.Equal(f.GetProperty("duration_ms").GetInt64(), segment.GetProperty("d").GetInt64());
        Assert.Equal(1920, draft.GetProperty("w").GetInt32());
    }

    [Fact]
    public async Task Photos_and_music_in_one_request_become_three_second_stills_in_order_and_the_background_music()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        string[] photos = [TestMedia.Real("image/photo-bar55.jpg"), TestMedia.Real("image/photo-anne-helene.jpg"), TestMedia.Real("image/photo-pool.jpg")];
        var music = TestMedia.Real("audio/music-its-a-game.mkv");

        using var res = await UploadKit.PostAsync(client, UploadKit.FormOf([.. photos, music]));
        var files = (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("files").EnumerateArray().ToList();

        Assert.Equal(["photo-bar55.jpg", "photo-anne-helene.jpg", "photo-pool.jpg", "music-its-a-game.mkv"], files.Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(["image", "image", "image", "audio"], files.Select(f => f.GetProperty("kind").GetString()));
        Assert.Equal(["image/jpeg", "image/jpeg", "image/jpeg", "audio/x-matroska"], files.Select(f => f.GetProperty("mime").GetString()));
        Assert.Equal((400, 600), (files[1].GetProperty("width").GetInt32(), files[1].GetProperty("height").GetInt32()));
        Assert.Equal(JsonValueKind.Null, files[0].GetProperty("duration_ms").ValueKind);
        Assert.InRange(files[3].GetProperty("duration_ms").GetInt64(), 58_800, 58_900);

        var draft = (await client.StateAsync()).GetProperty("state").GetProperty("draft");
        Assert.Equal((1920, 1080), (draft.GetProperty("w").GetInt32(), draft.GetProperty("h").GetInt32())); // the first upload is landscape
        var tracks = draft.GetProperty("t").EnumerateArray().ToList();
        var stills = tracks.Single(t => t.GetProperty("tt").GetInt32() == 0).GetProperty("sg").EnumerateArray().ToList();
        Assert.Equal(files.Take(3).Select(f => f.GetProperty("media_id").GetString()), stills.Select(s => s.GetProperty("src").GetString()));
        Assert.All(stills, s => Assert.Equal(3000, s.GetProperty("d").GetInt64()));
        Assert.Equal([0L, 3000L, 6000L], stills.Select(s => s.GetProperty("st").GetInt64()));
        var bgm = Assert.Single(tracks.Single(t => t.GetProperty("tt").GetInt32() == 1).GetProperty("sg").EnumerateArray());
        Assert.Equal(files[3].GetProperty("media_id").GetString(), bgm.GetProperty("src").GetString());
    }

    [Fact]
    public async Task An_animated_gif_keeps_its_image_gif_type_and_is_placed_as_a_clip_of_its_length()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        using var res = await UploadKit.PostAsync(client, UploadKit.FormOf(TestMedia.Real("image/newtonscradle.gif")));
        var f = (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("files")[0];
        Assert.Equal("image/gif", f.GetProperty("mime").GetString());
        Assert.Equal("video", f.GetProperty("kind").GetString()); // it may animate: the engine renders GIFs as clips
        Assert.Equal(820, f.GetProperty("duration_ms").GetInt64());
        Assert.Equal((200, 150), (f.GetProperty("width").GetInt32(), f.GetProperty("height").GetInt32()));
    }

    [Fact]
    public async Task A_second_upload_only_enters_the_bin_once_the_draft_has_segments()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        using (var first = await UploadKit.PostAsync(client, UploadKit.FormOf(TestMedia.Real("image/photo-snow.jpg"))))
            await LiveServer.ReadEnvelopeAsync(first, 200);
        using (var second = await UploadKit.PostAsync(client, UploadKit.FormOf(TestMedia.Real("video/realshort.mp4"))))
            await LiveServer.ReadEnvelopeAsync(second, 200);

        var state = (await client.StateAsync()).GetProperty("state");
        Assert.Equal(2, state.GetProperty("video_infos").GetArrayLength());
        var segments = state.GetProperty("draft").GetProperty("t").EnumerateArray().SelectMany(t => t.GetProperty("sg").EnumerateArray()).ToList();
        Assert.Single(segments);
    }

    [Fact]
    public async Task A_path_traversal_file_name_is_kept_only_as_a_sanitised_name_and_the_file_lands_under_the_data_folder()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var bytes = await File.ReadAllBytesAsync(TestMedia.Real("video/realshort.mp4"));

        using var res = await UploadKit.PostAsync(client, UploadKit.Form((bytes, "../../etc/passwd"), (bytes, "..\\..\\windows\\evil.mp4"), (bytes, "视频 1.mp4")));
        var files = (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("files");

        Assert.Equal(["passwd", "evil.mp4", "视频 1.mp4"], files.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        var factory = server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>();
        await using var ctx = await factory.CreateDbContextAsync();
        var stored = await ctx.Files.AsNoTracking().ToListAsync();
        Assert.Equal(3, stored.Count);
        var store = server.Services.GetRequiredService<FileStore>();
        foreach (var file in stored)
        {
            var path = store.PathOf(file);
            Assert.StartsWith(Path.Combine(server.DataDir, "files") + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
            Assert.Matches("^f[a-z2-7]{26}\\.mp4$", Path.GetFileName(path));
            Assert.True(File.Exists(path));
        }
        Assert.Equal(["evil.mp4", "passwd", "视频 1.mp4"], stored.Select(f => f.DownloadName).Order(StringComparer.Ordinal));
        using var plain = new HttpClient();
        using var download = await plain.GetAsync(files[0].GetProperty("url").GetString());
        Assert.Contains("passwd", download.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("..", download.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_session_and_a_missing_session_answer_1002_and_store_nothing()
    {
        await using var server = await LiveServer.StartAsync();
        var alice = await server.NewClientAsync();
        var bob = await server.NewClientAsync();
        var form = UploadKit.FormOf(TestMedia.Real("video/realshort.mp4"));
        using (var res = await bob.Http.PostAsync(UploadKit.PathOf(alice), form))
            await server.ReadErrorAsync(res, 404, 1002);
        using (var res = await bob.Http.PostAsync("api/upload-video/nemo_agent/me/ses_doesnotexist", UploadKit.FormOf(TestMedia.Real("video/realshort.mp4"))))
            await server.ReadErrorAsync(res, 404, 1002);
        using (var res = await server.Http.PostAsync(UploadKit.PathOf(alice), UploadKit.FormOf(TestMedia.Real("video/realshort.mp4"))))
            await server.ReadErrorAsync(res, 401, 1001);
        await UploadKit.AssertNothingKeptAsync(server);
    }

    [Fact]
    public async Task Malformed_requests_are_4000_with_the_place_that_is_wrong()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();

        // A part not named 'files'.
        var other = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(TestMedia.Real("video/realshort.mp4"))), "file", "clip.mp4" } };
        using (var res = await UploadKit.PostAsync(client, other))
            Assert.Equal("parts[0]", (await server.ReadErrorAsync(res, 400, 4000)).GetProperty("data").GetProperty("errors")[0].GetProperty("path").GetString());
        // No file at all.
        var empty = new ByteArrayContent("--xyz--\r\n"u8.ToArray());
        empty.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");
        using (var res = await UploadKit.PostAsync(client, empty))
            Assert.Equal("files", (await server.ReadErrorAsync(res, 400, 4000)).GetProperty("data").GetProperty("errors")[0].GetProperty("path").GetString());
        // Neither multipart nor JSON.
        using (var res = await UploadKit.PostAsync(client, new StringContent("hello")))
            await server.ReadErrorAsync(res, 400, 4000);
        // A multipart body cut in the middle of a part.
        var cut = new ByteArrayContent("--xyz\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.mp4\"\r\n\r\nabc"u8.ToArray());
        cut.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");
        using (var res = await UploadKit.PostAsync(client, cut))
            await server.ReadErrorAsync(res, 400, 4000);
        // JSON without urls, with a bad source_type and a non-string URL.
        using (var res = await client.Http.PostAsync(UploadKit.PathOf(client), UploadKit.JsonContent(new { source_type = "file" })))
        {
            var errors = (await server.ReadErrorAsync(res, 400, 4000)).GetProperty("data").GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString());
            Assert.Equal(["source_type", "urls"], errors);
        }
        using (var res = await client.Http.PostAsync(UploadKit.PathOf(client), UploadKit.JsonContent(new { urls = new object[] { "https://example.com/a.mp4", 5 } })))
            Assert.Equal("urls[1]", (await server.ReadErrorAsync(res, 400, 4000)).GetProperty("data").GetProperty("errors")[0].GetProperty("path").GetString());
        await UploadKit.AssertNothingKeptAsync(server);
    }
}
