namespace Cutroom.Server.DevApi;

/// <summary>Webhook settings (<c>Cutroom__Webhooks__…</c>; docs/developer-api.md, "Webhooks").</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// Allow webhook targets on loopback and on any port (tests, or a receiver on the same machine);
    /// default off: targets get the URL import's address policy (public addresses, default ports).
    /// </summary>
    public bool AllowLoopback { get; set; }

    /// <summary>How long a delivery is retried before it is given up; default 24 h.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The delay before the first retry; each next one doubles it (exponential backoff); default 30 s.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay between two attempts; default 1 h.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one attempt waits for the receiver's answer; default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
