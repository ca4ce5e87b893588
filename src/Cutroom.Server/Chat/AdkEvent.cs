using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Cutroom.Server.Chat;

/// <summary>
/// One event of a chat turn in the shape of Google ADK's <c>Event</c> (contract §6b), written in
/// camelCase: <c>{"id","invocationId","author","timestamp","content":{"role","parts"},"partial",
/// "turnComplete","actions":{"stateDelta","artifactDelta"}}</c>, plus <c>errorCode</c> and
/// <c>errorMessage</c> on the event that ends a turn with an error.
/// </summary>
public sealed record AdkEvent
{
    /// <summary>The author of every Cutroom event (the app name of the contract).</summary>
    public const string AgentName = "nemo_agent";

    /// <summary>Unique id (<c>evt_</c> + random).</summary>
    public required string Id { get; init; }

    /// <summary>The turn's id (<c>inv_</c> + the job id's random part): every event of one turn shares it.</summary>
    public required string InvocationId { get; init; }

    /// <summary>Always <see cref="AgentName"/>.</summary>
    public string Author { get; init; } = AgentName;

    /// <summary>When the event happened: Unix time in seconds, with milliseconds as the fraction.</summary>
    public required double Timestamp { get; init; }

    /// <summary>The parts (a text, a function call or a function response); null on none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AdkContent? Content { get; init; }

    /// <summary>True for progress lines of a running operation ("Extracting frames: 40%").</summary>
    public bool Partial { get; init; }

    /// <summary>True on the last event of a turn (the closing text, or the error).</summary>
    public bool TurnComplete { get; init; }

    /// <summary>What the event changed in the session's state.</summary>
    public AdkActions Actions { get; init; } = new();

    /// <summary>
    /// A code of contract §2 when the turn ended with an error (<c>"2001"</c>: out of credits; <c>"5000"</c>: the turn
    /// failed or ran out of time), written as a string because ADK's <c>Event.errorCode</c> is a string.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorCode { get; init; }

    /// <summary>What went wrong and what to do, when <see cref="ErrorCode"/> is set.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ErrorMessage { get; init; }
}

/// <summary>An event's content: always role <c>model</c>.</summary>
/// <param name="Role"><c>model</c>.</param>
/// <param name="Parts">The parts.</param>
public sealed record AdkContent(string Role, IReadOnlyList<AdkPart> Parts)
{
    /// <summary>Model content of one part.</summary>
    /// <param name="part">The part.</param>
    public static AdkContent Of(AdkPart part) => new("model", [part]);
}

/// <summary>One part: exactly one of <see cref="Text"/>, <see cref="FunctionCall"/>, <see cref="FunctionResponse"/> is set.</summary>
public sealed record AdkPart
{
    /// <summary>Text for the user.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }

    /// <summary>An operation the agent runs.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AdkFunctionCall? FunctionCall { get; init; }

    /// <summary>An operation's result.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AdkFunctionResponse? FunctionResponse { get; init; }
}

/// <summary>A <c>functionCall</c> part.</summary>
/// <param name="Id">The call's id within the turn (<c>call_1</c>); its response carries the same id.</param>
/// <param name="Name">The tool (docs agent-tools.md: <c>extract_frames</c>).</param>
/// <param name="Args">The arguments (snake_case keys).</param>
public sealed record AdkFunctionCall(string Id, string Name, JsonObject Args);

/// <summary>A <c>functionResponse</c> part.</summary>
/// <param name="Id">The call's id.</param>
/// <param name="Name">The tool.</param>
/// <param name="Response">
/// The outcome's data: <c>ok</c>, the tool's own fields (ids of generated media, answers),
/// <c>credits</c> charged (jobs), <c>version</c> when the draft changed, <c>message</c> (the
/// outcome's sentence) and <c>outputs</c> (<c>[{id,name,kind}]</c> of the files it made).
/// </param>
public sealed record AdkFunctionResponse(string Id, string Name, JsonObject Response);

/// <summary>An event's actions.</summary>
public sealed record AdkActions
{
    /// <summary>State keys that changed: <c>version</c> (the state version of contract §6a) when the event changed the session.</summary>
    public IReadOnlyDictionary<string, int> StateDelta { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Files the event produced, as ADK lists artifacts: file name → version (0 the first time the
    /// session produced a file of that name, then 1, 2, ...). Ids are in the function response's <c>outputs</c>.
    /// </summary>
    public IReadOnlyDictionary<string, int> ArtifactDelta { get; init; } = new Dictionary<string, int>();
}

/// <summary>Source-generated camelCase JSON of the ADK events (the contract keeps ADK's names).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AdkEvent))]
public partial class AdkJsonContext : JsonSerializerContext;
