namespace Cutroom.Server.Jobs;

/// <summary>Job states (past-tense words; the last three are terminal and never change).</summary>
public static class JobStates
{
    /// <summary>Waiting for a worker.</summary>
    public const string Queued = "queued";
    /// <summary>A worker runs it.</summary>
    public const string Running = "running";
    /// <summary>Done; its result is recorded.</summary>
    public const string Completed = "completed";
    /// <summary>Ended with an error (recorded, with the contract's code).</summary>
    public const string Failed = "failed";
    /// <summary>Stopped on request.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Whether <paramref name="state"/> is terminal.</summary>
    /// <param name="state">A state.</param>
    public static bool IsTerminal(string state) => state is Completed or Failed or Cancelled;
}

/// <summary>Job kinds (each has its own worker lane and handler).</summary>
public static class JobKinds
{
    /// <summary>A render of a posted draft (contract §7).</summary>
    public const string Render = "render";
    /// <summary>A chat turn (contract §6b): the agent's operations.</summary>
    public const string Chat = "chat";
    /// <summary>One piece of a chunked render (a video chunk or the soundtrack), queued by its render job so that any worker can render it.</summary>
    public const string RenderChunk = "render_chunk";
}
