using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Sessions;

/// <summary>What a planner may read of a session: the media bin, the outputs, the draft.</summary>
public interface ISessionView
{
    /// <summary>Uploads, in upload order.</summary>
    IReadOnlyList<SessionMedia> Media { get; }

    /// <summary>Outputs of chat operations, newest last.</summary>
    IReadOnlyList<GeneratedMedia> Generated { get; }

    /// <summary>The current draft.</summary>
    Draft Draft { get; }

    /// <summary>The session's reply language (<c>en</c>, <c>zh</c>), or null to detect it from each message.</summary>
    string? Language { get; }
}
