using System.Globalization;
using Cutroom.Server.Data;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Render;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests.Jobs;

/// <summary>The output a render may produce is limited when the render is posted (Render:MaxOutputDuration), before any worker is taken.</summary>
public sealed class RenderLimitTests
{
    [Fact]
    public async Task A_four_hour_draft_of_a_tiny_photo_is_refused_up_front_with_4000_and_the_reason_and_no_job_is_queued()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var media = await SeedMedia.AddAsync(server, client, TestMedia.Real("image/logo-qt.jpg"));
        const long FourHours = 4L * 3600 * 1000;
        var draft = string.Create(CultureInfo.InvariantCulture,
            $$$"""{"v":1,"w":640,"h":360,"fps":30,"d":{{{FourHours}}},"t":[{"id":"trk_1","tt":0,"sg":[{"id":"seg_1","src":"{{{media[0]}}}","st":0,"d":{{{FourHours}}},"m":{"fit":"contain"}}]}]}""");

        using var res = await RenderKit.PostAsync(client.Http, RenderKit.Body("render_4h", client.SessionId, draft));
        var error = await server.ReadErrorAsync(res, 400, 4000);
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains("4 h 0 min", message, StringComparison.Ordinal);
        Assert.Contains("30 min", message, StringComparison.Ordinal);
        var problem = Assert.Single(error.GetProperty("data").GetProperty("errors").EnumerateArray());
        Assert.Equal("draft", problem.GetProperty("path").GetString());

        var db = server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>();
        await using var ctx = await db.CreateDbContextAsync();
        Assert.False(await ctx.Jobs.AnyAsync());
    }

    [Fact]
    public async Task The_limit_is_the_server_s_setting_a_draft_within_it_is_accepted_and_one_past_it_refused()
    {
        await using var server = await LiveServer.StartAsync(o => o.Render.MaxOutputDuration = TimeSpan.FromSeconds(2));
        var client = await server.NewClientAsync();
        var media = await SeedMedia.AddAsync(server, client, TestMedia.Real("video/cockatoo.mp4"));

        using (var res = await RenderKit.PostAsync(client.Http, RenderKit.Body("render_3s", client.SessionId, RenderKit.Draft(media[0], 320, 180, 3000))))
        {
            var error = await server.ReadErrorAsync(res, 400, 4000);
            Assert.Contains("longer than the 2 s a render may produce", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        using (var res = await RenderKit.PostAsync(client.Http, RenderKit.Body("render_2s", client.SessionId, RenderKit.Draft(media[0], 320, 180, 2000), "mp4", "low")))
            await LiveServer.ReadEnvelopeAsync(res, 202);
        var done = await RenderKit.WaitForAsync(client.Http, "render_2s", TimeSpan.FromMinutes(3), "completed", "failed");
        Assert.Equal("completed", done.GetProperty("status").GetString());
    }
}
