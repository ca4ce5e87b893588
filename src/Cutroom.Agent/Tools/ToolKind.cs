namespace Cutroom.Agent.Tools;

/// <summary>What a tool does to the session (decides credits and whether the draft may change).</summary>
public enum ToolKind
{
    /// <summary>Processes media into generated files; costs credits (price table).</summary>
    Job,

    /// <summary>Changes the draft (a new revision); free.</summary>
    DraftEdit,

    /// <summary>Reads the session (timeline summary, credits, metadata); free.</summary>
    Query,

    /// <summary>Renders the draft; free (contract §7).</summary>
    Export,

    /// <summary>Talks to the user (clarify, help); changes nothing.</summary>
    Conversation,
}
