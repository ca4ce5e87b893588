using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Tests.Chat;

/// <summary>What <c>/run_sse</c> and <c>/run</c> refuse before any stream starts: ordinary envelopes with the contract's HTTP status.</summary>
public sealed class ChatRefusalTests(ChatRefusalTests.SharedServer shared) : IClassFixture<ChatRefusalTests.SharedServer>
{
    /// <summary>One server for the malformed-body cases (none of them may create anything).</summary>
    public sealed class SharedServer : IAsyncLifetime
    {
        public LiveServer Server { get; private set; } = null!;
        public ApiClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await LiveServer.StartAsync();
            Client = await Server.NewClientAsync();
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    [Theory]
    [InlineData("not json", "$")]
    [InlineData("[]", "$")]
    [InlineData("{}", "session_id")]
    [InlineData("{}", "new_message")]
    [InlineData("""{"session_id":"SID"}""", "new_message")]
    [InlineData("""{"session_id":"SID","new_message":"hi"}""", "new_message")]
    [InlineData("""{"session_id":"SID","new_message":{"role":"user"}}""", "new_message.parts")]
    [InlineData("""{"session_id":"SID","new_message":{"parts":[]}}""", "new_message.parts")]
    [InlineData("""{"session_id":"SID","new_message":{"parts":[{"image":"x"}]}}""", "new_message.parts")]
    [InlineData("""{"session_id":"SID","new_message":{"parts":[{"inline_data":{"mime_type":"image/png","data":"AAAA"}}]}}""", "new_message.parts")]
    [InlineData("""{"session_id":"SID","new_message":{"parts":[{"inline_data":{"mime_type":"image/png","data":"!!"}},{"text":"hi"}]}}""", "new_message.parts[0].inline_data.data")]
    [InlineData("""{"session_id":"SID","new_message":{"parts":[{"file_data":{"file_uri":"gs://x"}},{"text":"hi"}]}}""", "new_message.parts[0]")]
    [InlineData("""{"sessionId":"SID"}""", "newMessage")]
    [InlineData("""{"newMessage":{"parts":[{"text":"hi"}]}}""", "sessionId")]
    [InlineData("""{"sessionId":"SID","newMessage":{"parts":[{"text":"hi"}]},"stateDelta":"x"}""", "stateDelta")]
    [InlineData("""{"appName":"other_app","sessionId":"SID","newMessage":{"parts":[{"text":"hi"}]}}""", "appName")]
    [InlineData("""{"sessionId":"SID","newMessage":{"parts":[{"inlineData":{"mimeType":"image/png"}},{"text":"hi"}]}}""", "newMessage.parts[0].inlineData.data")]
    [InlineData("""{"session_id":"SID","new_message":{"parts":[{"text":5}]}}""", "new_message.parts[0].text")]
    [InlineData("""{"session_id":"SID","new_message":{"parts":[{"text":"   "}]}}""", "new_message.parts[0].text")]
    [InlineData("""{"session_id":"SID","new_message":{"parts":["hi"]}}""", "new_message.parts[0]")]
    [InlineData("""{"session_id":"SID","new_message":{"role":"model","parts":[{"text":"hi"}]}}""", "new_message.role")]
    [InlineData("""{"session_id":5,"new_message":{"parts":[{"text":"hi"}]}}""", "session_id")]
    [InlineData("""{"session_id":"","new_message":{"parts":[{"text":"hi"}]}}""", "session_id")]
    [InlineData("""{"app_name":"other_app","session_id":"SID","new_message":{"parts":[{"text":"hi"}]}}""", "app_name")]
    [InlineData("""{"session_id":"SID","new_message":{"parts":[{"text":"hi"}]},"streaming":"yes"}""", "streaming")]
    [InlineData("""{"session_id":"SID","new_message":{"parts":[{"text":"LONG"}]}}""", "new_message.parts[0].text")]
    public async Task A_malformed_body_is_4000_with_the_JSON_path_of_the_problem_on_both_endpoints(string body, string path)
    {
        var (server, client) = (shared.Server, shared.Client);
        body = body.Replace("SID", client.SessionId, StringComparison.Ordinal).Replace("LONG", new string('好', 4001), StringComparison.Ordinal);
        foreach (var endpoint in new[] { "run_sse", "run" })
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            req.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
            using var res = await client.Http.SendAsync(req);
            Assert.Equal("application/json", res.Content.Headers.ContentType?.MediaType);
            var error = await server.ReadErrorAsync(res, 400, 4000);
            var paths = error.GetProperty("data").GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
            Assert.Contains(path, paths);
        }
        await using var db = await ChatCalls.DbAsync(server);
        Assert.Equal(0, await db.Jobs.CountAsync());
    }

    [Fact]
    public async Task A_message_of_exactly_4000_characters_is_accepted_and_one_more_is_refused()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var turn = await ChatCalls.SayAsync(client, new string('好', 4000));
        Assert.True(turn.Last.GetProperty("turnComplete").GetBoolean());
        using var res = await client.Http.PostAsJsonAsync("run_sse", ChatCalls.Body(client.SessionId, new string('好', 4001)));
        var error = await server.ReadErrorAsync(res, 400, 4000);
        Assert.Contains("4000", error.GetProperty("data").GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_session_and_an_unknown_one_are_1002_and_a_bad_or_missing_token_is_1001()
    {
        await using var server = await LiveServer.StartAsync();
        var owner = await server.NewClientAsync();
        var other = await server.NewClientAsync();
        foreach (var endpoint in new[] { "run_sse", "run" })
        {
            using (var res = await other.Http.PostAsJsonAsync(endpoint, ChatCalls.Body(owner.SessionId, "add a title 'Hello'")))
                await server.ReadErrorAsync(res, 404, 1002);
            using (var res = await other.Http.PostAsJsonAsync(endpoint, ChatCalls.Body("ses_aaaaaaaaaaaaaaaaaaaa", "add a title 'Hello'")))
                await server.ReadErrorAsync(res, 404, 1002);
            using (var res = await server.Http.PostAsJsonAsync(endpoint, ChatCalls.Body(owner.SessionId, "add a title 'Hello'")))
                await server.ReadErrorAsync(res, 401, 1001);
            using (var req = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = JsonContent.Create(ChatCalls.Body(owner.SessionId, "add a title 'Hello'")) })
            {
                req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "ctk_forged");
                using var res = await server.Http.SendAsync(req);
                await server.ReadErrorAsync(res, 401, 1001);
            }
        }
        await using var db = await ChatCalls.DbAsync(server);
        Assert.Equal(0, await db.Jobs.CountAsync());
    }

    [Fact]
    public async Task A_request_that_needs_more_credits_than_available_is_402_with_the_accounts_bind_url_and_changes_nothing()
    {
        await using var server = await LiveServer.StartAsync(o => o.Auth.SignupCredits = 1);
        var client = await server.NewClientAsync();
        await SeedMedia.AddAsync(server, client, TestMedia.Real("video/cockatoo.mp4"));
        var before = await client.StateAsync();
        await using var db = await ChatCalls.DbAsync(server);
        var code = (await db.Accounts.AsNoTracking().SingleAsync(a => a.ClientId == client.ClientId)).BindCode;

        foreach (var endpoint in new[] { "run_sse", "run" })
        {
            using var res = await client.Http.PostAsJsonAsync(endpoint, ChatCalls.Body(client.SessionId, "find the highlights of my video"));
            var error = await server.ReadErrorAsync(res, 402, 2001);
            var data = error.GetProperty("data");
            var url = data.GetProperty("bind_url").GetString()!;
            Assert.StartsWith(server.BaseUrl + "/", url, StringComparison.Ordinal);
            Assert.EndsWith("?bind=" + code, url, StringComparison.Ordinal);
            Assert.Equal(1, data.GetProperty("available").GetInt32());
            Assert.Equal(3, data.GetProperty("needed").GetInt32()); // highlights: 2 + 1 per started 5 minutes
        }
        Assert.Equal(0, await db.Jobs.CountAsync());
        Assert.Equal((1, 0, 1), await client.CreditsAsync());
        Assert.Equal(before.GetProperty("version").GetInt32(), (await client.StateAsync()).GetProperty("version").GetInt32());
    }
}
