using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Tests.Client;

/// <summary><c>cutroom chat</c> in a pseudo-terminal (tmux), typed into as a user would.</summary>
public class InteractiveChatTests
{
    [Fact]
    public async Task In_a_terminal_status_credits_and_their_Chinese_words_answer_at_the_prompt_and_Ctrl_D_leaves_with_0()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        using var term = Tmux.Start($"dotnet '{ChatCli.Dll}' chat --server {server.BaseUrl}", cli.WorkDir,
            new Dictionary<string, string> { ["CUTROOM_CONFIG_DIR"] = cli.ConfigDir, ["NO_COLOR"] = "1", ["DOTNET_NOLOGO"] = "1" });

        var screen = await term.WaitForAsync("> ");
        Assert.Contains("Setting up...", screen);
        Assert.Contains("Ready (session ses_", screen);
        term.TypeLine("status");
        await term.WaitForAsync("Timeline (0 tracks): empty");
        term.TypeLine("credits");
        await term.WaitForAsync("Credits: 100 available.");
        term.TypeLine("余额");
        await term.WaitForAsync("Credits: 100 available.", times: 2);
        term.TypeLine("help");
        await term.WaitForAsync("render and download the video");
        term.Key("C-d");
        screen = await term.WaitForAsync("EXITED:");

        Assert.Contains("EXITED:0", screen);
        Assert.True(File.Exists(cli.ClientJson));
        Assert.DoesNotContain(cli.ReadClientJson().GetProperty("token").GetString()!, screen, StringComparison.Ordinal);
        var lines = screen.Split('\n');
        Assert.Contains(lines, l => l.TrimEnd() == "> status");
        Assert.Contains(lines, l => l.TrimEnd() == "> 余额");
    }

    [Fact]
    public async Task When_the_session_is_gone_1002_a_new_one_is_started_the_user_is_told_and_the_request_is_answered()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        using var term = Tmux.Start($"dotnet '{ChatCli.Dll}' chat --server {server.BaseUrl}", cli.WorkDir,
            new Dictionary<string, string> { ["CUTROOM_CONFIG_DIR"] = cli.ConfigDir, ["NO_COLOR"] = "1", ["DOTNET_NOLOGO"] = "1" });
        await term.WaitForAsync("> ");
        await using (var db = await ChatClientTests.DbAsync(server))
        {
            // The session now belongs to someone else: to this client it no longer exists.
            var other = (await server.NewClientAsync()).SessionId;
            var otherAccount = (await db.Sessions.SingleAsync(s => s.Id == other)).AccountId;
            var mine = await db.Sessions.SingleAsync(s => s.Id != other);
            mine.AccountId = otherAccount;
            await db.SaveChangesAsync();
        }

        term.TypeLine("status");

        var screen = await term.WaitForAsync("Timeline (0 tracks): empty");
        Assert.Contains("The session was not found on the server; starting a new session (earlier uploads and edits are not in it).", screen);
        Assert.Equal(2, Tmux.Count(screen, "Ready (session ses_"));
        term.Key("C-d");
        Assert.Contains("EXITED:0", await term.WaitForAsync("EXITED:"));
    }

    [Fact]
    public async Task Ctrl_C_during_a_request_stops_waiting_for_it_and_the_prompt_comes_back_then_Ctrl_C_at_the_prompt_leaves()
    {
        await using var server = await ScriptedServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        using var term = Tmux.Start($"dotnet '{ChatCli.Dll}' chat --server {server.BaseUrl}", cli.WorkDir,
            new Dictionary<string, string> { ["CUTROOM_CONFIG_DIR"] = cli.ConfigDir, ["NO_COLOR"] = "1", ["DOTNET_NOLOGO"] = "1" });
        await term.WaitForAsync("> ");

        term.TypeLine("forever");
        await server.ForeverStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        term.Key("C-c");
        await term.WaitForAsync("Stopped waiting (Ctrl+C)");
        await server.ForeverAbandoned.Task.WaitAsync(TimeSpan.FromSeconds(10));   // the stream was closed, not left open
        term.TypeLine("status");
        var screen = await term.WaitForAsync("Timeline (1 track)");
        Assert.DoesNotContain("EXITED:", screen);

        term.Key("C-c");
        screen = await term.WaitForAsync("EXITED:");
        Assert.Contains("EXITED:130", screen);
    }
}
