using Microsoft.Extensions.Logging;

namespace Cutroom.Server.Sessions;

/// <summary>
/// Tells listeners that a session's current draft changed: a new revision committed (a chat edit, an
/// upload placed on the empty draft), an undo or a redo. Raised after the change is saved, so a
/// listener that reads the session then sees the new draft. The live preview listens
/// (<see cref="Preview.PreviewService"/>). A listener's failure is logged and never reaches the change.
/// </summary>
/// <param name="logger">The log.</param>
public sealed class DraftChanges(ILogger<DraftChanges> logger)
{
    /// <summary>Raised with the session id after its draft changed.</summary>
    public event Action<string>? Changed;

    /// <summary>Raises <see cref="Changed"/> for <paramref name="sessionId"/>.</summary>
    /// <param name="sessionId">The session whose draft changed.</param>
    public void Notify(string sessionId)
    {
        foreach (var listener in Changed?.GetInvocationList().Cast<Action<string>>() ?? [])
        {
            try { listener(sessionId); }
            catch (Exception e) { logger.LogWarning(e, "a listener of draft changes failed for session {Session}", sessionId); }
        }
    }
}
