namespace Cutroom.Server.Data.Entities;

/// <summary>A bearer token, stored only as its SHA-256 hash (docs/security.md §11).</summary>
public sealed class AccessToken
{
    /// <summary>Lower-case hex SHA-256 of the token (64 characters); the key.</summary>
    public required string Hash { get; set; }

    /// <summary>The owner.</summary>
    public required string AccountId { get; set; }

    /// <summary>Issued at (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Expires at (UTC); the token answers 1001 from then on.</summary>
    public DateTime ExpiresAt { get; set; }
}
