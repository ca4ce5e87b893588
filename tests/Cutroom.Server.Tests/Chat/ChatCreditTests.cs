using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Cutroom.Server.Jobs;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Tests.Chat;

/// <summary>Credits of chat turns, checked in the ledger: charged once, returned on failure, never below zero under concurrent turns.</summary>
public sealed class ChatCreditTests
{
    /// <summary>A 2 s 320x240 clip: every 10th frame is 5 images, and the price is still 1 + 1 per started minute = 2.</summary>
    private static string SmallClip => TestMedia.Generate("chat-small.mp4", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");

    [Fact]
    public async Task Eight_frame_turns_at_once_on_one_account_never_overdraw_and_charge_each_hold_exactly_once()
    {
        await using var server = await LiveServer.StartAsync(o =>
        {
            o.Auth.SignupCredits = 7; // three turns of 2 credits, then 1 left
            o.Jobs.ChatConcurrency = 8;
        });
        var client = await server.NewClientAsync();
        var clients = new List<ApiClient> { client };
        for (var i = 1; i < 8; i++)
        {
            using var res = await client.Http.PostAsJsonAsync("api/tasks/me/with-session/nemo_agent", new { task_name = $"p{i}" });
            clients.Add(client with { SessionId = (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("session_id").GetString()! });
        }
        foreach (var c in clients) await SeedMedia.AddAsync(server, c, SmallClip);

        var samples = new ConcurrentBag<(int Available, int Frozen, int Total)>();
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                samples.Add(await client.CreditsAsync());
                await Task.Delay(20);
            }
        });
        var outcomes = await Task.WhenAll(clients.Select(async c =>
        {
            using var res = await ChatCalls.PostSseAsync(c, "extract every 10th frame from my video as images");
            if ((int)res.StatusCode == 402)
            {
                await server.ReadErrorAsync(res, 402, 2001);
                return "refused";
            }
            var turn = await ChatCalls.ReadAsync(res);
            if (turn.Last.TryGetProperty("errorCode", out var code))
            {
                Assert.Equal("2001", code.GetString()); // a string, as ADK types Event.errorCode
                Assert.Contains("?bind=", turn.Last.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
                Assert.True(turn.Last.GetProperty("turnComplete").GetBoolean());
                return "out of credits";
            }
            Assert.True(Assert.Single(turn.Parts("functionResponse")).GetProperty("response").GetProperty("ok").GetBoolean(), turn.FinalText);
            return "done";
        }));
        await stop.CancelAsync();
        await sampler;

        Assert.Equal(3, outcomes.Count(o => o == "done"));
        Assert.All(samples, s =>
        {
            Assert.True(s.Available >= 0 && s.Frozen >= 0, $"balance {s}");
            Assert.Equal(s.Total, s.Available + s.Frozen);
        });
        Assert.Equal((1, 0, 1), await client.CreditsAsync());
        await using var db = await ChatCalls.DbAsync(server);
        var lines = await db.Credits.AsNoTracking().ToListAsync();
        var freezes = lines.Where(l => l.Kind == "freeze").ToList();
        var settles = lines.Where(l => l.Kind == "settle").ToList();
        Assert.Equal(3, freezes.Count);
        Assert.All(freezes, f => Assert.Single(settles, s => s.HoldId == f.HoldId));
        Assert.Equal(7 - 1, settles.Sum(s => s.Charged));
        Assert.All(settles, s => Assert.Equal(2, s.Charged));
        Assert.Equal(3, (await db.Jobs.AsNoTracking().Where(j => j.Status == JobStates.Completed).ToListAsync())
            .Count(j => JsonDocument.Parse(j.ResultJson!).RootElement.GetProperty("succeeded").GetBoolean()));
    }

    [Fact]
    public async Task A_turn_that_runs_past_its_time_limit_ends_with_an_error_event_fails_its_job_and_returns_its_frozen_credits()
    {
        var longClip = TestMedia.Generate("chat-long.mp4", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25:duration=20",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        await using var server = await LiveServer.StartAsync(o => o.Chat.TurnLimit = TimeSpan.FromSeconds(2));
        var client = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, client, longClip);

        var started = DateTime.UtcNow;
        var turn = await ChatCalls.SayAsync(client, "extract every frame from my video as png images");

        Assert.InRange((DateTime.UtcNow - started).TotalSeconds, 1.5, 20);
        Assert.Equal("extract_frames", Assert.Single(turn.Parts("functionCall")).GetProperty("name").GetString());
        Assert.Equal("5000", turn.Last.GetProperty("errorCode").GetString());
        Assert.Contains("did not finish within 2 seconds", turn.Last.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.True(turn.Last.GetProperty("turnComplete").GetBoolean());

        await using var db = await ChatCalls.DbAsync(server);
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.SessionId == client.SessionId);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline && !JobStates.IsTerminal((await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id)).Status))
            await Task.Delay(100);
        job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id);
        Assert.Equal((JobStates.Failed, 5000), (job.Status, job.ErrorCode));
        var lines = await db.Credits.AsNoTracking().Where(c => c.JobId == job.Id).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(["freeze", "settle"], lines.Select(l => l.Kind));
        Assert.Equal((2, 0), (lines[0].Amount, lines[1].Charged));
        Assert.Equal((100, 0, 100), await client.CreditsAsync());
        Assert.Equal(0, (await client.StateAsync()).GetProperty("state").GetProperty("generated_media").GetArrayLength());
    }
}
