namespace Cutroom.Server.Data.Entities;

/// <summary>
/// A durable media job (a render, or a chat turn that runs operations): ids and parameters only;
/// the request body lives in <see cref="JobPayload"/>. States: queued → running → completed |
/// failed | cancelled (<see cref="Jobs.JobStates"/>); terminal states never change and every
/// transition is recorded in <see cref="JobTransition"/>.
/// </summary>
public sealed class JobRow
{
    /// <summary>Server-made id (<c>job_</c> + random).</summary>
    public required string Id { get; set; }

    /// <summary><c>render</c> or <c>chat</c> (<see cref="Jobs.JobKinds"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>The owner.</summary>
    public required string AccountId { get; set; }

    /// <summary>The session.</summary>
    public required string SessionId { get; set; }

    /// <summary>The client's id for it (a render id); unique per account and kind.</summary>
    public string? ExternalId { get; set; }

    /// <summary>SHA-256 of the canonical request body (render idempotency: same id + other body → 4009).</summary>
    public string? RequestHash { get; set; }

    /// <summary>The state (<see cref="Jobs.JobStates"/>).</summary>
    public required string Status { get; set; }

    /// <summary>Progress 0-100.</summary>
    public int Progress { get; set; }

    /// <summary>How many times it was started (at most 3).</summary>
    public int Attempts { get; set; }

    /// <summary>The contract's error code when failed.</summary>
    public int? ErrorCode { get; set; }

    /// <summary>Why it failed, for the user (no paths, no stack traces).</summary>
    public string? ErrorMessage { get; set; }

    /// <summary>The result (JSON), for a completed job: the render's output description.</summary>
    public string? ResultJson { get; set; }

    /// <summary>Attribution headers recorded with the work (JSON).</summary>
    public string? Attribution { get; set; }

    /// <summary>The worker running it (<c>host:pid:random</c>), while running; null otherwise.</summary>
    public string? WorkerId { get; set; }

    /// <summary>Until when the running worker holds it (UTC; renewed while it runs). A running job past it belongs to a dead worker and is recovered.</summary>
    public DateTime? LeaseUntil { get; set; }

    /// <summary>When its last attempt started (UTC): the fair queue serves the account started least recently first.</summary>
    public DateTime? StartedAt { get; set; }

    /// <summary>Where a developer-API job's end is posted (its <c>callback_url</c>), or null.</summary>
    public string? CallbackUrl { get; set; }

    /// <summary>The API key that made it (<c>key_…</c>), or null (an anonymous token's job).</summary>
    public string? ApiKeyId { get; set; }

    /// <summary>Created at (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last change (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The request a job runs (a render's draft and output settings; a chat turn's message).</summary>
public sealed class JobPayload
{
    /// <summary>The job.</summary>
    public required string JobId { get; set; }

    /// <summary>The request as JSON.</summary>
    public required string Json { get; set; }
}

/// <summary>One state change of a job (append-only history).</summary>
public sealed class JobTransition
{
    /// <summary>Database id.</summary>
    public long Id { get; set; }

    /// <summary>The job.</summary>
    public required string JobId { get; set; }

    /// <summary>The state before (null for creation).</summary>
    public string? From { get; set; }

    /// <summary>The state after.</summary>
    public required string To { get; set; }

    /// <summary>Why (for failures and recoveries).</summary>
    public string? Reason { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime At { get; set; }
}
