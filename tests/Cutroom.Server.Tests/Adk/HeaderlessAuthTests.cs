using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cutroom.Server.Hosting;
using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.Adk;

/// <summary>
/// Auth for clients that cannot send a header (ADK's client and dev UI): <c>--auth local</c> on
/// loopback only, for requests of this machine only; and the same-origin session cookie.
/// </summary>
public sealed class HeaderlessAuthTests
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage res, int status = 200)
    {
        var body = await res.Content.ReadAsStringAsync();
        Assert.True((int)res.StatusCode == status, $"expected HTTP {status}, got {(int)res.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.Clone();
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.0.2.10")]
    [InlineData("::")]
    public void Local_auth_refuses_to_start_on_an_address_other_machines_reach(string address)
    {
        using var data = new TempDir();
        var options = new ServerOptions { DataDir = data.Path, Port = 0, ListenAddress = address };
        options.Auth.Mode = AuthModes.Local;
        var e = Assert.Throws<ArgumentException>(() => ServerHost.Build(options));
        Assert.Contains("loopback", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data.Path, "cutroom.db")), "nothing may be set up for a refused mode");
    }

    [Fact]
    public async Task Local_auth_gives_requests_of_this_machine_without_a_token_one_account_and_refuses_other_sites()
    {
        await using var server = await LiveServer.StartAsync(o => o.Auth.Mode = AuthModes.Local);
        var http = server.Http; // no token

        var created = await JsonAsync(await http.PostAsync("apps/nemo_agent/users/user/sessions", new StringContent("", Encoding.UTF8, "application/json")));
        var sid = created.GetProperty("id").GetString()!;
        using (var second = new HttpClient { BaseAddress = http.BaseAddress })
        {
            var listed = (await JsonAsync(await second.GetAsync("apps/nemo_agent/users/someone/sessions"))).EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
            Assert.Equal([sid], listed);
            using var credits = await second.GetAsync("api/credits/balance/simple");
            Assert.Equal(100, (await LiveServer.ReadEnvelopeAsync(credits, 200)).GetProperty("available").GetInt32());
        }

        // A web page of another site, or a DNS name rebound to 127.0.0.1, is not the local user.
        using (var req = new HttpRequestMessage(HttpMethod.Get, "apps/nemo_agent/users/user/sessions"))
        {
            req.Headers.Add("Origin", "https://evil.example");
            await server.ReadErrorAsync(await http.SendAsync(req), 401, 1001);
        }
        using (var req = new HttpRequestMessage(HttpMethod.Get, "apps/nemo_agent/users/user/sessions"))
        {
            req.Headers.Host = "evil.example";
            await server.ReadErrorAsync(await http.SendAsync(req), 401, 1001);
        }
        using (var req = new HttpRequestMessage(HttpMethod.Get, "apps/nemo_agent/users/user/sessions"))
        {
            req.Headers.Add("Origin", "http://localhost:4200"); // the ADK dev UI served on this machine
            Assert.Equal(200, (int)(await http.SendAsync(req)).StatusCode);
        }

        // A token is still its own account.
        var client = await server.NewClientAsync();
        var own = (await JsonAsync(await client.Http.GetAsync("apps/nemo_agent/users/user/sessions"))).EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal([client.SessionId], own);
        using var bad = new HttpRequestMessage(HttpMethod.Get, "apps/nemo_agent/users/user/sessions");
        bad.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        await server.ReadErrorAsync(await http.SendAsync(bad), 401, 1001);
    }

    [Fact]
    public async Task Token_auth_needs_a_token_and_takes_the_session_cookie_from_same_origin_requests_only()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        await server.ReadErrorAsync(await server.Http.GetAsync("apps/nemo_agent/users/user/sessions"), 401, 1001);

        using var made = await client.Http.PostAsync("api/auth/session-cookie", null);
        await LiveServer.ReadEnvelopeAsync(made, 200);
        var setCookie = Assert.Single(made.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("cutroom_token=" + client.Token + ";", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", setCookie, StringComparison.OrdinalIgnoreCase);

        async Task<HttpResponseMessage> WithCookie(Action<HttpRequestMessage>? more = null)
        {
            using var req = new HttpRequestMessage(HttpMethod.Get, "apps/nemo_agent/users/user/sessions");
            req.Headers.Add("Cookie", "cutroom_token=" + client.Token);
            more?.Invoke(req);
            return await server.Http.SendAsync(req);
        }

        var listed = await JsonAsync(await WithCookie(r => { r.Headers.Add("Sec-Fetch-Site", "same-origin"); r.Headers.Add("Origin", server.BaseUrl); }));
        Assert.Equal(client.SessionId, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(200, (int)(await WithCookie()).StatusCode); // a client that sends neither header
        await server.ReadErrorAsync(await WithCookie(r => r.Headers.Add("Origin", "https://evil.example")), 401, 1001);
        await server.ReadErrorAsync(await WithCookie(r => r.Headers.Add("Sec-Fetch-Site", "cross-site")), 401, 1001);

        using var cleared = await client.Http.DeleteAsync("api/auth/session-cookie");
        Assert.Contains("cutroom_token=;", Assert.Single(cleared.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }
}

/// <summary>ADK's dev UI served by Cutroom from a folder (<c>Adk.DevUiDir</c>), same-origin with the API.</summary>
public sealed class AdkDevUiTests
{
    [Fact]
    public async Task The_dev_UI_folder_is_served_at_dev_ui_with_a_runtime_config_pointing_at_this_server()
    {
        using var ui = new TempDir();
        await File.WriteAllTextAsync(Path.Combine(ui.Path, "index.html"), "<!doctype html><title>dev ui</title>");
        await File.WriteAllTextAsync(Path.Combine(ui.Path, "main-ABC.js"), "console.log('dev ui')");
        await using var server = await LiveServer.StartAsync(o => o.Adk.DevUiDir = ui.Path);

        using var redirect = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Http.BaseAddress }.GetAsync("dev-ui");
        Assert.Equal("/dev-ui/", redirect.Headers.Location?.OriginalString);
        Assert.Contains("<title>dev ui</title>", await server.Http.GetStringAsync("dev-ui/"), StringComparison.Ordinal);
        using var js = await server.Http.GetAsync("dev-ui/main-ABC.js");
        Assert.Equal(200, (int)js.StatusCode);
        Assert.Equal("text/javascript", js.Content.Headers.ContentType?.MediaType);
        using var config = JsonDocument.Parse(await server.Http.GetStringAsync("dev-ui/assets/config/runtime-config.json"));
        Assert.Equal(server.BaseUrl, config.RootElement.GetProperty("backendUrl").GetString());
        Assert.Equal(404, (int)(await server.Http.GetAsync("dev-ui/nothing.js")).StatusCode);
    }

    [Fact]
    public void A_dev_UI_folder_without_index_html_stops_the_start_with_what_to_point_it_at()
    {
        using var data = new TempDir();
        using var empty = new TempDir();
        var options = new ServerOptions { DataDir = data.Path, Port = 0 };
        options.Adk.DevUiDir = empty.Path;
        TestDatabase.Apply(options);
        var e = Assert.Throws<ArgumentException>(() => ServerHost.Build(options));
        Assert.Contains("adk-devtools/dist/browser", e.Message, StringComparison.Ordinal);
    }
}
