using Cutroom.Server.Data;
using Cutroom.Server.Jobs;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Render;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cutroom.Server.Tests.Jobs;

/// <summary>The fair queue on a real server: one account's renders cannot starve another's, and an account never has more than its limit running.</summary>
public sealed class FairRenderQueueTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Account_A_queues_five_long_renders_then_B_one_short_one_and_B_s_render_starts_before_A_s_second()
    {
        await using var server = await LiveServer.StartAsync(o => o.Jobs.Concurrency = 1);
        var a = await server.NewClientAsync();
        var b = await server.NewClientAsync();
        var mediaA = await SeedMedia.AddAsync(server, a, TestMedia.Real("video/cockatoo.mp4"));
        var mediaB = await SeedMedia.AddAsync(server, b, TestMedia.Real("video/cockatoo.mp4"));

        for (var i = 1; i <= 5; i++)
            await PostAsync(a, $"long_{i}", RenderKit.Draft(mediaA[0], 640, 360, 6000, title: $"Long {i}"));
        await PostAsync(b, "short", RenderKit.Draft(mediaB[0], 320, 180, 1000, title: "Short"));
        await RenderKit.WaitForAsync(b.Http, "short", Patience, "completed");

        var starts = await StartsAsync(server);
        output.WriteLine(string.Join("\n", starts.Select(s => $"{s.At:HH:mm:ss.fff} {s.ExternalId}")));
        var aStarts = starts.Where(s => s.ExternalId.StartsWith("long_", StringComparison.Ordinal)).Select(s => s.At).Order().ToList();
        var bStart = Assert.Single(starts, s => s.ExternalId == "short").At;
        Assert.Equal("long_1", starts[0].ExternalId); // A's first was alone in the queue
        Assert.Equal("short", starts[1].ExternalId); // the next free worker went to B
        if (aStarts.Count >= 2) Assert.True(bStart < aStarts[1], $"B started at {bStart:O}, after A's second ({aStarts[1]:O})");
    }

    [Fact]
    public async Task An_account_never_has_more_renders_running_than_its_limit_while_a_free_worker_serves_another_account()
    {
        await using var server = await LiveServer.StartAsync(o =>
        {
            o.Jobs.Concurrency = 3;
            o.Jobs.RendersPerAccount = 2;
        });
        var a = await server.NewClientAsync();
        var b = await server.NewClientAsync();
        var mediaA = await SeedMedia.AddAsync(server, a, TestMedia.Real("video/cockatoo.mp4"));
        var mediaB = await SeedMedia.AddAsync(server, b, TestMedia.Real("video/cockatoo.mp4"));

        for (var i = 1; i <= 4; i++)
            await PostAsync(a, $"a_{i}", RenderKit.Draft(mediaA[0], 640, 360, 4000, title: $"A {i}"));
        await PostAsync(b, "b_1", RenderKit.Draft(mediaB[0], 320, 180, 2000, title: "B"));
        foreach (var id in new[] { "a_1", "a_2", "a_3", "a_4" })
            Assert.Equal("completed", (await RenderKit.WaitForAsync(a.Http, id, Patience, "completed", "failed")).GetProperty("status").GetString());
        Assert.Equal("completed", (await RenderKit.WaitForAsync(b.Http, "b_1", Patience, "completed", "failed")).GetProperty("status").GetString());

        // A's running intervals from the recorded transitions: never three at once.
        var db = server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>();
        await using var ctx = await db.CreateDbContextAsync();
        var aJobs = await ctx.Jobs.AsNoTracking().Where(j => j.ExternalId!.StartsWith("a_")).Select(j => j.Id).ToListAsync();
        var moves = await ctx.JobTransitions.AsNoTracking().Where(t => aJobs.Contains(t.JobId) && (t.To == JobStates.Running || t.From == JobStates.Running))
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync();
        int running = 0, most = 0;
        foreach (var m in moves)
        {
            running += m.To == JobStates.Running ? 1 : -1;
            most = Math.Max(most, running);
        }
        output.WriteLine($"most of A's renders running at once: {most}");
        Assert.Equal(2, most);
    }

    private static async Task PostAsync(ApiClient client, string id, string draft)
    {
        using var res = await RenderKit.PostAsync(client.Http, RenderKit.Body(id, client.SessionId, draft, "mp4", "low"));
        await LiveServer.ReadEnvelopeAsync(res, 202);
    }

    private static async Task<List<(string ExternalId, DateTime At)>> StartsAsync(LiveServer server)
    {
        var db = server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>();
        await using var ctx = await db.CreateDbContextAsync();
        var starts = await (from t in ctx.JobTransitions.AsNoTracking()
                            join j in ctx.Jobs.AsNoTracking() on t.JobId equals j.Id
                            where t.From == JobStates.Queued && t.To == JobStates.Running && j.Kind == JobKinds.Render
                            orderby t.Id
                            select new { j.ExternalId, t.At }).ToListAsync();
        return starts.Select(s => (s.ExternalId!, s.At)).ToList();
    }
}
