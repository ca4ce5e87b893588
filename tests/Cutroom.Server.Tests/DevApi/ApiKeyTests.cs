using System.Net;
using System.Net.Http.Headers;
using Cutroom.Server.Accounts;
using Cutroom.Server.Data;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests.DevApi;

/// <summary>API keys (docs/developer-api.md, "Keys"): made by <c>cutroom admin keys</c>, hashed, rate limited, revocable; anonymous tokens keep working.</summary>
public sealed class ApiKeyTests
{
    [Fact]
    public async Task A_key_made_by_the_admin_command_authenticates_is_stored_hashed_is_listed_without_itself_and_answers_401_once_revoked()
    {
        await using var server = await LiveServer.StartAsync();
        var (key, secret, id) = await AdminCli.CreateKeyAsync(server, "ci robot", "--credits", "30");
        Assert.StartsWith("ck_", key, StringComparison.Ordinal);
        Assert.True(key.Length >= 46, key);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = server.Http.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using (var res = await http.GetAsync("api/credits/balance/simple"))
            Assert.Equal(30, (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("available").GetInt32());

        // Only the hash is stored: no column of the row holds the key.
        await using (var ctx = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync())
        {
            var row = await ctx.ApiKeys.SingleAsync(k => k.Id == id);
            Assert.Equal(Cutroom.Server.Auth.TokenHash.Of(key), row.Hash);
            Assert.DoesNotContain(key, System.Text.Json.JsonSerializer.Serialize(row), StringComparison.Ordinal);
        }

        var (exit, list, _) = await AdminCli.RunAsync(server, "keys", "list", "--json");
        Assert.Equal(0, exit);
        Assert.Contains("ci robot", list, StringComparison.Ordinal);
        Assert.Contains(id, list, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);

        // An anonymous client keeps working beside it.
        var anonymous = await server.NewClientAsync();
        Assert.Equal(100, (await anonymous.CreditsAsync()).Available);

        var (revoked, _, err) = await AdminCli.RunAsync(server, "keys", "revoke", "ci robot");
        Assert.True(revoked == 0, err);
        using (var res = await http.GetAsync("api/credits/balance/simple"))
            await server.ReadErrorAsync(res, 401, 1001);
        Assert.Equal(100, (await anonymous.CreditsAsync()).Available);
        var (again, _, _) = await AdminCli.RunAsync(server, "keys", "revoke", "ci robot");
        Assert.NotEqual(0, again); // nothing left to revoke
    }

    [Fact]
    public async Task A_key_with_a_rate_gets_429_with_Retry_After_past_it_and_an_unknown_key_gets_401()
    {
        await using var server = await LiveServer.StartAsync();
        string key;
        using (var admin = new AdminTools(server.Options))
            key = (await admin.Keys.CreateAsync("slow", 0, 3)).Key;
        using var http = new HttpClient { BaseAddress = server.Http.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        for (var i = 0; i < 3; i++)
        {
            using var ok = await http.GetAsync("api/credits/balance/simple");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using (var limited = await http.GetAsync("api/credits/balance/simple"))
        {
            await server.ReadErrorAsync(limited, 429, 429);
            Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }
        using var stranger = new HttpClient { BaseAddress = server.Http.BaseAddress };
        stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ck_" + new string('a', 43));
        using (var res = await stranger.GetAsync("api/credits/balance/simple"))
            await server.ReadErrorAsync(res, 401, 1001);
    }
}
