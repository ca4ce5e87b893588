namespace Cutroom.Server.Data.Entities;

/// <summary>
/// An account, keyed by the client id that asked for its first anonymous token (contract §3).
/// Binding an e-mail address (the <c>bind_url</c> page) makes it a registered account.
/// </summary>
public sealed class Account
{
    /// <summary>Server-made id (<c>acc_</c> + 20 random base32 characters).</summary>
    public required string Id { get; set; }

    /// <summary>The client's id (<c>X-Client-Id</c>, 1-128 of A-Z a-z 0-9 - _); unique.</summary>
    public required string ClientId { get; set; }

    /// <summary>The random code in the account's <c>bind_url</c> (<c>?bind=</c>); unique.</summary>
    public required string BindCode { get; set; }

    /// <summary>The e-mail address bound on the registration page, or null while anonymous.</summary>
    public string? Email { get; set; }

    /// <summary>When the e-mail address was bound (UTC).</summary>
    public DateTime? BoundAt { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When its latest anonymous token was issued (UTC): one per 7 days.</summary>
    public DateTime? LastTokenAt { get; set; }
}
