using System.Text.Json.Nodes;
using Cutroom.Agent.Planning;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;

namespace Cutroom.Server.Tests.Contract;

/// <summary>
/// A planner double for the contract tests: the chat message is the JSON of one tool call
/// (<c>{"name":"trim","args":{...}}</c>) and the plan is exactly that call, so that HTTP runs the same
/// call the agent test runs, with no planner wording in between.
/// </summary>
internal sealed class ScriptedPlanner : IPlanner
{
    /// <summary>The chat message that plans <paramref name="call"/>.</summary>
    public static string MessageOf(ToolCall call) => call.ToJson().ToJsonString();

    /// <inheritdoc/>
    public Task<Plan> PlanAsync(string message, ISessionView session, CancellationToken cancellationToken = default)
    {
        var o = JsonNode.Parse(message)!.AsObject();
        var call = new ToolCall(o["name"]!.GetValue<string>(), o["args"]!.AsObject().DeepClone().AsObject());
        return Task.FromResult(new Plan([call], $"Running {call.Name}.", "en", "scripted"));
    }
}
