using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Sessions;

/// <summary>
/// The revisions of a draft: an append-only list and a cursor. A commit after an undo drops
/// the undone revisions (as every editor's undo stack does); undo and redo move the cursor.
/// </summary>
public sealed class DraftHistory
{
    private readonly List<(Draft Draft, string Reason)> _revisions;
    private int _cursor;

    /// <summary>Starts with one revision.</summary>
    /// <param name="initial">The first draft.</param>
    public DraftHistory(Draft initial) => _revisions = [(initial, "start")];

    /// <summary>The current draft.</summary>
    public Draft Current => _revisions[_cursor].Draft;

    /// <summary>What made the current revision.</summary>
    public string CurrentReason => _revisions[_cursor].Reason;

    /// <summary>Whether an earlier revision exists.</summary>
    public bool CanUndo => _cursor > 0;

    /// <summary>Whether an undone revision exists.</summary>
    public bool CanRedo => _cursor < _revisions.Count - 1;

    /// <summary>Adds a revision after the current one (dropping undone ones).</summary>
    /// <param name="draft">The new draft.</param>
    /// <param name="reason">What changed.</param>
    public void Commit(Draft draft, string reason)
    {
        ArgumentNullException.ThrowIfNull(draft);
        _revisions.RemoveRange(_cursor + 1, _revisions.Count - _cursor - 1);
        _revisions.Add((draft, reason));
        _cursor++;
    }

    /// <summary>Steps back; false when at the first revision.</summary>
    /// <returns>Whether it moved; the reason of the revision undone is in <paramref name="undone"/>.</returns>
    /// <param name="undone">What the undone revision had changed.</param>
    public bool Undo(out string undone)
    {
        undone = _revisions[_cursor].Reason;
        if (!CanUndo) return false;
        _cursor--;
        return true;
    }

    /// <summary>Steps forward; false when nothing was undone.</summary>
    /// <param name="redone">What the restored revision changes.</param>
    public bool Redo(out string redone)
    {
        redone = "";
        if (!CanRedo) return false;
        _cursor++;
        redone = _revisions[_cursor].Reason;
        return true;
    }
}
