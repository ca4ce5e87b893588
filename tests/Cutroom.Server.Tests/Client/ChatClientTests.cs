using System.Text.Json;
using Cutroom.Server.Data;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests.Client;

/// <summary><c>cutroom chat</c> as a process against a real server on loopback: set-up, tokens, credits, status, sessions, usage.</summary>
public class ChatClientTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_first_run_gets_a_token_and_a_session_says_Setting_up_then_Ready_and_never_prints_the_token()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);

        var (code, stdout, stderr) = await cli.RunAsync(["--say", "status"]);

        Assert.True(code == 0, stderr);
        var setup = stderr.IndexOf("Setting up...", StringComparison.Ordinal);
        var ready = stderr.IndexOf("Ready", StringComparison.Ordinal);
        Assert.True(setup >= 0 && ready > setup, stderr);
        Assert.Contains("Timeline (0 tracks)", stdout);
        var stored = cli.ReadClientJson();
        var clientId = stored.GetProperty("client_id").GetString()!;
        var token = stored.GetProperty("token").GetString()!;
        Assert.True(Guid.TryParse(clientId, out _));
        Assert.True(stored.GetProperty("expires_at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(6));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cli.ClientJson));
        Assert.DoesNotContain(token, stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("{", stdout + stderr, StringComparison.Ordinal);           // no raw JSON
        await using var db = await DbAsync(server);
        var account = await db.Accounts.SingleAsync(a => a.ClientId == clientId);
        Assert.Equal(1, await db.Sessions.CountAsync(s => s.AccountId == account.Id));
    }

    [Fact]
    public async Task Credits_and_status_answer_without_a_chat_turn_in_English_and_Chinese()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);

        var (code, stdout, stderr) = await cli.RunAsync(["--say", "credits", "--say", "积分", "--say", "show tracks", "--say", "状态"]);

        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Count(l => l == "Credits: 100 available."));
        Assert.Equal(2, lines.Count(l => l == "Timeline (0 tracks): empty"));
        Assert.Equal(2, lines.Count(l => l == "Version 0 · 0 uploads"));
    }

    [Fact]
    public async Task The_token_is_kept_and_reused_across_runs()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);

        Assert.Equal(0, (await cli.RunAsync(["--say", "credits"])).Code);
        var first = cli.ReadClientJson();
        var (code, _, stderr) = await cli.RunAsync(["--say", "credits"]);
        var second = cli.ReadClientJson();

        Assert.True(code == 0, stderr);
        Assert.Equal(first.GetProperty("client_id").GetString(), second.GetProperty("client_id").GetString());
        Assert.Equal(first.GetProperty("token").GetString(), second.GetProperty("token").GetString());
        await using var db = await DbAsync(server);
        var clientId = first.GetProperty("client_id").GetString();
        var account = await db.Accounts.SingleAsync(a => a.ClientId == clientId);
        Assert.Equal(1, await db.Tokens.CountAsync(t => t.AccountId == account.Id));
        Assert.Equal(2, await db.Sessions.CountAsync(s => s.AccountId == account.Id));
    }

    [Fact]
    public async Task A_refused_token_1001_is_renewed_once_for_the_same_client_id_and_the_request_goes_through()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        var clientId = Guid.NewGuid().ToString();
        Directory.CreateDirectory(cli.ConfigDir);
        File.WriteAllText(cli.ClientJson, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["client_id"] = clientId, ["token"] = "revoked-or-unknown-token", ["expires_at"] = DateTimeOffset.UtcNow.AddDays(3),
        }));

        var (code, stdout, stderr) = await cli.RunAsync(["--say", "credits"]);

        Assert.True(code == 0, stderr);
        Assert.Contains("Your access token expired; getting a new one...", stderr);
        Assert.Single(stderr.Split('\n'), l => l.Contains("getting a new one", StringComparison.Ordinal));
        Assert.Contains("Credits: 100 available.", stdout);
        var stored = cli.ReadClientJson();
        Assert.Equal(clientId, stored.GetProperty("client_id").GetString());
        Assert.NotEqual("revoked-or-unknown-token", stored.GetProperty("token").GetString());
        await using var db = await DbAsync(server);
        Assert.Equal(1, await db.Accounts.CountAsync(a => a.ClientId == clientId));
    }

    [Fact]
    public async Task An_expired_token_is_replaced_for_the_same_account_once_its_lifetime_has_passed()
    {
        await using var server = await LiveServer.StartAsync(o => o.Auth.TokenLifetime = TimeSpan.FromSeconds(3));
        using var cli = new ChatCli(server.BaseUrl);
        Assert.Equal(0, (await cli.RunAsync(["--say", "credits"])).Code);
        var first = cli.ReadClientJson();
        var wait = first.GetProperty("expires_at").GetDateTimeOffset() - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);

        var (code, stdout, stderr) = await cli.RunAsync(["--say", "credits"]);

        Assert.True(code == 0, stderr);
        Assert.Contains("Credits: 100 available.", stdout);
        var second = cli.ReadClientJson();
        var clientId = first.GetProperty("client_id").GetString();
        Assert.Equal(clientId, second.GetProperty("client_id").GetString());
        Assert.NotEqual(first.GetProperty("token").GetString(), second.GetProperty("token").GetString());
        await using var db = await DbAsync(server);
        var account = await db.Accounts.SingleAsync(a => a.ClientId == clientId);
        Assert.Equal(2, await db.Tokens.CountAsync(t => t.AccountId == account.Id));
    }

    [Fact]
    public async Task A_second_token_inside_the_window_429_says_when_to_retry_and_exits_1()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        Assert.Equal(0, (await cli.RunAsync(["--say", "credits"])).Code);
        var stored = cli.ReadClientJson();
        File.WriteAllText(cli.ClientJson, JsonSerializer.Serialize(new Dictionary<string, object?> { ["client_id"] = stored.GetProperty("client_id").GetString(), ["token"] = null, ["expires_at"] = null }));

        var (code, stdout, stderr) = await cli.RunAsync(["--say", "credits"]);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        var expected = DateTimeOffset.Now.AddDays(7);
        Assert.Contains("Try again after " + expected.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), stderr);
        Assert.Contains("(in 7 days)", stderr);
    }

    [Fact]
    public async Task A_session_that_does_not_exist_is_replaced_by_a_new_one_and_the_user_is_told()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);

        var (code, json, stderr) = await cli.RunJsonAsync("--session", "ses_notmine0000000000", "--say", "status");

        Assert.True(code == 0, stderr);
        Assert.Contains("That session was not found on the server; starting a new one.", stderr);
        Assert.NotEqual("ses_notmine0000000000", json.GetProperty("session_id").GetString());
        Assert.True(json.GetProperty("ok").GetBoolean());
        Assert.Equal(["setup", "status"], json.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
    }

    [Fact]
    public async Task A_kept_session_is_continued_with_session()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        var (_, first, _) = await cli.RunJsonAsync("--say", "status");
        var sid = first.GetProperty("session_id").GetString()!;

        var (code, second, stderr) = await cli.RunJsonAsync("--session", sid, "--say", "credits");

        Assert.True(code == 0, stderr);
        Assert.Equal(sid, second.GetProperty("session_id").GetString());
        Assert.Equal(100, second.GetProperty("steps")[1].GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task Rate_limited_requests_429_wait_Retry_After_and_go_through_on_the_retry()
    {
        await using var server = await LiveServer.StartAsync(o => o.RequestsPerSecondPerToken = 1);      // a burst of 10, then 1 per second
        using var cli = new ChatCli(server.BaseUrl);
        var says = Enumerable.Repeat(new[] { "--say", "credits" }, 20).SelectMany(x => x).ToArray();

        var (code, stdout, stderr) = await cli.RunAsync(says);

        Assert.True(code == 0, stderr);
        Assert.Equal(20, stdout.Split('\n').Count(l => l.Trim() == "Credits: 100 available."));
        Assert.Contains("The server asked to slow down; retrying in 1 s...", stderr);
    }

    [Theory]
    [InlineData(new[] { "--server", "not a url", "--say", "status" }, "--server 'not a url' is not an http(s) URL")]
    [InlineData(new[] { "--say", "" }, "--say needs a message")]
    [InlineData(new[] { "--json" }, "--json needs --upload, --say, --preview or --export (it is for non-interactive runs)")]
    [InlineData(new[] { "--bogus" }, "Unrecognized command or argument '--bogus'.")]
    public async Task A_wrong_command_line_exits_2_with_one_line(string[] args, string message)
    {
        using var cli = new ChatCli("http://127.0.0.1:9");
        var (code, stdout, stderr) = await cli.RunAsync(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains($"cutroom: {message}", stderr);
    }

    [Fact]
    public async Task An_unreachable_server_is_said_plainly_and_exits_1()
    {
        using var cli = new ChatCli("http://127.0.0.1:9");
        var (code, stdout, stderr) = await cli.RunAsync(["--say", "status"]);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains("Cannot reach the Cutroom server at http://127.0.0.1:9", stderr);
        Assert.Contains("is `cutroom serve` running?", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task Export_with_an_empty_timeline_says_there_is_nothing_to_export_and_exits_1()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        var (code, _, stderr) = await cli.RunAsync(["--export", "out.mp4"]);
        Assert.Equal(1, code);
        Assert.Contains("Nothing to export yet: upload a video or photos, or ask for an edit first.", stderr);
        Assert.Empty(Directory.GetFiles(cli.WorkDir));
    }

    internal static async Task<CutroomDb> DbAsync(LiveServer server) =>
        await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync();
}
