using System.Text.Json.Nodes;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Agent.Execution;

/// <summary>
/// Runs one tool call against a session: binds the arguments, freezes the credit estimate of a
/// job (contract §7), runs the executor, commits a changed draft as a new revision, charges the
/// actual cost, or returns everything frozen when it fails. Failures become failed outcomes with
/// a sentence for the user; nothing is half-applied.
/// </summary>
/// <param name="registry">The tools.</param>
public sealed class ToolRunner(ToolRegistry registry)
{
    /// <summary>
    /// <c>error</c> of a failed outcome's data when the credits available could not cover the call's
    /// estimate (the data also holds <c>needed</c> and <c>available</c>), so callers can answer with
    /// the contract's out-of-credits code.
    /// </summary>
    public const string OutOfCredits = "out_of_credits";

    /// <summary>The tools.</summary>
    public ToolRegistry Registry { get; } = registry ?? throw new ArgumentNullException(nameof(registry));

    /// <summary>The credits a call would freeze (its tool's price for the length of its <c>media</c>).</summary>
    /// <param name="call">The call.</param>
    /// <param name="session">The session (media durations).</param>
    public int Estimate(ToolCall call, ISessionView session)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(session);
        var tool = Registry.Find(call.Name);
        if (tool is null || tool.Kind != ToolKind.Job) return 0;
        var media = call.GetString("media");
        var duration = media is null ? null : ExecutorKit.MediaOf(session, media)?.DurationMs;
        return tool.Price.For(duration);
    }

    /// <summary>Runs <paramref name="call"/>.</summary>
    /// <param name="call">The call.</param>
    /// <param name="context">The session, engine, language.</param>
    /// <returns>What happened.</returns>
    /// <exception cref="OperationCanceledException">Cancelled (credits are returned first).</exception>
    public async Task<ToolOutcome> RunAsync(ToolCall call, ToolContext context)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(context);
        ITool tool;
        object args;
        try { (tool, args) = Registry.Bind(call); }
        catch (ToolArgumentException e)
        {
            return ToolOutcome.Failed(context.T($"I could not run {call.Name}: {e.Message}.", $"无法执行 {call.Name}：{e.Message}。")) with
            {
                Data = ToolErrors.Data(e.Error, e.Error.Field == JobFields.Request ? null : e.Error.Field),
            };
        }

        CreditHold? hold = null;
        var estimate = Estimate(call, context.Session);
        if (tool.Kind == ToolKind.Job)
        {
            try { hold = await context.Session.Credits.FreezeAsync(estimate, tool.Name, context.CancellationToken); }
            catch (InsufficientCreditsException e)
            {
                return ToolOutcome.Failed(context.T($"Not enough credits: {tool.Name} needs {e.Needed} and you have {e.Available}.",
                    $"积分不足：{tool.Name} 需要 {e.Needed} 积分，您现有 {e.Available}。")) with
                {
                    Data = new JsonObject { ["ok"] = false, ["error"] = OutOfCredits, ["needed"] = e.Needed, ["available"] = e.Available, ["credits"] = 0 },
                };
            }
        }
        try
        {
            var outcome = await tool.ExecuteAsync(args, context);
            if (outcome.Succeeded && outcome.NewDraft is { } draft)
                await context.Session.CommitDraftAsync(draft, tool.Name, context.CancellationToken);
            if (hold is not null)
            {
                if (outcome.Succeeded) await context.Session.Credits.ChargeAsync(hold, outcome.Credits ?? estimate, CancellationToken.None);
                else await context.Session.Credits.ReleaseAsync(hold, CancellationToken.None);
            }
            var charged = outcome.Succeeded && hold is not null ? outcome.Credits ?? estimate : 0;
            var data = (JsonObject)outcome.Data.DeepClone();
            data["ok"] = outcome.Succeeded;
            if (tool.Kind == ToolKind.Job) data["credits"] = charged;
            if (outcome.DraftChanged) data["version"] = context.Session.Version;
            return outcome with { Data = data, Credits = charged };
        }
        catch (Exception e) when (e is CutroomException or OperationCanceledException)
        {
            if (hold is not null) await context.Session.Credits.ReleaseAsync(hold, CancellationToken.None);
            if (e is not CutroomException failure) throw;
            var data = ToolErrors.Data(tool, failure);
            if (tool.Kind == ToolKind.Job) data["credits"] = 0;
            return ToolOutcome.Failed(ToolErrors.Sentence(tool, failure, context.Chinese)) with { Data = data };
        }
    }
}
