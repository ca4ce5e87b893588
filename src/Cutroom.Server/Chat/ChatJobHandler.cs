using System.Text.Json.Nodes;
using Cutroom.Agent.Planning;
using Cutroom.Agent.Turns;
using Cutroom.Server.Contract;
using Cutroom.Server.Credits;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Cutroom.Server.Jobs;
using Cutroom.Server.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cutroom.Server.Chat;

/// <summary>
/// Runs a chat turn as a job of the chat lane (<see cref="JobRunner"/>), so the turn does not depend on the
/// request that started it: a client that goes away stops reading, the work goes on, and its
/// results land in state. Turns of one session run one at a time (the session lock); the turn's
/// credit holds carry the job id. The events go to the turn's <see cref="TurnFeed"/>, which always
/// ends with a <c>turnComplete</c> event: the closing text, or an error event.
/// <para>
/// Time limit: a turn ends within <see cref="ChatOptions.TurnLimit"/> (15 min) of the request that
/// sent it, waiting included: when it is reached, the running operation is cancelled (its frozen
/// credits return), the turn ends with error 5000 and the job fails.
/// </para>
/// </summary>
/// <param name="sessions">Sessions (lock, open).</param>
/// <param name="jobs">Records the reply on the job before the stream ends (state's chat history).</param>
/// <param name="db">The database (older turns of the session).</param>
/// <param name="agent">The edit agent.</param>
/// <param name="planner">Plans the message again when the session changed after it was priced.</param>
/// <param name="links">Bind links (the closing event of a turn that ran out of credits carries one).</param>
/// <param name="hub">Turn feeds.</param>
/// <param name="ledger">Returns the holds of a failed turn.</param>
/// <param name="options">The turn limit.</param>
/// <param name="clock">The time.</param>
/// <param name="logger">The log.</param>
public sealed class ChatJobHandler(SessionStore sessions, JobStore jobs, IDbContextFactory<CutroomDb> db, EditAgent agent, IPlanner planner, BindLinks links, ChatHub hub, CreditLedger ledger,
    ServerOptions options, TimeProvider clock, ILogger<ChatJobHandler> logger) : IJobHandler
{
    /// <inheritdoc/>
    public string Kind => JobKinds.Chat;

    /// <inheritdoc/>
    public async Task<string?> RunAsync(JobRow job, string payload, IProgress<int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        var feed = hub.Feed(job.Id);
        var events = new TurnEvents(job.Id, clock);
        var remaining = DateTime.SpecifyKind(job.CreatedAt, DateTimeKind.Utc) + options.Chat.TurnLimit - clock.GetUtcNow().UtcDateTime;
        using var limit = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        var ct = linked.Token;
        try
        {
            var request = ChatPayload.Parse(payload);
            using var _ = await TakeSessionAsync(job, ct);
            var session = await sessions.OpenAsync(job.SessionId, job.Id, ct);
            events.Bind(session);
            var plan = request.Plan is { } planned && planned.Version == session.Version
                ? planned.ToPlan(request.Language)
                : await planner.PlanAsync(request.Message, session, ct);

            var bindUrl = await links.UrlAsync(request.BaseUrl, job.AccountId, ct);
            // A call refused for too few credits ends the turn with 2001: its closing text and errorMessage carry the bind link.
            var register = plan.Language == "zh" ? $"注册即可获得更多积分：{bindUrl}" : $"Register for more credits: {bindUrl}";
            string? outOfCredits = null;
            var done = 0;
            void OnEvent(AgentEvent e)
            {
                (int, string)? closing = null;
                switch (e)
                {
                    case CallProgress p:
                        progress.Report((int)((done + p.Fraction) * 100 / Math.Max(1, plan.Calls.Count)));
                        break;
                    case CallFinished f:
                        progress.Report(++done * 100 / Math.Max(1, plan.Calls.Count));
                        if (TurnEvents.IsOutOfCredits(f))
                            outOfCredits = f.Outcome.Text + " " + register;
                        break;
                    case TurnText t when outOfCredits is not null:
                        e = new TurnText(t.Text + "\n" + register);
                        closing = (ApiCodes.OutOfCredits, outOfCredits);
                        break;
                }
                // The reply goes on the job before the stream says the turn is complete, so state read right after shows it.
                if (e is TurnText reply)
                    jobs.SetResultAsync(job.Id, new JsonObject { ["text"] = reply.Text }.ToJsonString(), CancellationToken.None).GetAwaiter().GetResult();
                feed.Publish(new FeedItem(AdkJson.Serialize(events.From(e, closing)), e is TurnText) { Partial = e is CallProgress });
            }

            var result = await agent.RunAsync(session, plan, OnEvent, ct);
            return new JsonObject
            {
                ["text"] = result.Text,
                ["version"] = session.Version,
                ["planner"] = plan.Planner,
                ["succeeded"] = result.Succeeded,
                ["calls"] = new JsonArray([.. result.Results.Select(r => (JsonNode)new JsonObject { ["name"] = r.Call.Name, ["ok"] = r.Outcome.Succeeded })]),
            }.ToJsonString();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            End(feed, events, ApiCodes.ServerError, "The server is restarting and stopped this turn; nothing was charged for the unfinished operation, send the request again");
            throw; // the pool releases the holds and fails the job
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            await ledger.ReleaseOpenHoldsAsync(job.Id, CancellationToken.None);
            var message = $"This turn did not finish within {Minutes(options.Chat.TurnLimit)} and was stopped; anything it finished is in the state, nothing was charged for the unfinished operation";
            End(feed, events, ApiCodes.ServerError, message);
            throw new ApiException(ApiCodes.ServerError, message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "chat job {Job} failed", job.Id);
            await ledger.ReleaseOpenHoldsAsync(job.Id, CancellationToken.None);
            End(feed, events, ApiCodes.ServerError, $"This turn failed unexpectedly; anything it finished is in the state. Retry later and report {TurnEvents.InvocationIdOf(job.Id)}");
            throw;
        }
        finally
        {
            // Whatever happened, readers must not wait for an end that never comes.
            End(feed, events, ApiCodes.ServerError, "This turn ended without a reply; read the state to see what changed");
        }
    }

    /// <summary>
    /// Takes the session's lock in the order the turns were sent: a worker that got the lock
    /// before an older turn of the session (claimed first, but slower to reach the lock) gives it up
    /// and waits, so "add a title" followed by "make it red" never runs the other way round.
    /// Claims are oldest first, so every older turn is already running (waiting for the lock).
    /// </summary>
    private async Task<IDisposable> TakeSessionAsync(JobRow job, CancellationToken ct)
    {
        while (true)
        {
            var held = await sessions.LockAsync(job.SessionId, ct);
            bool olderWaits;
            try
            {
                await using var ctx = await db.CreateDbContextAsync(ct);
                olderWaits = await ctx.Jobs.AsNoTracking().AnyAsync(j => j.SessionId == job.SessionId && j.Kind == JobKinds.Chat && j.Status == JobStates.Running
                    && j.Id != job.Id && (j.CreatedAt < job.CreatedAt || (j.CreatedAt == job.CreatedAt && string.Compare(j.Id, job.Id) < 0)), ct);
            }
            catch
            {
                held.Dispose();
                throw;
            }
            if (!olderWaits) return held;
            held.Dispose();
            await Task.Delay(TimeSpan.FromMilliseconds(50), clock, ct);
        }
    }

    private static void End(TurnFeed feed, TurnEvents events, int code, string message)
    {
        if (!feed.Ended) feed.Publish(new FeedItem(AdkJson.Serialize(events.Error(code, message)), Final: true));
    }

    private static string Minutes(TimeSpan t) => t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0.#} minutes" : $"{t.TotalSeconds:0.#} seconds";
}
