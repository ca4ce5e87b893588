using System.Text.Json.Nodes;
using Cutroom.Agent.Tools;

namespace Cutroom.Agent.Planning;

/// <summary>What a planner made of one message: the calls in order and a reply that says what will change.</summary>
/// <param name="Calls">The tool calls, in order (one <c>clarify</c> or <c>help</c> when nothing should change).</param>
/// <param name="Reply">What will change, in the user's language.</param>
/// <param name="Language"><c>en</c> or <c>zh</c>.</param>
/// <param name="Planner">Which planner made it (<c>builtin</c>, <c>llm</c>).</param>
public sealed record Plan(IReadOnlyList<ToolCall> Calls, string Reply, string Language, string Planner)
{
    /// <summary>
    /// What the user should know about how the message was read, in their language ("I used
    /// broll.mp4, your latest upload; …"): the turn's closing text starts with these.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The plan as agent-tools.md prints it: <c>{"calls":[{"name":...,"args":{...}}],"reply":"..."}</c>.</summary>
    public JsonObject ToJson() => new()
    {
        ["calls"] = new JsonArray([.. Calls.Select(c => (JsonNode)c.ToJson())]),
        ["reply"] = Reply,
    };
}
