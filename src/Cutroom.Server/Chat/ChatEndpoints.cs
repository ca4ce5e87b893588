using System.Text.Json;
using Cutroom.Agent.Credits;
using Cutroom.Agent.Execution;
using Cutroom.Agent.Planning;
using Cutroom.Agent.Planning.BuiltIn;
using Cutroom.Agent.Planning.Llm;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Turns;
using Cutroom.Engine.Common;
using Cutroom.Server.Contract;
using Cutroom.Server.Hosting;
using Cutroom.Server.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cutroom.Server.Chat;

/// <summary>
/// <c>POST /run_sse</c> and <c>POST /run</c> (contract §6b). Both take the ADK body in either
/// spelling (<see cref="ChatRequest"/>), refuse with an ordinary envelope (plus ADK's <c>error</c>
/// text) before anything is streamed (4000 body, 1001 token, 1002 session, 4001/4002 an inline file,
/// 2001 credits: <see cref="ChatTurns"/>), and run the turn as a chat job (<see cref="ChatJobHandler"/>).
/// <c>/run_sse</c> streams the turn's ADK events (<see cref="SseStream"/>); <c>/run</c> waits for the
/// turn and answers the same events, in order, the last one with <c>turnComplete: true</c> (and
/// <c>errorCode</c> when the turn ended with an error, still HTTP 200: the events up to it happened):
/// a seed client (snake_case body) gets them as <c>data</c> of the envelope
/// <c>{"code":0,"message":"ok","data":[…]}</c>, an ADK client (camelCase body) as a bare JSON array, as
/// ADK's own server answers. Partial (progress) events are left out when the request's
/// <c>streaming</c> is false (the default of a camelCase body). A client that disconnects from either
/// stops nothing: the turn finishes and its results land in state.
/// </summary>
public static class ChatEndpoints
{
    /// <summary>Registers the agent (tools with the server's price table, the planner: built-in, or an LLM with the built-in one as fallback when <see cref="ChatOptions.LlmBaseUrl"/> is set), the turn feeds and the chat job handler.</summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new ToolRegistry(sp.GetService<CreditPrices>() ?? CreditPrices.Default));
        services.TryAddSingleton(sp => new ToolRunner(sp.GetRequiredService<ToolRegistry>()));
        services.TryAddSingleton(sp => CreatePlanner(sp.GetRequiredService<ServerOptions>().Chat, sp.GetRequiredService<ToolRegistry>()));
        services.TryAddSingleton(sp => new EditAgent(sp.GetRequiredService<IPlanner>(), sp.GetRequiredService<ToolRunner>(), sp.GetRequiredService<EngineContext>(),
            new AgentOptions { Prices = sp.GetRequiredService<ToolRegistry>().Prices }));
        services.AddSingleton<ChatHub>();
        services.AddSingleton<BindLinks>();
        services.AddSingleton<ChatTurns>();
        services.AddSingleton<ChatJobHandler>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<ChatJobHandler>());
        return services;
    }

    /// <summary>Maps the endpoints on the authenticated group.</summary>
    /// <param name="api">The authenticated group.</param>
    public static RouteGroupBuilder MapChat(this RouteGroupBuilder api)
    {
        api.MapPost("/run_sse", async (HttpContext http, ChatTurns turns, ServerOptions options, TimeProvider clock) =>
        {
            var (subscription, request) = await turns.StartAsync(http);
            using (subscription)
                await SseStream.WriteAsync(http, subscription, options.Chat, () => AdkJson.Serialize(TimedOut(subscription.JobId, clock)), request.Streaming);
        })
        .WithName("RunSse").WithTags("chat").WithSummary("Send a chat message; the turn's ADK events as Server-Sent Events")
        .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

        api.MapPost("/run", async (HttpContext http, ChatTurns turns, ServerOptions options, TimeProvider clock) =>
        {
            var (started, request) = await turns.StartAsync(http);
            using var subscription = started;
            var events = new List<JsonElement>();
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            deadline.CancelAfter(options.Chat.TurnLimit + TimeSpan.FromMinutes(1));
            try
            {
                await foreach (var item in subscription.Reader.ReadAllAsync(deadline.Token))
                {
                    if (!item.Partial || request.Streaming) events.Add(Parse(item.Json));
                    if (item.Final) break;
                }
            }
            catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
            {
                events.Add(Parse(AdkJson.Serialize(TimedOut(subscription.JobId, clock))));
            }
            return request.Dialect == ChatDialect.Adk ? TypedResults.Json(events, ServerJson.Options) : Api.Ok(events);
        })
        .WithName("Run").WithTags("chat").WithSummary("Send a chat message; the turn's ADK events as one JSON array (in data for a snake_case body, bare for a camelCase one)");
        return api;
    }

    private static IPlanner CreatePlanner(ChatOptions chat, ToolRegistry registry)
    {
        IPlanner builtIn = new BuiltInPlanner();
        if (string.IsNullOrWhiteSpace(chat.LlmBaseUrl)) return builtIn;
        if (!Uri.TryCreate(chat.LlmBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new InvalidOperationException("Cutroom:Chat:LlmBaseUrl must be an absolute http(s) URL such as http://127.0.0.1:11434/v1");
        if (string.IsNullOrWhiteSpace(chat.LlmModel))
            throw new InvalidOperationException("Cutroom:Chat:LlmModel is required with Cutroom:Chat:LlmBaseUrl (the model name the server knows)");
        return new LlmPlanner(new LlmPlannerOptions(url, chat.LlmModel) { ApiKey = Environment.GetEnvironmentVariable("CUTROOM_LLM_KEY") }, registry, builtIn);
    }

    private static AdkEvent TimedOut(string jobId, TimeProvider clock) =>
        new TurnEvents(jobId, clock).Error(ApiCodes.ServerError, "this turn did not end in time; read the state to see what changed, then send the request again");

    private static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
