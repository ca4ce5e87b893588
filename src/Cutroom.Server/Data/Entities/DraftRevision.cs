namespace Cutroom.Server.Data.Entities;

/// <summary>
/// One revision of a session's draft, append-only: each commit adds a row whose parent is the
/// revision it was made from; undo moves the session's cursor to the parent, redo back.
/// </summary>
public sealed class DraftRevision
{
    /// <summary>Database id (increasing).</summary>
    public long Id { get; set; }

    /// <summary>The session.</summary>
    public required string SessionId { get; set; }

    /// <summary>The revision this one was made from; null for the session's first (empty) draft.</summary>
    public long? ParentId { get; set; }

    /// <summary>The draft as contract §6 JSON.</summary>
    public required string Json { get; set; }

    /// <summary>What made it (<c>upload</c>, a tool name such as <c>add_text</c>).</summary>
    public required string Reason { get; set; }

    /// <summary>Created at (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
