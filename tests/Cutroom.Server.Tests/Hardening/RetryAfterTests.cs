using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.Hardening;

/// <summary>
/// <c>Retry-After</c> of the token-issue window is what remains of it (issue 17: it was always 3600).
/// A picture too large for ffmpeg naming the limit: <see cref="Uploads.HostileUploadTests"/>.
/// </summary>
public sealed class RetryAfterTests
{
    [Fact]
    public async Task Retry_after_of_the_token_issue_window_is_what_remains_of_it()
    {
        await using var server = await LiveServer.StartAsync(o => o.TokensPerIpPerHour = 1);
        Assert.Equal(200, await IssueAsync(server));
        await Task.Delay(TimeSpan.FromSeconds(3)); // some of the window passes
        using var req = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token");
        req.Headers.Add("X-Client-Id", Guid.NewGuid().ToString());
        using var res = await server.Http.SendAsync(req);
        await server.ReadErrorAsync(res, 429, 429);
        var after = res.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        Assert.InRange(after.TotalSeconds, 1, 3597);
    }

    [Theory]
    [InlineData(0, 3600)]
    [InlineData(1, 3599)]
    [InlineData(3599, 1)]
    [InlineData(3600, 3600)]
    [InlineData(7300, 3500)]
    public void The_remaining_time_counts_from_the_start_of_the_current_window(int elapsedSeconds, int remainingSeconds)
    {
        var start = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(TimeSpan.FromSeconds(remainingSeconds),
            Cutroom.Server.Hosting.RateLimits.RemainingOfWindow(start, start.AddSeconds(elapsedSeconds), TimeSpan.FromHours(1)));
    }

    private static async Task<int> IssueAsync(LiveServer server)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token");
        req.Headers.Add("X-Client-Id", Guid.NewGuid().ToString());
        using var res = await server.Http.SendAsync(req);
        return (int)res.StatusCode;
    }
}
