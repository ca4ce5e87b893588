using System.Text.Json;
using System.Text.Json.Nodes;
using Cutroom.Agent.Planning;
using Cutroom.Agent.Tools;
using Cutroom.Server.Contract;

namespace Cutroom.Server.Chat;

/// <summary>
/// The request of a chat job (its <c>job_payloads</c> row), in snake_case:
/// <c>{"message":"…","language":"en","base_url":"http://…","plan":{"version":7,"planner":"builtin","reply":"…","calls":[{"name":…,"args":{…}}]}}</c>.
/// The plan is the one priced when the message was sent, made against state version
/// <see cref="PlannedTurn.Version"/>; the job runs it when the session is still at that version,
/// and plans the message again otherwise (a turn queued behind another one refers to its result).
/// </summary>
/// <param name="Message">The user's message.</param>
/// <param name="Language">The reply language (<c>en</c>, <c>zh</c>).</param>
/// <param name="BaseUrl">The server's address as the client saw it (for the <c>bind_url</c> of an out-of-credits event).</param>
/// <param name="Plan">The plan made when the message was sent, or null.</param>
public sealed record ChatPayload(string Message, string Language, string BaseUrl, PlannedTurn? Plan)
{
    /// <summary>The payload as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ServerJson.Options);

    /// <summary>Reads a payload.</summary>
    /// <param name="json">The stored JSON.</param>
    /// <exception cref="JsonException">It is not a chat payload.</exception>
    public static ChatPayload Parse(string json) =>
        JsonSerializer.Deserialize<ChatPayload>(json, ServerJson.Options) ?? throw new JsonException("an empty chat payload");
}

/// <summary>A plan as stored in a chat job.</summary>
/// <param name="Version">The state version it was made against.</param>
/// <param name="Planner">Which planner made it.</param>
/// <param name="Reply">Its reply.</param>
/// <param name="Calls">Its calls.</param>
/// <param name="Notes">Its notes (<see cref="Plan.Notes"/>; absent in payloads stored before they existed).</param>
public sealed record PlannedTurn(int Version, string Planner, string Reply, IReadOnlyList<PlannedCall> Calls, IReadOnlyList<string>? Notes = null)
{
    /// <summary>The stored form of <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="version">The state version it was made against.</param>
    public static PlannedTurn Of(Plan plan, int version)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlannedTurn(version, plan.Planner, plan.Reply, [.. plan.Calls.Select(c => new PlannedCall(c.Name, (JsonObject)c.Args.DeepClone()))], plan.Notes);
    }

    /// <summary>The agent's plan.</summary>
    /// <param name="language">The reply language.</param>
    public Plan ToPlan(string language) => new([.. Calls.Select(c => new ToolCall(c.Name, (JsonObject)c.Args.DeepClone()))], Reply, language, Planner) { Notes = Notes ?? [] };
}

/// <summary>One stored call.</summary>
/// <param name="Name">The tool.</param>
/// <param name="Args">Its arguments.</param>
public sealed record PlannedCall(string Name, JsonObject Args);
