namespace Cutroom.Server.DevApi.Webhooks;

/// <summary>
/// The time of webhook deliveries: attempt times, retry delays (Polly waits on it) and the 24-hour
/// limit. Its own type so that a test can replace it with a fake clock without moving the rest of
/// the server's time.
/// </summary>
/// <param name="Time">The time provider (<see cref="TimeProvider.System"/> in a real server).</param>
public sealed record WebhookClock(TimeProvider Time)
{
    /// <summary>Now (UTC).</summary>
    public DateTime Now => Time.GetUtcNow().UtcDateTime;
}
