using System.Net.Http.Headers;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Render;
using Cutroom.Server.Tests.Uploads;

namespace Cutroom.Server.Tests.DevApi;

/// <summary>The developer API under /v1 on a real server: media, renders, idempotency, cancel, pagination, problem details.</summary>
public sealed class V1ApiTests
{
    [Fact]
    public async Task Media_go_in_by_upload_and_by_url_and_a_render_runs_to_a_downloadable_file_idempotently()
    {
        await using var origin = await LoopbackOrigin.StartAsync();
        await using var server = await LiveServer.StartAsync(o => o.Upload.AllowLoopbackImports = true);
        using var dev = await V1Client.CreateAsync(server);

        // An anonymous token is refused by /v1 with a problem document.
        var anonymous = await server.NewClientAsync();
        using (var res = await anonymous.Http.GetAsync("v1/renders"))
            await V1Client.ProblemAsync(res, 401, "unauthorized");

        var uploaded = await dev.UploadAsync(TestMedia.Real("video/cockatoo.mp4"));
        using (var res = await dev.PostJsonAsync("v1/media", $$"""{"url":"{{origin.BaseUrl}}/media/cockatoo.mp4"}"""))
        {
            var imported = (await V1Client.ReadAsync(res, 201)).GetProperty("data")[0];
            Assert.Equal("video", imported.GetProperty("kind").GetString());
            Assert.True(imported.GetProperty("duration_ms").GetInt64() > 1000);
        }
        using (var res = await dev.PostJsonAsync("v1/media", """{"url":"ftp://example.com/a.mp4"}"""))
            Assert.Equal("url", (await V1Client.ProblemAsync(res, 400, "invalid_request")).GetProperty("field").GetString());
        using (var res = await dev.PostJsonAsync("v1/media", """{"url":"http://169.254.169.254/latest/meta-data/"}"""))
            Assert.Equal("url", (await V1Client.ProblemAsync(res, 400, "invalid_request")).GetProperty("field").GetString());
        using (var res = await dev.Http.GetAsync($"v1/media/{uploaded}"))
        {
            var m = await V1Client.ReadAsync(res, 200);
            Assert.Equal(uploaded, m.GetProperty("id").GetString());
            Assert.StartsWith("http://127.0.0.1", m.GetProperty("url").GetString(), StringComparison.Ordinal);
        }
        using (var res = await dev.Http.GetAsync("v1/media/med_nosuchmedia"))
            await V1Client.ProblemAsync(res, 404, "not_found");

        // A bad draft: every problem with its path.
        using (var res = await dev.PostJsonAsync("v1/renders", "{\"draft\":" + RenderKit.Draft(uploaded, durationMs: -5) + "}"))
        {
            var p = await V1Client.ProblemAsync(res, 400, "invalid_request");
            Assert.StartsWith("draft", p.GetProperty("field").GetString(), StringComparison.Ordinal);
            Assert.True(p.GetProperty("errors").GetArrayLength() >= 1);
        }
        using (var res = await dev.PostJsonAsync("v1/renders", "{\"draft\":" + RenderKit.Draft(uploaded) + ",\"output\":{\"format\":\"mkv\"}}"))
            Assert.Equal("output.format", (await V1Client.ProblemAsync(res, 400, "invalid_request")).GetProperty("field").GetString());

        var body = "{\"draft\":" + RenderKit.Draft(uploaded, durationMs: 2000) + ",\"output\":{\"format\":\"mp4\",\"quality\":\"low\"},\"idempotency_key\":\"order-1\"}";
        string id;
        using (var res = await dev.PostJsonAsync("v1/renders", body))
        {
            var r = await V1Client.ReadAsync(res, 202);
            id = r.GetProperty("id").GetString()!;
            Assert.Equal("order-1", r.GetProperty("idempotency_key").GetString());
        }
        using (var res = await dev.PostJsonAsync("v1/renders", body))
            Assert.Equal(id, (await V1Client.ReadAsync(res, 200)).GetProperty("id").GetString());
        using (var res = await dev.PostJsonAsync("v1/renders", body.Replace("\"low\"", "\"high\"", StringComparison.Ordinal)))
            await V1Client.ProblemAsync(res, 409, "conflict");

        var done = await dev.WaitForRenderAsync(id, TimeSpan.FromMinutes(5), "completed", "failed");
        Assert.True(done.GetProperty("status").GetString() == "completed", done.ToString());
        Assert.Equal(100, done.GetProperty("progress").GetInt32());
        using var temp = new TempDir();
        var file = await RenderKit.DownloadAsync(done.GetProperty("output").GetProperty("url").GetString()!, temp, "out.mp4");
        Assert.InRange(RenderKit.DurationMs(RenderKit.Probe(file)), 1800, 2300);

        // A completed render cannot be cancelled; another account cannot see it.
        using (var res = await dev.Http.DeleteAsync($"v1/renders/{id}"))
            await V1Client.ProblemAsync(res, 409, "conflict");
        using var stranger = await V1Client.CreateAsync(server, "stranger");
        using (var res = await stranger.Http.GetAsync($"v1/renders/{id}"))
            await V1Client.ProblemAsync(res, 404, "not_found");
        using (var res = await stranger.Http.GetAsync($"v1/media/{uploaded}"))
            await V1Client.ProblemAsync(res, 404, "not_found");
    }

    [Fact]
    public async Task A_render_is_cancelled_by_DELETE_and_lists_page_by_cursor_newest_first()
    {
        await using var server = await LiveServer.StartAsync(o => o.Jobs.RendersPerAccount = 1);
        using var dev = await V1Client.CreateAsync(server);
        var media = await dev.UploadAsync(TestMedia.Real("video/cockatoo.mp4"));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var res = await dev.PostJsonAsync("v1/renders", "{\"draft\":" + RenderKit.Draft(media, durationMs: 1000 + i * 100) + "}");
            ids.Add((await V1Client.ReadAsync(res, 202)).GetProperty("id").GetString()!);
        }
        foreach (var id in ids)
        {
            using var res = await dev.Http.DeleteAsync($"v1/renders/{id}");
            var r = await V1Client.ReadAsync(res, 200);
            Assert.Equal("cancelled", r.GetProperty("status").GetString());
            Assert.Equal("cancelled", r.GetProperty("error").GetProperty("code").GetString());
        }
        foreach (var id in ids) Assert.Equal("cancelled", (await dev.WaitForRenderAsync(id, TimeSpan.FromMinutes(1), "cancelled", "completed")).GetProperty("status").GetString());

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            using var res = await dev.Http.GetAsync("v1/renders?limit=2" + (cursor is null ? "" : "&cursor=" + cursor));
            var page = await V1Client.ReadAsync(res, 200);
            Assert.True(page.GetProperty("data").GetArrayLength() <= 2);
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
            cursor = page.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(Enumerable.Reverse(ids), seen);
        using (var res = await dev.Http.GetAsync("v1/renders?limit=0"))
            Assert.Equal("limit", (await V1Client.ProblemAsync(res, 400, "invalid_request")).GetProperty("field").GetString());
        using (var res = await dev.Http.GetAsync("v1/renders?cursor=!!"))
            Assert.Equal("cursor", (await V1Client.ProblemAsync(res, 400, "invalid_request")).GetProperty("field").GetString());
    }
}
