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
            o.AddPolicy(TokenIssuePolicy, http => RateLimitPartition.GetFixedWindowLimiter("ip:" + http.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, options.TokensPerIpPerHour), Window = TimeSpan.FromHours(1), QueueLimit = 0 }));
            o.OnRejected = async (ctx, ct) =>
            {
                var seconds = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : 1;
                ctx.HttpContext.Response.StatusCode = 429;
                ctx.HttpContext.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
                await ctx.HttpContext.Response.WriteAsJsonAsync(new Envelope<object>(ApiCodes.RateLimited, $"too many requests; retry after {Math.Max(1, seconds)} seconds", null) { Error = $"too many requests; retry after {Math.Max(1, seconds)} seconds" },
                    ServerJson.Options, ct);
            };
        });
    }
}
