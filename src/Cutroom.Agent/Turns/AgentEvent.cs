using Cutroom.Agent.Execution;
using Cutroom.Agent.Tools;

namespace Cutroom.Agent.Turns;

/// <summary>What happens during a turn, in order (the server maps these to ADK events of contract §6b).</summary>
public abstract record AgentEvent;

/// <summary>A call starts (a <c>functionCall</c> part).</summary>
/// <param name="Id">The call's id within the turn (<c>call_1</c>).</param>
/// <param name="Call">The call.</param>
public sealed record CallStarted(string Id, ToolCall Call) : AgentEvent;

/// <summary>A running job's progress (a <c>partial</c> text event: "Extracting frames: 40%").</summary>
/// <param name="Id">The call's id.</param>
/// <param name="Text">The progress line, in the user's language.</param>
/// <param name="Fraction">0..1.</param>
public sealed record CallProgress(string Id, string Text, double Fraction) : AgentEvent;

/// <summary>A call ended (a <c>functionResponse</c> part).</summary>
/// <param name="Id">The call's id.</param>
/// <param name="Call">The call.</param>
/// <param name="Outcome">What it did.</param>
public sealed record CallFinished(string Id, ToolCall Call, ToolOutcome Outcome) : AgentEvent;

/// <summary>The turn's closing text (always sent, last).</summary>
/// <param name="Text">What changed, and the timeline summary when the draft changed.</param>
public sealed record TurnText(string Text) : AgentEvent;
