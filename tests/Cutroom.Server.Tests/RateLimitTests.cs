using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public async Task A_token_that_exceeds_its_request_rate_gets_429_with_Retry_After_and_other_tokens_are_not_affected()
    {
        await using var server = await LiveServer.StartAsync(o => o.RequestsPerSecondPerToken = 2); // bucket of 20, 2 more per second
        var greedy = await server.NewClientAsync();
        var other = await server.NewClientAsync();
        var codes = new List<int>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 40 && refused is null; i++)
        {
            var res = await greedy.Http.GetAsync("api/credits/balance/simple");
            codes.Add((int)res.StatusCode);
            if ((int)res.StatusCode == 429) refused = res;
            else res.Dispose();
        }
        Assert.NotNull(refused);
        using (refused)
        {
            var env = await server.ReadErrorAsync(refused, 429, 429);
            Assert.Contains("retry", env.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        }
        Assert.InRange(codes.Count(c => c == 200), 18, 24); // the bucket (20) plus what refilled meanwhile (session creation used one)
        Assert.Equal((100, 0, 100), await other.CreditsAsync());
        await Task.Delay(1100);
        Assert.Equal((100, 0, 100), await greedy.CreditsAsync());
    }

    [Fact]
    public async Task Issuing_anonymous_tokens_is_limited_per_IP()
    {
        await using var server = await LiveServer.StartAsync(o => o.TokensPerIpPerHour = 3);
        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token");
            req.Headers.Add("X-Client-Id", Guid.NewGuid().ToString());
            using var res = await server.Http.SendAsync(req);
            statuses.Add((int)res.StatusCode);
            if ((int)res.StatusCode == 429)
            {
                await server.ReadErrorAsync(res, 429, 429);
                Assert.NotNull(res.Headers.RetryAfter);
            }
        }
        Assert.Equal([200, 200, 200, 429, 429], statuses);
    }
}
