using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cutroom.Agent.Planning.BuiltIn;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Timeline.Summary;
using OpenAI;
using OpenAI.Chat;

namespace Cutroom.Agent.Planning.Llm;

/// <summary>
/// The optional LLM planner: asks an OpenAI-compatible server to plan with the same tools by
/// function calling (the registry's names, descriptions and generated schemas), giving it the
/// session (media ids, kinds, names, durations; the segments with their ids). Every call it
/// returns is bound and validated against the registry; when the server is unreachable, slow,
/// answers with an error, or returns any invalid call, the built-in planner plans the message
/// instead (<see cref="Plan.Planner"/> says which one did, and why it fell back). A text-only answer becomes one
/// <c>clarify</c> (it changes nothing).
/// </summary>
public sealed class LlmPlanner : IPlanner
{
    private readonly LlmPlannerOptions _options;
    private readonly ToolRegistry _registry;
    private readonly IPlanner _fallback;
    private readonly ChatClient _client;

    /// <summary>Creates the planner.</summary>
    /// <param name="options">The server and model.</param>
    /// <param name="registry">The tools offered to the model.</param>
    /// <param name="fallback">The planner used when the model fails (normally <see cref="BuiltInPlanner"/>).</param>
    public LlmPlanner(LlmPlannerOptions options, ToolRegistry registry, IPlanner fallback)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));
        _client = new ChatClient(options.Model, new ApiKeyCredential(options.ApiKey ?? "none"), new OpenAIClientOptions
        {
            Endpoint = options.BaseUrl,
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });
    }

    /// <inheritdoc/>
    public async Task<Plan> PlanAsync(string message, ISessionView session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var language = LanguageDetector.Detect(message ?? "", session.Language);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            var chat = new ChatCompletionOptions { Temperature = 0 };
            foreach (var tool in _registry.All)
                chat.Tools.Add(ChatTool.CreateFunctionTool(tool.Name, tool.Description, BinaryData.FromString(tool.Schema.ToJsonString())));
            ChatMessage[] messages = [new SystemChatMessage(SystemPrompt(session, language)), new UserChatMessage(message ?? "")];
            ChatCompletion completion = await _client.CompleteChatAsync(messages, chat, timeout.Token);

            var calls = new List<ToolCall>();
            foreach (var tc in completion.ToolCalls)
            {
                var args = JsonNode.Parse(tc.FunctionArguments.ToString()) as JsonObject ?? throw new ToolArgumentException(tc.FunctionName, "arguments are not an object");
                var call = new ToolCall(tc.FunctionName, args);
                _registry.Bind(call); // throws ToolArgumentException on anything invalid
                calls.Add(call);
            }
            var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text)).Trim();
            if (calls.Count == 0)
            {
                if (text.Length == 0) throw new ToolArgumentException("(none)", "the model answered neither a call nor a text");
                calls.Add(ToolCall.Of(ToolNames.Clarify, new ClarifyArgs { Question = text }));
            }
            if (calls.Any(c => c.Name == ToolNames.Clarify) && calls.Count > 1) calls = [.. calls.Where(c => c.Name == ToolNames.Clarify).Take(1)];
            var reply = text.Length > 0 ? text : ReplyWriter.Write(calls, new PlanContext(session, language));
            return new Plan(calls, reply, language, "llm");
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException or JsonException or ToolArgumentException or InvalidOperationException or FormatException
                                   || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            var reason = e is OperationCanceledException ? $"the model did not answer within {_options.Timeout.TotalSeconds:0} s" : e.Message;
            var plan = await _fallback.PlanAsync(message ?? "", session, cancellationToken);
            return plan with { Planner = $"{plan.Planner} (fallback: {reason})" };
        }
    }

    /// <summary>The system prompt: what Cutroom is, the rules of the tools, the session's media and segments with their ids.</summary>
    internal static string SystemPrompt(ISessionView session, string language)
    {
        var sb = new StringBuilder();
        sb.AppendLine("You are Cutroom's video editing agent. Turn the user's request into calls of the given tools, in order.");
        sb.AppendLine("Times are integer milliseconds. Refer to uploads by media id (med_...) and to timeline items by segment id (seg_...).");
        sb.AppendLine("If the request is ambiguous, call clarify once with a short question and nothing else. If it is not about video, call help.");
        sb.AppendLine(language == "zh" ? "Write any text for the user in simplified Chinese." : "Write any text for the user in English.");
        sb.AppendLine("Uploads:");
        foreach (var m in session.Media)
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {m.Id}: {m.Name} ({m.Kind.ToString().ToLowerInvariant()}{(m.DurationMs is { } d ? $", {d} ms" : "")}{(m.Width is { } w ? $", {w}x{m.Height}" : "")})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Timeline ({session.Draft.Width}x{session.Draft.Height}, {session.Draft.DurationMs} ms): {TimelineSummary.Of(session.Draft)}");
        foreach (var (track, seg) in session.Draft.AllSegments())
            sb.AppendLine(CultureInfo.InvariantCulture, $"- {seg.Id} on {track.Id} ({TimelineSummary.TrackName(track)}): {(seg.Meta.Text is { } t ? JsonSerializer.Serialize(t, AgentJson.Options) : seg.Src)} {seg.StartMs}-{seg.EndMs} ms");
        return sb.ToString();
    }
}
