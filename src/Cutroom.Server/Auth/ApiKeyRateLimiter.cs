using System.Threading.RateLimiting;

namespace Cutroom.Server.Auth;

/// <summary>
/// The rate limit of each API key (<c>--rate</c>, requests per minute): a fixed one-minute window
/// per key, from the built-in <see cref="PartitionedRateLimiter"/>. Keys without a rate of their own
/// share the server's per-token rate (<see cref="Hosting.ServerOptions.RequestsPerSecondPerToken"/> × 60).
/// </summary>
/// <param name="options">The server's default rate.</param>
public sealed class ApiKeyRateLimiter(Hosting.ServerOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<(string KeyId, int PerMinute)> _limiter = PartitionedRateLimiter.Create<(string KeyId, int PerMinute), string>(k =>
        RateLimitPartition.GetFixedWindowLimiter(k.KeyId + ":" + k.PerMinute, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = k.PerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>Takes one request of <paramref name="keyId"/>'s budget; returns null when allowed, else the seconds to wait.</summary>
    /// <param name="keyId">The key.</param>
    /// <param name="requestsPerMinute">Its rate, or null for the server's.</param>
    public int? TryTake(string keyId, int? requestsPerMinute)
    {
        var rate = requestsPerMinute ?? Math.Max(1, options.RequestsPerSecondPerToken) * 60;
        using var lease = _limiter.AttemptAcquire((keyId, rate));
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
    }

    /// <inheritdoc/>
    public void Dispose() => _limiter.Dispose();
}
