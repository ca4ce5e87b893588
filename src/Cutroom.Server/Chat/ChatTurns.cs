using Cutroom.Agent.Execution;
using Cutroom.Agent.Planning;
using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Cutroom.Server.Credits;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Cutroom.Server.Jobs;
using Cutroom.Server.Sessions;
using Microsoft.AspNetCore.Http;

namespace Cutroom.Server.Chat;

/// <summary>
/// Starts a chat turn for <c>/run_sse</c> and <c>/run</c>, doing everything that can still be
/// refused with an ordinary envelope before a stream starts (contract §6b): the body (4000), the
/// session (1002), an export without the attribution headers (402, as the render endpoint), and the price: the message is planned against the session as it is and the
/// estimates of the plan's jobs (<see cref="ToolRunner.Estimate"/>) are compared with the credits
/// available (2001 with <c>bind_url</c>). Then the turn becomes a durable chat job (with the
/// attribution headers), the caller subscribes to its feed, and the job engine gets a ticket for it.
/// </summary>
/// <param name="sessions">Sessions (ownership, the planning view).</param>
/// <param name="planner">The planner.</param>
/// <param name="runner">Prices calls.</param>
/// <param name="ledger">Balances.</param>
/// <param name="jobs">The jobs table.</param>
/// <param name="queue">The job engine (given a ticket after queueing).</param>
/// <param name="hub">Turn feeds.</param>
/// <param name="links">The <c>bind_url</c> of a 2001 answer.</param>
/// <param name="uploads">Uploads the message's <c>inlineData</c> files before the turn is planned.</param>
/// <param name="options">Whether exports need the attribution headers, and the chat body's cap when it carries files (<see cref="UploadOptions.MaxInlineBodyBytes"/>).</param>
public sealed class ChatTurns(SessionStore sessions, IPlanner planner, ToolRunner runner, CreditLedger ledger, JobStore jobs, JobQueue queue, ChatHub hub,
    BindLinks links, Uploads.UploadService uploads, ServerOptions options)
{
    /// <summary>Checks, prices and queues the turn of the request's body.</summary>
    /// <param name="http">The request (authenticated).</param>
    /// <returns>A subscription to the turn's events (the caller disposes it), and the request (its dialect and streaming flag).</returns>
    /// <exception cref="ApiException">4000 bad body, 1002 unknown session, 4001/4002 a refused <c>inlineData</c> file, 402 an export without the attribution headers, 2001 out of credits.</exception>
    public async Task<(TurnSubscription Subscription, ChatRequest Request)> StartAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var caller = Caller.Of(http);
        var ct = http.RequestAborted;
        ChatRequest request;
        using (var body = await RequestJson.ReadAsync(http.Request, maxBytes: Math.Max(RequestJson.MaxBytes, options.Upload.MaxInlineBodyBytes)))
            request = ChatRequest.Parse(body!);
        var row = await sessions.RequireAsync(caller, request.SessionId, ct);
        // Files sent in the message are uploads (same checks and limits), in the bin before the message is planned.
        if (request.Files.Count > 0) await uploads.AcceptInlineAsync(http, row.Id, request.Files);

        var view = await sessions.OpenAsync(row.Id, null, ct, fetchFiles: false); // planning and pricing read no file
        var plan = await planner.PlanAsync(request.Text, view, ct);
        // An export asked in chat is an export: without the attribution headers it is refused with 402 as the render endpoint does (contract §1), before anything runs.
        if (options.RequireAttribution && plan.Calls.Any(c => c.Name == Agent.Tools.ToolNames.Export) && !Attribution.IsComplete(http.Request))
            throw new ApiException(ApiCodes.AttributionRequired, plan.Language == "zh"
                ? "导出需要 X-Skill-Source、X-Skill-Version 和 X-Skill-Platform 三个归属请求头：请注册或升级您的客户端"
                : "export requires the attribution headers X-Skill-Source, X-Skill-Version and X-Skill-Platform: register or upgrade your client");
        var needed = plan.Calls.Sum(c => runner.Estimate(c, view));
        if (needed > 0)
        {
            var balance = await ledger.BalanceAsync(caller.AccountId, ct);
            if (needed > balance.Available)
                throw new ApiException(ApiCodes.OutOfCredits,
                    $"out of credits: this request needs {needed} credits and {balance.Available} are available; register with the link in data.bind_url to get more",
                    new OutOfCreditsData(await links.UrlAsync(BindLinks.BaseUrl(http.Request), caller.AccountId, ct), balance.Available, needed));
        }

        var job = new JobRow
        {
            Id = Ids.New("job"), Kind = JobKinds.Chat, AccountId = caller.AccountId, SessionId = row.Id, Status = JobStates.Queued,
            Attribution = Attribution.Json(http.Request),
        };
        var payload = new ChatPayload(request.Text, plan.Language, BindLinks.BaseUrl(http.Request), PlannedTurn.Of(plan, view.Version));
        var feed = hub.Feed(job.Id);
        var subscription = feed.Subscribe(); // before the job exists, so no event can be missed
        try
        {
            await jobs.CreateAsync(job, payload.ToJson(), CancellationToken.None);
        }
        catch
        {
            subscription.Dispose();
            hub.Forget(feed);
            throw;
        }
        queue.Wake(JobKinds.Chat);
        return (subscription, request);
    }
}
