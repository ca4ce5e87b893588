using System.Globalization;
using System.Threading.RateLimiting;
using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Hosting;

/// <summary>
/// ASP.NET Core rate limiting (docs/security.md §11): a token bucket per bearer token on every
/// API request (partitioned by the token's hash; requests without a token by IP), and a fixed
/// window per IP on issuing anonymous tokens. Refusals answer 429 in the envelope with
/// <c>Retry-After</c>.
/// </summary>
public static class RateLimits
{
    /// <summary>The policy of <c>POST /api/auth/anonymous-token</c>.</summary>
    public const string TokenIssuePolicy = "token-issue";

    /// <summary>Registers the limiter.</summary>
    /// <param name="services">The services.</param>
    /// <param name="options">The limits.</param>
    public static IServiceCollection AddCutroomRateLimits(this IServiceCollection services, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var issueWindow = TimeSpan.FromHours(1);
        // When each IP's issuing window began: the fixed-window limiter's own Retry-After is always a
        // whole window (3600 s), so the real remaining time is worked out from the window's start.
        var windowStarts = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        return services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/run_sse") && !http.Request.Path.StartsWithSegments("/run"))
                    return RateLimitPartition.GetNoLimiter("static");
                var token = BearerFilter.BearerToken(http.Request);
                var key = token is null ? "ip:" + http.Connection.RemoteIpAddress : "tok:" + TokenHash.Of(token);
                var rate = Math.Max(1, options.RequestsPerSecondPerToken);
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = rate * 10, TokensPerPeriod = rate, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
                });
            });
            o.AddPolicy(TokenIssuePolicy, http => RateLimitPartition.GetFixedWindowLimiter("ip:" + http.Connection.RemoteIpAddress, key =>
            {
                windowStarts[key] = DateTimeOffset.UtcNow; // the limiter's windows run from its creation, one after another
                return new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.TokensPerIpPerHour), Window = issueWindow, QueueLimit = 0 };
            }));
            o.OnRejected = async (ctx, ct) =>
            {
                var known = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after);
                var seconds = known ? (int)Math.Ceiling(after.TotalSeconds) : 1;
                if (known && after >= issueWindow && IsTokenIssue(ctx.HttpContext) && windowStarts.TryGetValue("ip:" + ctx.HttpContext.Connection.RemoteIpAddress, out var start))
                    seconds = (int)Math.Ceiling(RemainingOfWindow(start, DateTimeOffset.UtcNow, issueWindow).TotalSeconds);
                ctx.HttpContext.Response.StatusCode = 429;
                ctx.HttpContext.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
                await ctx.HttpContext.Response.WriteAsJsonAsync(new Envelope<object>(ApiCodes.RateLimited, $"too many requests; retry after {Math.Max(1, seconds)} seconds", null) { Error = $"too many requests; retry after {Math.Max(1, seconds)} seconds" },
                    ServerJson.Options, ct);
            };
        });
    }

    /// <summary>What remains of the fixed window that holds <paramref name="now"/>, for windows of <paramref name="window"/> one after another from <paramref name="start"/>.</summary>
    /// <param name="start">When the first window began.</param>
    /// <param name="now">Now.</param>
    /// <param name="window">The window's length.</param>
    public static TimeSpan RemainingOfWindow(DateTimeOffset start, DateTimeOffset now, TimeSpan window)
    {
        if (window <= TimeSpan.Zero) return TimeSpan.Zero;
        var elapsed = now - start;
        if (elapsed < TimeSpan.Zero) return window;
        return window - TimeSpan.FromTicks(elapsed.Ticks % window.Ticks);
    }

    private static bool IsTokenIssue(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == TokenIssuePolicy;
}
