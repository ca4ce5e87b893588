using System.Text.Json.Nodes;
using Cutroom.Agent.Execution;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Turns;
using Cutroom.Server.Hosting;

namespace Cutroom.Server.Chat;

/// <summary>
/// Maps the agent's events of one turn to ADK events (contract §6b): a call's start is a
/// <c>functionCall</c> part, its progress a <c>partial</c> text, its end a <c>functionResponse</c>
/// (with <c>stateDelta.version</c> when the session changed and <c>artifactDelta</c> listing the
/// files it made), and the closing text the event with <c>turnComplete</c>. Calls of a turn run one
/// after another, so the outputs of a call are the session's outputs added between its start and end.
/// </summary>
public sealed class TurnEvents
{
    private readonly TimeProvider _clock;
    private IAgentSession? _session;
    private int _generatedBefore;
    private int _versionBefore;

    /// <summary>Creates the mapper of the turn run by job <paramref name="jobId"/>.</summary>
    /// <param name="jobId">The chat job (<c>job_…</c>).</param>
    /// <param name="clock">The time (event timestamps).</param>
    public TurnEvents(string jobId, TimeProvider clock)
    {
        InvocationId = InvocationIdOf(jobId);
        _clock = clock;
    }

    /// <summary>The turn's <c>invocationId</c>.</summary>
    public string InvocationId { get; }

    /// <summary>A job's invocation id: <c>inv_</c> and the job id's random part (so a reported invocation finds its job).</summary>
    /// <param name="jobId">The job id.</param>
    public static string InvocationIdOf(string jobId) =>
        "inv_" + (jobId.StartsWith("job_", StringComparison.Ordinal) ? jobId[4..] : jobId);

    /// <summary>The session the turn runs against (outputs and versions are read from it).</summary>
    /// <param name="session">The open session.</param>
    public void Bind(IAgentSession session) => _session = session;

    /// <summary>The ADK event of <paramref name="e"/>.</summary>
    /// <param name="e">An agent event.</param>
    /// <param name="closing">For <see cref="TurnText"/>: an error code to end the turn with (2001 when a call found too few credits), and its message.</param>
    /// <exception cref="ArgumentException">An unknown event type.</exception>
    public AdkEvent From(AgentEvent e, (int Code, string Message)? closing = null) => e switch
    {
        CallStarted s => Started(s),
        CallProgress p => New(AdkContent.Of(new AdkPart { Text = p.Text })) with { Partial = true },
        CallFinished f => Finished(f),
        TurnText t => New(AdkContent.Of(new AdkPart { Text = t.Text })) with
        {
            TurnComplete = true,
            Actions = new AdkActions { StateDelta = VersionDelta() },
            ErrorCode = closing?.Code.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ErrorMessage = closing?.Message,
        },
        _ => throw new ArgumentException($"unknown agent event {e.GetType().Name}", nameof(e)),
    };

    /// <summary>The event that ends a turn with an error: the message as text (clients show text events), the code, <c>turnComplete</c>.</summary>
    /// <param name="code">A code of contract §2.</param>
    /// <param name="message">What went wrong and what to do.</param>
    public AdkEvent Error(int code, string message) => New(AdkContent.Of(new AdkPart { Text = message })) with
    {
        TurnComplete = true,
        ErrorCode = code.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ErrorMessage = message,
        Actions = new AdkActions { StateDelta = _session is null ? new Dictionary<string, int>() : VersionDelta() },
    };

    private AdkEvent Started(CallStarted s)
    {
        _generatedBefore = _session?.Generated.Count ?? 0;
        _versionBefore = _session?.Version ?? 0;
        return New(AdkContent.Of(new AdkPart { FunctionCall = new AdkFunctionCall(s.Id, s.Call.Name, (JsonObject)s.Call.Args.DeepClone()) }));
    }

    private AdkEvent Finished(CallFinished f)
    {
        var response = (JsonObject)f.Outcome.Data.DeepClone();
        response["message"] = f.Outcome.Text;
        var made = _session is null ? [] : _session.Generated.Skip(_generatedBefore).ToList();
        response["outputs"] = new JsonArray([.. made.Select(g => (JsonNode)new JsonObject { ["id"] = g.Id, ["name"] = g.Name, ["kind"] = g.Kind })]);
        var changed = _session is not null && _session.Version != _versionBefore;
        return New(AdkContent.Of(new AdkPart { FunctionResponse = new AdkFunctionResponse(f.Id, f.Call.Name, response) })) with
        {
            Actions = new AdkActions
            {
                StateDelta = changed ? VersionDelta() : new Dictionary<string, int>(),
                ArtifactDelta = ArtifactVersions(made),
            },
        };
    }

    /// <summary>Each new file's ADK artifact version: how many earlier outputs of the session had its name.</summary>
    private Dictionary<string, int> ArtifactVersions(List<GeneratedMedia> made)
    {
        var delta = new Dictionary<string, int>(StringComparer.Ordinal);
        if (made.Count == 0 || _session is null) return delta;
        var seen = _session.Generated.Take(_generatedBefore).GroupBy(g => g.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var g in made)
        {
            var version = seen.GetValueOrDefault(g.Name);
            delta[g.Name] = version;
            seen[g.Name] = version + 1;
        }
        return delta;
    }

    private Dictionary<string, int> VersionDelta() => new() { ["version"] = _session?.Version ?? 0 };

    private AdkEvent New(AdkContent content) => new()
    {
        Id = Ids.New("evt"),
        InvocationId = InvocationId,
        Timestamp = Math.Round(_clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0, 3),
        Content = content,
    };

    /// <summary>Whether a call's outcome says the credits could not cover it.</summary>
    /// <param name="f">A finished call.</param>
    public static bool IsOutOfCredits(CallFinished f) =>
        f is not null && f.Outcome.Data.TryGetPropertyValue("error", out var v) && v is JsonValue j && j.TryGetValue<string>(out var s)
        && s == ToolRunner.OutOfCredits;
}
