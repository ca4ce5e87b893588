using System.Diagnostics;
using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.Chat;

public sealed class ChatLaneTests
{
    [Fact]
    public async Task Turns_queued_behind_a_busy_session_do_not_hold_the_chat_workers_that_other_sessions_need()
    {
        await using var server = await LiveServer.StartAsync(o => o.Jobs.ChatConcurrency = 2);
        var busy = await server.NewClientAsync();
        var other = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, busy, TestMedia.Real("video/cockatoo.mp4"));
        var clock = Stopwatch.StartNew();

        // Three frame extractions on one session: one runs, two wait their turn.
        var slow = new List<Task<TimeSpan>>();
        for (var i = 0; i < 3; i++)
        {
            slow.Add(Done(ChatCalls.PostRunAsync(busy, "extract every 10th frame from my video as images"), clock));
            await Task.Delay(150);
        }
        // A quick edit of another session is not stuck behind them.
        var quick = await Done(ChatCalls.PostRunAsync(other, "add a title 'Hello' at the top"), clock);
        var first = await slow[0];
        Assert.True(quick < first, $"the other session's edit ended at {quick.TotalSeconds:0.00} s, after the busy session's first turn ({first.TotalSeconds:0.00} s)");
        foreach (var t in slow) await t;
        Assert.Equal(3 * 29, (await busy.StateAsync()).GetProperty("state").GetProperty("generated_media").GetArrayLength());
    }

    private static async Task<TimeSpan> Done(Task<HttpResponseMessage> call, Stopwatch clock)
    {
        using var res = await call;
        await LiveServer.ReadEnvelopeAsync(res, 200);
        return clock.Elapsed;
    }
}
