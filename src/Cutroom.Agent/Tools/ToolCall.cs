using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cutroom.Agent.Tools;

/// <summary>
/// One planned call of a tool: its canonical name (<see cref="ToolNames"/>) and its arguments
/// as the JSON object of agent-tools.md (<c>{"media":"med_1","every_n":10}</c>).
/// </summary>
/// <param name="Name">The tool's canonical name.</param>
/// <param name="Args">The arguments (snake_case keys; absent optional arguments left out).</param>
public sealed record ToolCall(string Name, JsonObject Args)
{
    /// <summary>Builds a call from a typed argument record (serialised with <see cref="AgentJson.Options"/>).</summary>
    /// <typeparam name="TArgs">The tool's argument record.</typeparam>
    /// <param name="name">The tool's canonical name.</param>
    /// <param name="args">The arguments.</param>
    public static ToolCall Of<TArgs>(string name, TArgs args) where TArgs : class =>
        new(name, JsonSerializer.SerializeToNode(args, AgentJson.Options)?.AsObject() ?? []);

    /// <summary>A string argument, or null when absent or not a string.</summary>
    /// <param name="key">The argument's name.</param>
    public string? GetString(string key) =>
        Args.TryGetPropertyValue(key, out var v) && v is JsonValue j && j.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The call as <c>{"name":...,"args":{...}}</c>.</summary>
    public JsonObject ToJson() => new() { ["name"] = Name, ["args"] = Args.DeepClone() };

    /// <inheritdoc/>
    public override string ToString() => $"{Name} {Args.ToJsonString(AgentJson.Options)}";
}
