using Cutroom.Agent.Sessions;

namespace Cutroom.Agent.Planning;

/// <summary>Turns a chat message into tool calls (the built-in rules, or an LLM with the same tools).</summary>
public interface IPlanner
{
    /// <summary>Plans one message.</summary>
    /// <param name="message">The user's message.</param>
    /// <param name="session">The session (media, draft, outputs) the references resolve against.</param>
    /// <param name="cancellationToken">Cancels planning.</param>
    /// <returns>The calls and the reply.</returns>
    Task<Plan> PlanAsync(string message, ISessionView session, CancellationToken cancellationToken = default);
}
