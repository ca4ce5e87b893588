using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Sessions;

/// <summary>
/// A chat session as the agent's executors see it: the media bin, the draft with its revision
/// history (undo/redo), the generated media, a work folder for outputs, and the credits. The
/// CLI and the tests use <see cref="FolderSession"/>; the HTTP server implements it over its
/// database.
/// </summary>
public interface IAgentSession : ISessionView
{
    /// <summary>The session id.</summary>
    string Id { get; }

    /// <summary>The draft's revision number (the contract's state <c>version</c>): grows by one with every change, undo and redo.</summary>
    int Version { get; }

    /// <summary>Whether an earlier revision exists.</summary>
    bool CanUndo { get; }

    /// <summary>Whether an undone revision can be restored.</summary>
    bool CanRedo { get; }

    /// <summary>The credits of the session's owner.</summary>
    ICreditAccount Credits { get; }

    /// <summary>Saves <paramref name="draft"/> as the new revision (drops anything undone).</summary>
    /// <param name="draft">The new draft (already validated by the edits).</param>
    /// <param name="reason">What changed, for the history ("add_text").</param>
    /// <param name="cancellationToken">Cancels saving.</param>
    Task CommitDraftAsync(Draft draft, string reason, CancellationToken cancellationToken = default);

    /// <summary>Steps back one revision; false when there is none.</summary>
    /// <param name="cancellationToken">Cancels saving.</param>
    Task<bool> UndoAsync(CancellationToken cancellationToken = default);

    /// <summary>Steps forward one undone revision; false when there is none.</summary>
    /// <param name="cancellationToken">Cancels saving.</param>
    Task<bool> RedoAsync(CancellationToken cancellationToken = default);

    /// <summary>The local file of an upload or a generated item, or null when unknown.</summary>
    /// <param name="id">A media id (<c>med_</c>) or generated id (<c>gen_</c>).</param>
    string? PathOf(string id);

    /// <summary>The path of a new folder for the outputs of one operation (not created yet: the jobs create their output folders).</summary>
    /// <param name="op">The tool name (part of the folder name).</param>
    string NewWorkFolder(string op);

    /// <summary>A new operation group id (<c>op_N</c>) shared by its outputs.</summary>
    string NewGroup();

    /// <summary>Records an output file (its <c>Id</c> is assigned here; the one given is ignored).</summary>
    /// <param name="item">The output.</param>
    /// <param name="cancellationToken">Cancels saving.</param>
    /// <returns>The stored item with its id.</returns>
    Task<GeneratedMedia> AddGeneratedAsync(GeneratedMedia item, CancellationToken cancellationToken = default);
}
