namespace Cutroom.Server.Data.Entities;

/// <summary>An account-level webhook endpoint (<c>cutroom admin webhooks add</c>): every render end of the account is posted to it.</summary>
public sealed class WebhookEndpoint
{
    /// <summary>Server-made id (<c>whe_…</c>).</summary>
    public required string Id { get; set; }

    /// <summary>The account whose events it receives.</summary>
    public required string AccountId { get; set; }

    /// <summary>The target URL (checked like a URL import's).</summary>
    public required string Url { get; set; }

    /// <summary>The secret (<c>whsec_…</c>) that signs its deliveries.</summary>
    public required string Secret { get; set; }

    /// <summary>Added at (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// One event to deliver to one target: retried with exponential backoff until the receiver answers
/// 2xx or <see cref="DevApi.WebhookOptions.RetryFor"/> has passed; states <c>pending</c> →
/// <c>delivered</c> | <c>failed</c> (a redelivery puts it back to pending).
/// </summary>
public sealed class WebhookDelivery
{
    /// <summary>Server-made id (<c>whd_…</c>).</summary>
    public required string Id { get; set; }

    /// <summary>The account.</summary>
    public required string AccountId { get; set; }

    /// <summary>The event's id (<c>evt_…</c>, one per job end; the same for every target).</summary>
    public required string EventId { get; set; }

    /// <summary>The event's type (<c>render.completed</c>, <c>render.failed</c>, <c>render.cancelled</c>).</summary>
    public required string EventType { get; set; }

    /// <summary>The job the event is about.</summary>
    public required string JobId { get; set; }

    /// <summary>The target URL.</summary>
    public required string Url { get; set; }

    /// <summary>The endpoint (account-level target), or null for the job's <c>callback_url</c>.</summary>
    public string? EndpointId { get; set; }

    /// <summary>The API key whose secret signs a <c>callback_url</c> delivery, or null.</summary>
    public string? ApiKeyId { get; set; }

    /// <summary>The event as sent (JSON, the exact bytes signed).</summary>
    public required string Payload { get; set; }

    /// <summary><c>pending</c>, <c>delivered</c> or <c>failed</c>.</summary>
    public required string Status { get; set; }

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; set; }

    /// <summary>When the next attempt is due (UTC), while pending.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>The last answer's HTTP status, or null when none came.</summary>
    public int? LastStatusCode { get; set; }

    /// <summary>Why the last attempt failed, or null.</summary>
    public string? LastError { get; set; }

    /// <summary>Created at (UTC); retries stop <see cref="DevApi.WebhookOptions.RetryFor"/> after it.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last change (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One attempt of a delivery (append-only).</summary>
public sealed class WebhookAttempt
{
    /// <summary>Database id.</summary>
    public long Id { get; set; }

    /// <summary>The delivery.</summary>
    public required string DeliveryId { get; set; }

    /// <summary>1 for the first attempt.</summary>
    public int Number { get; set; }

    /// <summary>Started at (UTC, the webhook clock).</summary>
    public DateTime At { get; set; }

    /// <summary>The answer's HTTP status, or null when none came.</summary>
    public int? StatusCode { get; set; }

    /// <summary>Why it failed, or null when it succeeded.</summary>
    public string? Error { get; set; }

    /// <summary>How long it took (ms).</summary>
    public long DurationMs { get; set; }
}
