using System.Text.Json;
using System.Text.RegularExpressions;
using Cutroom.Server.Chat;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Jobs;
using Cutroom.Server.Sessions;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests.Chat;

/// <summary><c>POST /run_sse</c> and <c>/run</c> end to end: real HTTP, the real agent and engine, results read back from state, files and the ledger.</summary>
public sealed class ChatTurnTests
{
    private static string Cockatoo => TestMedia.Real("video/cockatoo.mp4");

    [Fact]
    public async Task Every_10th_frame_by_chat_streams_the_call_its_progress_its_result_and_a_closing_text_and_lands_28_images_and_a_zip_in_state()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, client, Cockatoo);
        Assert.Equal((100, 0, 100), await client.CreditsAsync());

        var turn = await ChatCalls.SayAsync(client, "extract every 10th frame from my video as images", req =>
        {
            req.Headers.Add("X-Skill-Source", "video-extractor");
            req.Headers.Add("X-Skill-Version", "1.2.0");
            req.Headers.Add("X-Skill-Platform", "cursor");
        });

        // Every event is an ADK event of this turn.
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var invocation = turn.Events[0].GetProperty("invocationId").GetString()!;
        Assert.StartsWith("inv_", invocation, StringComparison.Ordinal);
        Assert.All(turn.Events, e =>
        {
            Assert.StartsWith("evt_", e.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.Equal(invocation, e.GetProperty("invocationId").GetString());
            Assert.Equal("nemo_agent", e.GetProperty("author").GetString());
            Assert.InRange(e.GetProperty("timestamp").GetDouble(), now - 120, now + 1);
            Assert.Equal("model", e.GetProperty("content").GetProperty("role").GetString());
            Assert.False(e.TryGetProperty("errorCode", out _));
        });
        Assert.Equal(turn.Events.Count, turn.Events.Select(e => e.GetProperty("id").GetString()).Distinct().Count());

        var call = Assert.Single(turn.Parts("functionCall"));
        Assert.Equal("extract_frames", call.GetProperty("name").GetString());
        Assert.Equal(10, call.GetProperty("args").GetProperty("every_n").GetInt32());
        Assert.Equal(turn.Events[0].GetProperty("content").GetProperty("parts")[0].GetProperty("functionCall").GetRawText(), call.GetRawText());

        var progress = turn.Events.Where(e => e.GetProperty("partial").GetBoolean()).ToList();
        Assert.InRange(progress.Count, 1, 3); // a few lines per job: a seed client forwards every one to the user
        Assert.All(progress, e => Assert.Matches(new Regex(@"^Extracting frames: \d{1,3}%$"), ChatCalls.TextOf(e)));
        Assert.Equal(progress.Count, progress.Select(ChatCalls.TextOf).Distinct().Count());

        var response = Assert.Single(turn.Parts("functionResponse"));
        Assert.Equal(call.GetProperty("id").GetString(), response.GetProperty("id").GetString());
        var result = response.GetProperty("response");
        Assert.True(result.GetProperty("ok").GetBoolean());
        Assert.Equal(28, result.GetProperty("count").GetInt32());
        Assert.Equal(2, result.GetProperty("credits").GetInt32()); // 1 + 1 per started minute of a 14 s clip
        Assert.Equal(29, result.GetProperty("outputs").GetArrayLength());
        var responseEvent = turn.Events.Single(e => ChatCalls.Shape(e).StartsWith("response:", StringComparison.Ordinal));
        var artifacts = responseEvent.GetProperty("actions").GetProperty("artifactDelta");
        Assert.Equal(29, artifacts.EnumerateObject().Count());
        Assert.All(artifacts.EnumerateObject(), a => Assert.Equal(0, a.Value.GetInt32()));

        Assert.True(turn.Last.GetProperty("turnComplete").GetBoolean());
        Assert.False(turn.Last.GetProperty("partial").GetBoolean());
        Assert.StartsWith("Extracted 28 frames (every 10th frame) from cockatoo.mp4", turn.FinalText, StringComparison.Ordinal);
        Assert.Single(turn.Events, e => e.GetProperty("turnComplete").GetBoolean());

        // State: 28 images and one zip sharing a group, downloadable without the token.
        var state = await client.StateAsync();
        Assert.Equal(state.GetProperty("version").GetInt32(), turn.Last.GetProperty("actions").GetProperty("stateDelta").GetProperty("version").GetInt32());
        var generated = state.GetProperty("state").GetProperty("generated_media").EnumerateArray().ToList();
        Assert.Equal(28, generated.Count(g => g.GetProperty("kind").GetString() == "image"));
        Assert.Single(generated, g => g.GetProperty("kind").GetString() == "archive");
        Assert.Equal(29, generated.Count);
        Assert.Single(generated.Select(g => g.GetProperty("group").GetString()).Distinct());
        Assert.Equal(result.GetProperty("frames").EnumerateArray().Select(x => x.GetString()),
            generated.Where(g => g.GetProperty("kind").GetString() == "image").Select(g => g.GetProperty("id").GetString()));
        using (var plain = new HttpClient())
        using (var image = await plain.GetAsync(generated[0].GetProperty("url").GetString()))
        {
            Assert.Equal(200, (int)image.StatusCode);
            Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
            var bytes = await image.Content.ReadAsByteArrayAsync();
            Assert.Equal([0xFF, 0xD8], bytes[..2]);
        }

        // Credits: charged once, nothing left frozen.
        Assert.Equal((98, 0, 98), await client.CreditsAsync());
        await using var db = await ChatCalls.DbAsync(server);
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.SessionId == client.SessionId);
        Assert.Equal((JobKinds.Chat, JobStates.Completed), (job.Kind, job.Status));
        Assert.Equal(invocation, TurnEvents.InvocationIdOf(job.Id));
        using (var attribution = JsonDocument.Parse(job.Attribution!))
        {
            Assert.Equal("video-extractor", attribution.RootElement.GetProperty("X-Skill-Source").GetString());
            Assert.Equal("1.2.0", attribution.RootElement.GetProperty("X-Skill-Version").GetString());
            Assert.Equal("cursor", attribution.RootElement.GetProperty("X-Skill-Platform").GetString());
        }
        var lines = await db.Credits.AsNoTracking().Where(c => c.JobId == job.Id).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(["freeze", "settle"], lines.Select(l => l.Kind));
        Assert.Equal((2, 2), (lines[0].Amount, lines[1].Charged));
    }

    [Fact]
    public async Task A_request_in_Chinese_gets_its_progress_and_reply_in_Chinese()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, client, Cockatoo);

        var turn = await ChatCalls.SayAsync(client, "把视频每隔10帧导出一张图片");

        Assert.Equal(10, Assert.Single(turn.Parts("functionCall")).GetProperty("args").GetProperty("every_n").GetInt32());
        Assert.All(turn.Events.Where(e => e.GetProperty("partial").GetBoolean()), e => Assert.StartsWith("正在导出帧", ChatCalls.TextOf(e), StringComparison.Ordinal));
        Assert.StartsWith("已从 cockatoo.mp4 导出 28 张 JPG 图片", turn.FinalText, StringComparison.Ordinal);
        Assert.True(turn.Last.GetProperty("turnComplete").GetBoolean());
        Assert.Equal(29, (await client.StateAsync()).GetProperty("state").GetProperty("generated_media").GetArrayLength());
    }

    [Fact]
    public async Task A_title_grows_the_version_and_adds_a_text_track_and_undo_restores_the_draft()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, client, Cockatoo);
        var before = await client.StateAsync();
        var v0 = before.GetProperty("version").GetInt32();

        var titled = await ChatCalls.SayAsync(client, "add a title 'Hello' at the top");
        Assert.Equal("add_text", Assert.Single(titled.Parts("functionCall")).GetProperty("name").GetString());
        var v1 = titled.Last.GetProperty("actions").GetProperty("stateDelta").GetProperty("version").GetInt32();
        Assert.True(v1 > v0, $"version {v0} → {v1}");
        Assert.Contains("Hello", titled.FinalText, StringComparison.Ordinal);
        var responseEvent = titled.Events.Single(e => ChatCalls.Shape(e).StartsWith("response:", StringComparison.Ordinal));
        Assert.Equal(v1, responseEvent.GetProperty("actions").GetProperty("stateDelta").GetProperty("version").GetInt32());
        var edit = Assert.Single(titled.Parts("functionResponse")).GetProperty("response");
        Assert.True(edit.GetProperty("ok").GetBoolean());
        Assert.Equal(v1, edit.GetProperty("version").GetInt32());

        var after = await client.StateAsync();
        Assert.Equal(v1, after.GetProperty("version").GetInt32());
        var draft = after.GetProperty("state").GetProperty("draft");
        var text = Assert.Single(draft.GetProperty("t").EnumerateArray(), t => t.GetProperty("tt").GetInt32() == 7);
        var segment = Assert.Single(text.GetProperty("sg").EnumerateArray());
        Assert.Equal("Hello", segment.GetProperty("m").GetProperty("text").GetString());
        Assert.Equal("top", segment.GetProperty("m").GetProperty("pos").GetString());

        var undone = await ChatCalls.SayAsync(client, "undo");
        Assert.Equal("undo", Assert.Single(undone.Parts("functionCall")).GetProperty("name").GetString());
        var restored = await client.StateAsync();
        Assert.True(restored.GetProperty("version").GetInt32() > v1);
        Assert.True(JsonElement.DeepEquals(before.GetProperty("state").GetProperty("draft"), restored.GetProperty("state").GetProperty("draft")),
            restored.GetProperty("state").GetProperty("draft").GetRawText());
        Assert.Equal((100, 0, 100), await client.CreditsAsync()); // edits are free
    }

    [Fact]
    public async Task A_request_Cutroom_cannot_do_gets_a_helpful_text_and_changes_nothing()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, client, Cockatoo);
        var before = await client.StateAsync();

        var turn = await ChatCalls.SayAsync(client, "what will the weather be like in Paris tomorrow?");

        Assert.True(turn.Last.GetProperty("turnComplete").GetBoolean());
        Assert.Contains("I can", turn.FinalText, StringComparison.Ordinal);
        Assert.Contains("extract frames", turn.FinalText, StringComparison.Ordinal);
        Assert.DoesNotContain(turn.Parts("functionCall"), c => c.GetProperty("name").GetString() is not ("help" or "clarify"));
        var after = await client.StateAsync();
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.True(JsonElement.DeepEquals(before.GetProperty("state"), after.GetProperty("state")) ||
                    JsonElement.DeepEquals(before.GetProperty("state").GetProperty("draft"), after.GetProperty("state").GetProperty("draft")));
        Assert.Equal(0, after.GetProperty("state").GetProperty("generated_media").GetArrayLength());
        Assert.Equal((100, 0, 100), await client.CreditsAsync());
    }

    [Fact]
    public async Task Run_answers_the_same_events_as_the_stream_as_one_JSON_array_in_data()
    {
        await using var server = await LiveServer.StartAsync();
        var streamed = await server.NewClientAsync();
        var posted = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, streamed, Cockatoo);
        await SeedMedia.AddAsync(server, posted, Cockatoo);

        var sse = await ChatCalls.SayAsync(streamed, "add a title 'Hello' at the top");
        using var res = await ChatCalls.PostRunAsync(posted, "add a title 'Hello' at the top");
        Assert.Equal("application/json", res.Content.Headers.ContentType?.MediaType);
        var data = await LiveServer.ReadEnvelopeAsync(res, 200);

        Assert.Equal(JsonValueKind.Array, data.ValueKind);
        var events = data.EnumerateArray().ToList();
        Assert.Equal(sse.Events.Select(ChatCalls.Shape), events.Select(ChatCalls.Shape));
        Assert.Equal(sse.FinalText.Split('\n')[0], ChatCalls.TextOf(events[^1])!.Split('\n')[0]);
        Assert.All(events, e => Assert.StartsWith("evt_", e.GetProperty("id").GetString(), StringComparison.Ordinal));
        Assert.Single(events.Select(e => e.GetProperty("invocationId").GetString()).Distinct());
        Assert.True(events[^1].GetProperty("actions").GetProperty("stateDelta").GetProperty("version").GetInt32() > 0);
    }

    [Fact]
    public async Task While_a_turn_waits_for_its_session_the_stream_stays_open_with_heartbeats()
    {
        await using var server = await LiveServer.StartAsync(o => o.Chat.HeartbeatInterval = TimeSpan.FromSeconds(1));
        var client = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, client, Cockatoo);
        var sessions = server.Services.GetRequiredService<SessionStore>();

        var held = await sessions.LockAsync(client.SessionId, CancellationToken.None); // another turn of the session, as far as this one can tell
        var started = DateTime.UtcNow;
        _ = Task.Delay(TimeSpan.FromSeconds(3)).ContinueWith(_ => held.Dispose(), TaskScheduler.Default);
        var turn = await ChatCalls.SayAsync(client, "add a title 'Hello' at the top");

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(3));
        Assert.InRange(turn.HeartbeatsBeforeFirstEvent, 2, 8); // 1 s apart while the session is held for 3 s (more only on a very loaded machine)
        Assert.True(turn.Last.GetProperty("turnComplete").GetBoolean());
        Assert.Contains("Hello", turn.FinalText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_disconnects_after_the_first_event_does_not_stop_the_turn()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, client, Cockatoo);

        using (var res = await ChatCalls.PostSseAsync(client, "extract every 10th frame from my video as images"))
        {
            Assert.Equal(200, (int)res.StatusCode);
            await using var stream = await res.Content.ReadAsStreamAsync();
            using var reader = new StreamReader(stream);
            string? line;
            while ((line = await reader.ReadLineAsync()) is not null && !line.StartsWith("data: ", StringComparison.Ordinal)) { }
            Assert.Contains("\"functionCall\"", line, StringComparison.Ordinal);
        } // the connection closes here, mid-turn

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        var count = 0;
        while (DateTime.UtcNow < deadline && (count = (await client.StateAsync()).GetProperty("state").GetProperty("generated_media").GetArrayLength()) < 29)
            await Task.Delay(200);
        Assert.Equal(29, count);
        await using var db = await ChatCalls.DbAsync(server);
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.SessionId == client.SessionId);
        while (DateTime.UtcNow < deadline && !JobStates.IsTerminal((await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id)).Status))
            await Task.Delay(100);
        Assert.Equal(JobStates.Completed, (await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id)).Status);
        Assert.Equal((98, 0, 98), await client.CreditsAsync());
        Assert.Equal(0, server.Services.GetRequiredService<ChatHub>().Count);
    }

    [Fact]
    public async Task Turns_sent_one_after_another_to_one_session_run_in_the_order_they_were_sent_each_planned_against_the_state_before_it()
    {
        await using var server = await LiveServer.StartAsync(o => o.Jobs.ChatConcurrency = 4);
        var client = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, client, Cockatoo);
        var sessions = server.Services.GetRequiredService<SessionStore>();
        string[] messages = ["add a title 'One' at the top", "change the title to 'Two'", "change the title to 'Three'", "change the title to 'Four'"];

        var responses = new List<HttpResponseMessage>();
        using (await sessions.LockAsync(client.SessionId, CancellationToken.None)) // all four are claimed by the four workers and wait for the session
        {
            foreach (var m in messages)
            {
                var res = await ChatCalls.PostSseAsync(client, m); // the answer's headers come once the turn's job exists
                Assert.Equal(200, (int)res.StatusCode);
                responses.Add(res);
            }
            await Task.Delay(500);
        }
        var turns = new List<SseTurn>();
        foreach (var res in responses)
        {
            turns.Add(await ChatCalls.ReadAsync(res));
            res.Dispose();
        }

        Assert.All(turns, t => Assert.True(Assert.Single(t.Parts("functionResponse")).GetProperty("response").GetProperty("ok").GetBoolean(), t.FinalText));
        Assert.Equal(["add_text", "edit_text", "edit_text", "edit_text"], turns.Select(t => Assert.Single(t.Parts("functionCall")).GetProperty("name").GetString()));
        var versions = turns.Select(t => t.Last.GetProperty("actions").GetProperty("stateDelta").GetProperty("version").GetInt32()).ToList();
        Assert.Equal(versions.Order(), versions);
        var text = (await client.StateAsync()).GetProperty("state").GetProperty("draft").GetProperty("t").EnumerateArray().Single(t => t.GetProperty("tt").GetInt32() == 7);
        Assert.Equal("Four", Assert.Single(text.GetProperty("sg").EnumerateArray()).GetProperty("m").GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_turn_that_gets_its_session_before_an_older_turn_of_it_gives_way_until_the_older_one_has_run()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, client, Cockatoo);
        var handler = server.Services.GetRequiredService<ChatJobHandler>(); // the IJobHandler registered is wrapped to measure it
        await using var db = await ChatCalls.DbAsync(server);
        var account = (await db.Sessions.AsNoTracking().SingleAsync(x => x.Id == client.SessionId)).AccountId;
        var now = DateTime.UtcNow;
        // The older turn: claimed (running) but not yet at the session's lock, as a slower worker would leave it.
        // Both hold a live lease, as claimed jobs do: the recovery sweep (run once at start-up) fails running
        // chat jobs without one, and would otherwise end the older turn while this test waits.
        var lease = now.AddMinutes(10);
        var older = new JobRow { Id = "job_older", Kind = JobKinds.Chat, AccountId = account, SessionId = client.SessionId, Status = JobStates.Running, CreatedAt = now.AddSeconds(-1), UpdatedAt = now, LeaseUntil = lease };
        var newer = new JobRow { Id = "job_newer", Kind = JobKinds.Chat, AccountId = account, SessionId = client.SessionId, Status = JobStates.Running, CreatedAt = now, UpdatedAt = now, LeaseUntil = lease };
        db.Jobs.AddRange(older, newer);
        await db.SaveChangesAsync();
        var payload = new ChatPayload("add a title 'Hello' at the top", "en", server.BaseUrl, null).ToJson();

        var run = handler.RunAsync(newer, payload, new Progress<int>(), CancellationToken.None);
        await Task.Delay(1000);
        Assert.False(run.IsCompleted, "the newer turn ran before the older one");
        Assert.Equal(0, (await client.StateAsync()).GetProperty("state").GetProperty("draft").GetProperty("t").EnumerateArray().Count(t => t.GetProperty("tt").GetInt32() == 7));

        await db.Jobs.Where(j => j.Id == older.Id).ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, JobStates.Completed));
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("Hello", JsonDocument.Parse(result!).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_LLM_planner_that_cannot_be_reached_the_turn_is_planned_by_the_built_in_planner()
    {
        await using var server = await LiveServer.StartAsync(o =>
        {
            o.Chat.LlmBaseUrl = "http://127.0.0.1:1/v1"; // nothing listens there
            o.Chat.LlmModel = "any";
        });
        var client = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, client, Cockatoo);

        var turn = await ChatCalls.SayAsync(client, "add a title 'Hello' at the top");

        Assert.Equal("add_text", Assert.Single(turn.Parts("functionCall")).GetProperty("name").GetString());
        Assert.Contains("Hello", turn.FinalText, StringComparison.Ordinal);
        await using var db = await ChatCalls.DbAsync(server);
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.SessionId == client.SessionId);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        // The reply is recorded on the job before the stream ends; the planner is in the final result, when the job completes.
        while (DateTime.UtcNow < deadline && (await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id)).Status != JobStates.Completed) await Task.Delay(50);
        var result = (await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id)).ResultJson!;
        Assert.StartsWith("builtin (fallback:", JsonDocument.Parse(result).RootElement.GetProperty("planner").GetString(), StringComparison.Ordinal);
    }
}
