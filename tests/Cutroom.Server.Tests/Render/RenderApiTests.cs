using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Cutroom.Server.Data;
using Cutroom.Server.Jobs;
using Cutroom.Server.Storage;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cutroom.Server.Tests.Render;

public sealed class RenderApiTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RenderTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_small_draft_of_a_real_video_renders_to_a_verified_H264_High_AAC_mp4_with_a_signed_link()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var media = await SeedMedia.AddAsync(server, client, TestMedia.Real("video/cockatoo.mp4"));

        var sw = Stopwatch.StartNew();
        using (var res = await RenderKit.PostAsync(client.Http, RenderKit.Body("render_small", client.SessionId, RenderKit.Draft(media[0]))))
        {
            var accepted = await LiveServer.ReadEnvelopeAsync(res, 202);
            Assert.Equal("render_small", accepted.GetProperty("id").GetString());
            Assert.Equal("queued", accepted.GetProperty("status").GetString());
        }
        var done = await RenderKit.WaitForAsync(client.Http, "render_small", RenderTimeout, "completed", "failed");
        output.WriteLine($"640x360 3 s render, POST to completed: {sw.ElapsedMilliseconds} ms");
        Assert.True(done.GetProperty("status").GetString() == "completed", done.ToString());
        Assert.Equal(100, done.GetProperty("progress").GetInt32());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("error").ValueKind);
        var o = done.GetProperty("output");
        Assert.Equal("mp4", o.GetProperty("format").GetString());
        Assert.Equal(640, o.GetProperty("width").GetInt32());
        Assert.Equal(360, o.GetProperty("height").GetInt32());
        Assert.InRange(o.GetProperty("duration_ms").GetInt64(), 2967, 3034);
        Assert.EndsWith("Z", done.GetProperty("created_at").GetString());

        using var tmp = new TempDir();
        var url = o.GetProperty("url").GetString()!;
        Assert.StartsWith(server.BaseUrl + "/files/", url);
        using (var head = await new HttpClient().GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal("video/mp4", head.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Cockatoo test.mp4", head.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        }
        var file = await RenderKit.DownloadAsync(url, tmp, "out.mp4");
        Assert.Equal(o.GetProperty("size_bytes").GetInt64(), new FileInfo(file).Length);
        var probe = RenderKit.Probe(file);
        var v = RenderKit.Stream(probe, "video")!.Value;
        var a = RenderKit.Stream(probe, "audio")!.Value;
        Assert.Equal("h264", v.GetProperty("codec_name").GetString());
        Assert.Equal("High", v.GetProperty("profile").GetString());
        Assert.Equal("yuv420p", v.GetProperty("pix_fmt").GetString());
        Assert.Equal(640, v.GetProperty("width").GetInt32());
        Assert.Equal("aac", a.GetProperty("codec_name").GetString());
        Assert.InRange(RenderKit.DurationMs(probe), 2967, 3034);
        Assert.Equal((100, 0, 100), await client.CreditsAsync()); // export is free
        Assert.True(File.Exists(server.Services.GetRequiredService<Cutroom.Server.Render.RenderJobHandler>().LogPathOf(await JobIdAsync(server, "render_small"))), "the render keeps a per-job ffmpeg log");
    }

    [Fact]
    public async Task A_webm_render_has_VP9_video_and_Opus_sound()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var media = await SeedMedia.AddAsync(server, client, TestMedia.Real("video/cockatoo.mp4"));
        using (var res = await RenderKit.PostAsync(client.Http, RenderKit.Body("render_webm", client.SessionId, RenderKit.Draft(media[0], 320, 180, 2000), "webm", "low")))
            await LiveServer.ReadEnvelopeAsync(res, 202);
        var done = await RenderKit.WaitForAsync(client.Http, "render_webm", RenderTimeout, "completed", "failed");
        Assert.True(done.GetProperty("status").GetString() == "completed", done.ToString());
        Assert.Equal("webm", done.GetProperty("output").GetProperty("format").GetString());
        using var tmp = new TempDir();
        var probe = RenderKit.Probe(await RenderKit.DownloadAsync(done.GetProperty("output").GetProperty("url").GetString()!, tmp, "out.webm"));
        Assert.Equal("vp9", RenderKit.Stream(probe, "video")!.Value.GetProperty("codec_name").GetString());
        Assert.Equal("opus", RenderKit.Stream(probe, "audio")!.Value.GetProperty("codec_name").GetString());
        Assert.Equal(320, RenderKit.Stream(probe, "video")!.Value.GetProperty("width").GetInt32());
        Assert.InRange(RenderKit.DurationMs(probe), 1960, 2040);
    }

    [Fact]
    public async Task The_same_body_twice_or_at_once_makes_one_job_and_another_body_with_the_same_id_is_4009()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var media = await SeedMedia.AddAsync(server, client, TestMedia.Real("video/cockatoo.mp4"));
        var draft = RenderKit.Draft(media[0], 320, 180, 1000);
        var body = RenderKit.Body("render_same", client.SessionId, draft);
        using (var res = await RenderKit.PostAsync(client.Http, body)) await LiveServer.ReadEnvelopeAsync(res, 202);
        using (var res = await RenderKit.PostAsync(client.Http, body))
        {
            var again = await LiveServer.ReadEnvelopeAsync(res, 202);
            Assert.Equal("render_same", again.GetProperty("id").GetString());
            Assert.Contains(again.GetProperty("status").GetString(), new[] { "queued", "rendering", "completed" });
        }
        // The same request written differently: keys reordered, whitespace, output left to its defaults, a stale d.
        {
            var reordered = "{ \"draft\": " + draft.Replace("\"d\":1000,\"m\"", "\"d\":999,\"m\"", StringComparison.Ordinal)
                + ",\n  \"sessionId\": \"" + client.SessionId + "\", \"id\": \"render_same\" }";
            using var res = await RenderKit.PostAsync(client.Http, reordered);
            await LiveServer.ReadEnvelopeAsync(res, 202);
        }
        using (var res = await RenderKit.PostAsync(client.Http, RenderKit.Body("render_same", client.SessionId, draft, "mp4", "low")))
        {
            var err = await server.ReadErrorAsync(res, 409, 4009);
            Assert.Contains("render_same", err.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        var race = RenderKit.Body("render_race", client.SessionId, draft);
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => RenderKit.PostAsync(client.Http, race)));
        foreach (var r in answers)
        {
            using (r) await LiveServer.ReadEnvelopeAsync(r, 202);
        }
        await using var ctx = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync();
        Assert.Equal(1, await ctx.Jobs.CountAsync(j => j.ExternalId == "render_same"));
        Assert.Equal(1, await ctx.Jobs.CountAsync(j => j.ExternalId == "render_race"));
        Assert.Equal(2, await ctx.Jobs.CountAsync(j => j.Kind == JobKinds.Render));
        Assert.All(await ctx.Jobs.Where(j => j.Kind == JobKinds.Render).ToListAsync(), j => Assert.Equal(64, j.RequestHash!.Length));
    }

    [Fact]
    public async Task Without_the_attribution_headers_export_is_402_unless_the_setting_is_off()
    {
        await using (var server = await LiveServer.StartAsync())
        {
            var client = await server.NewClientAsync();
            var media = await SeedMedia.AddAsync(server, client, TestMedia.Real("video/cockatoo.mp4"));
            var body = RenderKit.Body("render_402", client.SessionId, RenderKit.Draft(media[0], 320, 180, 500));
            using (var res = await RenderKit.PostAsync(client.Http, body, attribution: false))
                await server.ReadErrorAsync(res, 402, 402);
            using var partial = new HttpRequestMessage(HttpMethod.Post, "api/render/proxy/lambda") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            partial.Headers.Add("X-Skill-Source", "x");
            partial.Headers.Add("X-Skill-Version", "1");
            using (var res = await client.Http.SendAsync(partial))
                await server.ReadErrorAsync(res, 402, 402);
            await using var ctx = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync();
            Assert.Equal(0, await ctx.Jobs.CountAsync());
        }
        await using (var server = await LiveServer.StartAsync(o => o.RequireAttribution = false))
        {
            var client = await server.NewClientAsync();
            var media = await SeedMedia.AddAsync(server, client, TestMedia.Real("video/cockatoo.mp4"));
            using var res = await RenderKit.PostAsync(client.Http, RenderKit.Body("render_free", client.SessionId, RenderKit.Draft(media[0], 320, 180, 500)), attribution: false);
            await LiveServer.ReadEnvelopeAsync(res, 202);
        }
    }

    [Fact]
    public async Task An_invalid_draft_and_output_are_4000_with_the_json_path_of_every_error()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var media = await SeedMedia.AddAsync(server, client, TestMedia.Real("video/cockatoo.mp4"));
        var draft = $$"""
            {"v":1,"w":641,"h":360,"fps":30,"t":[
              {"id":"trk_1","tt":0,"sg":[{"id":"seg_1","src":"{{media[0]}}","st":0,"d":1000}]},
              {"id":"trk_2","tt":0,"sg":[{"id":"seg_2","src":"{{media[0]}}","st":0,"d":0}]}]}
            """;
        using var res = await RenderKit.PostAsync(client.Http, RenderKit.Body("render_bad", client.SessionId, draft, "avi", "ultra"));
        var err = await server.ReadErrorAsync(res, 400, 4000);
        var paths = err.GetProperty("data").GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        output.WriteLine(err.ToString());
        Assert.Contains("draft.w", paths);
        Assert.Contains("draft.t[1].sg[0].d", paths);
        Assert.Contains("output.format", paths);
        Assert.Contains("output.quality", paths);
        Assert.All(err.GetProperty("data").GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString())));
    }

    [Theory]
    [InlineData("""{"id":"","sessionId":"x","draft":{}}""", "id")]
    [InlineData("""{"id":"has space","sessionId":"x","draft":{}}""", "id")]
    [InlineData("""{"id":"../etc","sessionId":"x","draft":{}}""", "id")]
    [InlineData("""{"id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","sessionId":"x"}""", "id")]
    [InlineData("""{"id":7}""", "id")]
    [InlineData("""[1,2]""", "$")]
    [InlineData("""{"id":"ok",""", "$")]
    public async Task A_malformed_body_or_render_id_is_4000_before_anything_else(string body, string path)
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        using var res = await RenderKit.PostAsync(client.Http, body, attribution: false);
        var err = await server.ReadErrorAsync(res, 400, 4000);
        Assert.Equal(path, err.GetProperty("data").GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_src_from_another_users_session_is_4000_at_the_segments_path_and_unknown_ids_likewise()
    {
        await using var server = await LiveServer.StartAsync();
        var alice = await server.NewClientAsync();
        var bob = await server.NewClientAsync();
        var own = await SeedMedia.AddAsync(server, alice, TestMedia.Real("video/cockatoo.mp4"));
        var bobs = await SeedMedia.AddAsync(server, bob, TestMedia.Real("video/cockatoo.mp4"));
        var draft = $$"""
            {"v":1,"w":320,"h":180,"fps":30,"t":[
              {"id":"trk_1","tt":0,"sg":[{"id":"seg_1","src":"{{own[0]}}","st":0,"d":1000},{"id":"seg_2","src":"{{bobs[0]}}","st":1000,"d":1000}]},
              {"id":"trk_2","tt":1,"sg":[{"id":"seg_3","src":"med_doesnotexist","st":0,"d":1000}]}]}
            """;
        using var res = await RenderKit.PostAsync(alice.Http, RenderKit.Body("render_theft", alice.SessionId, draft));
        var err = await server.ReadErrorAsync(res, 400, 4000);
        var errors = err.GetProperty("data").GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(["draft.t[0].sg[1].src", "draft.t[1].sg[0].src"], errors.Select(e => e.GetProperty("path").GetString()));
        // Bob's id is reported exactly as an id that does not exist.
        Assert.Equal(errors[0].GetProperty("message").GetString()!.Replace(bobs[0], "X", StringComparison.Ordinal),
            errors[1].GetProperty("message").GetString()!.Replace("med_doesnotexist", "X", StringComparison.Ordinal));
        await using var ctx = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync();
        Assert.Equal(0, await ctx.Jobs.CountAsync());
    }

    [Fact]
    public async Task Another_users_session_is_1002_and_another_users_render_id_is_4004_like_a_missing_one()
    {
        await using var server = await LiveServer.StartAsync();
        var alice = await server.NewClientAsync();
        var bob = await server.NewClientAsync();
        var media = await SeedMedia.AddAsync(server, alice, TestMedia.Real("video/cockatoo.mp4"));
        var body = RenderKit.Body("render_alice", alice.SessionId, RenderKit.Draft(media[0], 320, 180, 500));
        using (var res = await RenderKit.PostAsync(bob.Http, body)) await server.ReadErrorAsync(res, 404, 1002);
        using (var res = await RenderKit.PostAsync(alice.Http, body)) await LiveServer.ReadEnvelopeAsync(res, 202);

        using var theirs = await bob.Http.GetAsync("api/render/proxy/lambda/render_alice");
        var e1 = await server.ReadErrorAsync(theirs, 404, 4004);
        using var missing = await bob.Http.GetAsync("api/render/proxy/lambda/render_nobody");
        var e2 = await server.ReadErrorAsync(missing, 404, 4004);
        Assert.Equal(e2.GetProperty("message").GetString(), e1.GetProperty("message").GetString());
        Assert.Equal(e2.GetProperty("data").ToString(), e1.GetProperty("data").ToString());
        // Bob may use the same id for his own render: ids are per account.
        var bobMedia = await SeedMedia.AddAsync(server, bob, TestMedia.Real("video/cockatoo.mp4"));
        using (var res = await RenderKit.PostAsync(bob.Http, RenderKit.Body("render_alice", bob.SessionId, RenderKit.Draft(bobMedia[0], 320, 180, 500))))
            await LiveServer.ReadEnvelopeAsync(res, 202);
    }

    [Fact]
    public async Task A_render_whose_media_file_vanished_from_disk_fails_with_a_message_that_names_the_media_but_no_path()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var media = await SeedMedia.AddAsync(server, client, TestMedia.Real("video/cockatoo.mp4"));
        await using (var ctx = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync())
        {
            var key = await ctx.Media.Where(m => m.Id == media[0]).Select(m => m.FileKey).FirstAsync();
            var store = server.Services.GetRequiredService<FileStore>();
            File.Delete(store.PathOf((await store.FindAsync(key))!));
        }
        using (var res = await RenderKit.PostAsync(client.Http, RenderKit.Body("render_gone", client.SessionId, RenderKit.Draft(media[0], 320, 180, 1000))))
            await LiveServer.ReadEnvelopeAsync(res, 202);
        var done = await RenderKit.WaitForAsync(client.Http, "render_gone", RenderTimeout, "completed", "failed");
        Assert.Equal("failed", done.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("output").ValueKind);
        var error = done.GetProperty("error");
        Assert.Equal(4004, error.GetProperty("code").GetInt32());
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("cockatoo.mp4", message, StringComparison.Ordinal);
        Assert.DoesNotContain("/", message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.DataDir, done.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(server.Services.GetRequiredService<FileStore>().TempDir));
    }

    private static async Task<string> JobIdAsync(LiveServer server, string renderId)
    {
        await using var ctx = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync();
        return await ctx.Jobs.Where(j => j.ExternalId == renderId).Select(j => j.Id).FirstAsync();
    }
}
