using System.Net.Http.Json;
using Cutroom.Server.Data;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task A_new_client_gets_a_token_with_100_credits_and_a_second_request_inside_7_days_is_429_with_Retry_After()
    {
        await using var server = await LiveServer.StartAsync();
        var id = Guid.NewGuid().ToString();
        using var first = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token");
        first.Headers.Add("X-Client-Id", id);
        using var r1 = await server.Http.SendAsync(first);
        var data = await LiveServer.ReadEnvelopeAsync(r1, 200);
        Assert.Equal(100, data.GetProperty("credits").GetInt32());
        Assert.Equal(id, data.GetProperty("client_id").GetString());
        Assert.StartsWith("ctk_", data.GetProperty("token").GetString());
        var expires = DateTime.Parse(data.GetProperty("expires_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.InRange((expires - DateTime.UtcNow).TotalDays, 6.99, 7.01);

        using var again = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token");
        again.Headers.Add("X-Client-Id", id);
        using var r2 = await server.Http.SendAsync(again);
        await server.ReadErrorAsync(r2, 429, 429);
        var retry = r2.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        Assert.InRange(retry.TotalDays, 6.99, 7.0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("../etc")]
    public async Task A_missing_or_malformed_client_id_is_400(string? clientId)
    {
        await using var server = await LiveServer.StartAsync();
        using var req = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token");
        if (clientId is not null) req.Headers.TryAddWithoutValidation("X-Client-Id", clientId);
        using var res = await server.Http.SendAsync(req);
        await server.ReadErrorAsync(res, 400, 400);
    }

    [Fact]
    public async Task Missing_garbage_and_expired_tokens_are_1001()
    {
        await using var server = await LiveServer.StartAsync(o => o.Auth.TokenLifetime = TimeSpan.FromSeconds(2));
        using (var res = await server.Http.GetAsync("api/credits/balance/simple"))
            await server.ReadErrorAsync(res, 401, 1001);
        using (var req = new HttpRequestMessage(HttpMethod.Get, "api/credits/balance/simple"))
        {
            req.Headers.Authorization = new("Bearer", "ctk_not-a-real-token");
            using var res = await server.Http.SendAsync(req);
            await server.ReadErrorAsync(res, 401, 1001);
        }
        var client = await server.NewClientAsync();
        await client.CreditsAsync(); // valid now
        await Task.Delay(2500);
        using (var res = await client.Http.GetAsync("api/credits/balance/simple"))
            await server.ReadErrorAsync(res, 401, 1001);
    }

    [Fact]
    public async Task Only_the_hash_of_a_token_is_stored()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var all = await EverythingStoredAsync(server);
        Assert.DoesNotContain(client.Token, all, StringComparison.Ordinal);
        Assert.Contains(Cutroom.Server.Auth.TokenHash.Of(client.Token), all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_session_answers_exactly_like_a_missing_one()
    {
        await using var server = await LiveServer.StartAsync();
        var alice = await server.NewClientAsync();
        var bob = await server.NewClientAsync();
        using var theirs = await bob.Http.GetAsync($"api/state/nemo_agent/me/{alice.SessionId}/latest");
        using var missing = await bob.Http.GetAsync("api/state/nemo_agent/me/ses_doesnotexist000000000/latest");
        var a = await server.ReadErrorAsync(theirs, 404, 1002);
        var b = await server.ReadErrorAsync(missing, 404, 1002);
        Assert.Equal(b.GetProperty("message").GetString(), a.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_session_starts_with_an_empty_1080p_draft_and_version_0()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync("zh-CN");
        var state = await client.StateAsync();
        Assert.Equal(client.SessionId, state.GetProperty("session_id").GetString());
        Assert.Equal(0, state.GetProperty("version").GetInt32());
        var draft = state.GetProperty("state").GetProperty("draft");
        Assert.Equal(1920, draft.GetProperty("w").GetInt32());
        Assert.Equal(1080, draft.GetProperty("h").GetInt32());
        Assert.Equal("Timeline (0 tracks): empty", state.GetProperty("state").GetProperty("timeline_summary").GetString());
        using var bad = await client.Http.PostAsync("api/tasks/me/with-session/nemo_agent", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        var env = await server.ReadErrorAsync(bad, 400, 4000);
        Assert.Equal("$", env.GetProperty("data").GetProperty("errors")[0].GetProperty("path").GetString());
    }

    /// <summary>Every byte of the database as text: the SQLite file and its log, or on PostgreSQL every row of every table of the model as text.</summary>
    private static async Task<string> EverythingStoredAsync(LiveServer server)
    {
        if (!TestDatabase.IsPostgres)
        {
            var db = await File.ReadAllBytesAsync(Path.Combine(server.DataDir, "cutroom.db"));
            var wal = Path.Combine(server.DataDir, "cutroom.db-wal");
            return System.Text.Encoding.ASCII.GetString(db) + (File.Exists(wal) ? System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(wal)) : "");
        }
        await using var ctx = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync();
        var conn = ctx.Database.GetDbConnection();
        await conn.OpenAsync();
        var all = new System.Text.StringBuilder();
        foreach (var table in ctx.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct())
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT CAST(x AS text) FROM \"{table}\" x";
            using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) all.AppendLine(r.GetString(0));
        }
        Assert.Contains("signup", all.ToString(), StringComparison.Ordinal); // the rows were read
        return all.ToString();
    }
}

public sealed class SeedMediaTests
{
    [Fact]
    public async Task Seeded_media_appear_in_state_and_on_the_draft_by_the_upload_rule()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var ids = await SeedMedia.AddAsync(server, client, TestMedia.Real("video/cockatoo.mp4"));
        var state = await client.StateAsync();
        Assert.Equal(1, state.GetProperty("version").GetInt32());
        var info = state.GetProperty("state").GetProperty("video_infos")[0];
        Assert.Equal(ids[0], info.GetProperty("media_id").GetString());
        Assert.Equal("video", info.GetProperty("kind").GetString());
        var seg = state.GetProperty("state").GetProperty("draft").GetProperty("t")[0].GetProperty("sg")[0];
        Assert.Equal(ids[0], seg.GetProperty("src").GetString());
        using var dl = await server.Http.GetAsync(info.GetProperty("url").GetString());
        Assert.Equal(200, (int)dl.StatusCode);
        Assert.Equal("video/mp4", dl.Content.Headers.ContentType?.MediaType);
        Assert.Equal(info.GetProperty("size_bytes").GetInt64(), (await dl.Content.ReadAsByteArrayAsync()).Length);
    }
}

public sealed class SignupCreditTests
{
    [Fact]
    public async Task A_server_that_gives_no_signup_credits_still_issues_tokens_with_a_zero_balance()
    {
        await using var server = await LiveServer.StartAsync(o => o.Auth.SignupCredits = 0);
        var client = await server.NewClientAsync();
        Assert.Equal((0, 0, 0), await client.CreditsAsync());
    }
}
