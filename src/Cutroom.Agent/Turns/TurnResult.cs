using Cutroom.Agent.Execution;
using Cutroom.Agent.Planning;
using Cutroom.Agent.Tools;

namespace Cutroom.Agent.Turns;

/// <summary>One chat turn: the plan, what each call did, and the closing text.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Results">Each call that ran, with its outcome (calls after a failure do not run).</param>
/// <param name="Text">The closing text: what changed (or why nothing did), then the timeline summary when the draft changed.</param>
/// <param name="TimelineSummary">The new timeline summary when the draft changed, else null.</param>
public sealed record TurnResult(Plan Plan, IReadOnlyList<(ToolCall Call, ToolOutcome Outcome)> Results, string Text, string? TimelineSummary)
{
    /// <summary>Whether every planned call ran and succeeded.</summary>
    public bool Succeeded => Results.Count == Plan.Calls.Count && Results.All(r => r.Outcome.Succeeded);

    /// <summary>Whether the draft changed.</summary>
    public bool DraftChanged => TimelineSummary is not null;
}
