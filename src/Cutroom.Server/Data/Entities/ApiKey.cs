namespace Cutroom.Server.Data.Entities;

/// <summary>
/// A developer API key (docs/developer-api.md, "Keys"): sent as <c>Authorization: Bearer ck_…</c>,
/// stored only as the SHA-256 hash of the key (the key itself is shown once, when it is made).
/// Each key has an account of its own (its credits, sessions, renders) and may be revoked.
/// </summary>
public sealed class ApiKey
{
    /// <summary>Server-made id (<c>key_</c> + 20 random base32 characters).</summary>
    public required string Id { get; set; }

    /// <summary>The operator's name for it (1-64 characters).</summary>
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the key (64 characters); unique.</summary>
    public required string Hash { get; set; }

    /// <summary>The key's first 10 characters (<c>ck_</c> + 7), to recognise it in lists.</summary>
    public required string Prefix { get; set; }

    /// <summary>The key's account.</summary>
    public required string AccountId { get; set; }

    /// <summary>Requests per minute allowed, or null for the server's default.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>The secret (<c>whsec_…</c>) that signs the webhooks of renders made with this key.</summary>
    public required string WebhookSecret { get; set; }

    /// <summary>Made at (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Revoked at (UTC), or null while it works.</summary>
    public DateTime? RevokedAt { get; set; }
}
