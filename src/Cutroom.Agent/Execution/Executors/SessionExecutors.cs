using System.Text.Json.Nodes;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Timeline.Summary;

namespace Cutroom.Agent.Execution.Executors;

/// <summary><c>undo</c>: one revision back.</summary>
internal sealed class UndoExecutor : IToolExecutor<NoArgs>
{
    public async Task<ToolOutcome> ExecuteAsync(NoArgs args, ToolContext ctx) =>
        await ctx.Session.UndoAsync(ctx.CancellationToken)
            ? new ToolOutcome { Succeeded = true, DraftChanged = true, Text = ctx.T("Undid the last change.", "已撤销上一步修改。") }
            : ToolOutcome.Failed(ctx.T("There is nothing to undo.", "没有可以撤销的修改。"));
}

/// <summary><c>redo</c>: one undone revision forward.</summary>
internal sealed class RedoExecutor : IToolExecutor<NoArgs>
{
    public async Task<ToolOutcome> ExecuteAsync(NoArgs args, ToolContext ctx) =>
        await ctx.Session.RedoAsync(ctx.CancellationToken)
            ? new ToolOutcome { Succeeded = true, DraftChanged = true, Text = ctx.T("Redid the change.", "已恢复刚才撤销的修改。") }
            : ToolOutcome.Failed(ctx.T("There is nothing to redo.", "没有可以重做的修改。"));
}

/// <summary><c>show_timeline</c>: the one-line summary (<see cref="TimelineSummary"/>).</summary>
internal sealed class ShowTimelineExecutor : IToolExecutor<NoArgs>
{
    public Task<ToolOutcome> ExecuteAsync(NoArgs args, ToolContext ctx)
    {
        var summary = TimelineSummary.Of(ctx.Session.Draft, id => ExecutorKit.NameOf(ctx.Session, id));
        return Task.FromResult(new ToolOutcome { Succeeded = true, Text = summary, Data = new JsonObject { ["timeline_summary"] = summary } });
    }
}

/// <summary><c>credits</c>: the balance.</summary>
internal sealed class CreditsExecutor : IToolExecutor<NoArgs>
{
    public async Task<ToolOutcome> ExecuteAsync(NoArgs args, ToolContext ctx)
    {
        var b = await ctx.Session.Credits.BalanceAsync(ctx.CancellationToken);
        return new ToolOutcome
        {
            Succeeded = true,
            Text = ctx.T($"You have {b.Available} credits available ({b.Frozen} held by running jobs, {b.Total} in total).",
                $"您有 {b.Available} 积分可用（{b.Frozen} 被进行中的任务冻结，共 {b.Total}）。"),
            Data = new JsonObject { ["available"] = b.Available, ["frozen"] = b.Frozen, ["total"] = b.Total },
        };
    }
}

/// <summary><c>clarify</c>: the question, nothing changes.</summary>
internal sealed class ClarifyExecutor : IToolExecutor<ClarifyArgs>
{
    public Task<ToolOutcome> ExecuteAsync(ClarifyArgs args, ToolContext ctx) => Task.FromResult(ToolOutcome.Ok(args.Question));
}

/// <summary><c>help</c>: what Cutroom can do, nothing changes.</summary>
internal sealed class HelpExecutor : IToolExecutor<NoArgs>
{
    public Task<ToolOutcome> ExecuteAsync(NoArgs args, ToolContext ctx) => Task.FromResult(ToolOutcome.Ok(Capabilities.Text(ctx.Language)));
}
