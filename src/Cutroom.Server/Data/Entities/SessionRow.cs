namespace Cutroom.Server.Data.Entities;

/// <summary>
/// A chat session (contract §4): its owner, the draft cursor into <see cref="DraftRevision"/>
/// (undo/redo), and the state <c>version</c> that grows on every change.
/// </summary>
public sealed class SessionRow
{
    /// <summary>Server-made id (<c>ses_</c> + random).</summary>
    public required string Id { get; set; }

    /// <summary>The task id of the contract's answer (<c>tsk_</c> + random).</summary>
    public required string TaskId { get; set; }

    /// <summary>The owner.</summary>
    public required string AccountId { get; set; }

    /// <summary>The task name (default <c>project</c>).</summary>
    public required string TaskName { get; set; }

    /// <summary>BCP 47 language tag (<c>en</c>, <c>zh-CN</c>).</summary>
    public required string Language { get; set; }

    /// <summary>The state version (contract §6a): +1 on every draft change, undo, redo, upload and output.</summary>
    public int Version { get; set; }

    /// <summary>The current draft revision's id.</summary>
    public long CurrentRevisionId { get; set; }

    /// <summary>Ids of undone revisions, most recent last, as a comma-separated list (cleared by a new commit).</summary>
    public string RedoStack { get; set; } = "";

    /// <summary>Attribution headers of the request that created the session (JSON), for usage reports.</summary>
    public string? Attribution { get; set; }

    /// <summary>Created at (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Last change (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
