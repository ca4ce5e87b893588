namespace Cutroom.Server.Tests.Client;

/// <summary>How <c>cutroom chat</c> follows a <c>/run_sse</c> stream, on scripted streams the seeds warn about.</summary>
public class ChatStreamTests
{
    [Fact]
    public async Task Only_heartbeats_for_the_threshold_print_Still_working_and_then_the_reply()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        cli.Env["CUTROOM_STILL_WORKING_SECONDS"] = "0.5";

        var (code, stdout, stderr) = await cli.RunAsync(["--say", "quiet"]);

        Assert.True(code == 0, stderr);
        var count = Tmux.Count(stderr, "⏳ Still working...");
        Assert.True(count is >= 2 and <= 6, $"{count} times in 2.5 s at 0.5 s: {stderr}");
        Assert.Contains("Done after a long think.", stdout);
    }

    [Fact]
    public async Task Heartbeats_shorter_than_the_threshold_print_nothing_extra()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        cli.Env["CUTROOM_STILL_WORKING_SECONDS"] = "5";

        var (code, stdout, stderr) = await cli.RunAsync(["--say", "quiet"]);

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("Still working", stderr);
        Assert.Contains("Done after a long think.", stdout);
    }

    [Fact]
    public async Task A_turn_that_ends_without_text_is_told_from_state_what_changed_and_progress_shows_as_lines_when_redirected()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);

        var (code, stdout, stderr) = await cli.RunAsync(["--say", "silent"]);

        Assert.True(code == 0, stderr);
        Assert.Contains("Updated: version 3 → 4. New: 28 images, 1 archive. Timeline (1 track): 1. Video: cockatoo (0-14s)", stdout);
        Assert.Contains($"  frames.zip: {server.BaseUrl}/files/zip", stdout);
        var progress = stderr.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.True(progress.IndexOf("Extracting frames: 40%") is var a && a >= 0 && progress.IndexOf("Extracting frames: 80%") > a, stderr);
        Assert.DoesNotContain("\r", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("functionCall", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_turn_that_ends_without_text_or_change_says_nothing_changed()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);

        var (code, stdout, stderr) = await cli.RunAsync(["--say", "unchanged"]);

        Assert.True(code == 0, stderr);
        Assert.Contains("The agent finished without a reply, and nothing changed (version 3).", stdout);
    }

    [Fact]
    public async Task An_error_event_mid_stream_keeps_the_text_so_far_shows_the_registration_link_and_exits_1()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);

        var (code, json, stderr) = await cli.RunJsonAsync("--say", "broke", "--say", "never run");

        Assert.Equal(1, code);
        Assert.Contains("Starting the highlights.", stderr);
        Assert.Contains($"You're out of credits. Register to get more and keep your work: {server.BaseUrl}/bind?bind=abc123", stderr);
        var steps = json.GetProperty("steps");
        Assert.Equal(2, steps.GetArrayLength());                                   // set-up, then the failed turn; the second --say never ran
        Assert.Equal(2001, steps[1].GetProperty("code").GetInt32());
        Assert.False(json.GetProperty("ok").GetBoolean());
    }
}
