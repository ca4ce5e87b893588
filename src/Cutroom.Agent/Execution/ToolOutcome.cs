using System.Text.Json.Nodes;
using Cutroom.Agent.Sessions;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Execution;

/// <summary>What one tool call did: a sentence for the user, the <c>functionResponse</c> data, a new draft, outputs.</summary>
public sealed record ToolOutcome
{
    /// <summary>Whether it worked.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>What happened, in the user's language (one or two sentences).</summary>
    public required string Text { get; init; }

    /// <summary>The response data (ids of generated media, answers) for the <c>functionResponse</c> part.</summary>
    public JsonObject Data { get; init; } = [];

    /// <summary>The new draft to commit, when the call changed it.</summary>
    public Draft? NewDraft { get; init; }

    /// <summary>Whether the session's draft changed (a new draft, an undo or a redo).</summary>
    public bool DraftChanged { get; init; }

    /// <summary>Outputs recorded in the session.</summary>
    public IReadOnlyList<GeneratedMedia> Generated { get; init; } = [];

    /// <summary>The actual cost (credits); null: the estimate.</summary>
    public int? Credits { get; init; }

    /// <summary>A successful outcome.</summary>
    /// <param name="text">What happened.</param>
    public static ToolOutcome Ok(string text) => new() { Succeeded = true, Text = text };

    /// <summary>A successful draft change.</summary>
    /// <param name="text">What changed.</param>
    /// <param name="draft">The new draft.</param>
    public static ToolOutcome Edited(string text, Draft draft) => new() { Succeeded = true, Text = text, NewDraft = draft, DraftChanged = true };

    /// <summary>A failure that changed nothing.</summary>
    /// <param name="text">Why, in the user's language.</param>
    public static ToolOutcome Failed(string text) => new() { Succeeded = false, Text = text };
}
