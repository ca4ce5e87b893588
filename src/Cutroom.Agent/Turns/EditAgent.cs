using System.Globalization;
using Cutroom.Agent.Execution;
using Cutroom.Agent.Planning;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;
using Cutroom.Engine.Common;
using Cutroom.Timeline.Summary;

namespace Cutroom.Agent.Turns;

/// <summary>
/// The edit agent: one chat message → a plan → each call run in order against the session →
/// one closing text that says what changed (never silent; the seeds' service ends ~30 % of turns
/// without text) followed by the new timeline summary when the draft changed. A failed call
/// stops the turn: later calls (which may depend on it) do not run, and the text says so.
/// </summary>
/// <param name="planner">The planner (built-in, or an LLM with fallback).</param>
/// <param name="runner">Runs calls against the session.</param>
/// <param name="engine">The media engine.</param>
/// <param name="options">Settings.</param>
public sealed class EditAgent(IPlanner planner, ToolRunner runner, EngineContext engine, AgentOptions? options = null)
{
    private readonly AgentOptions _options = options ?? new AgentOptions();

    /// <summary>Runs one turn.</summary>
    /// <param name="session">The session.</param>
    /// <param name="message">The user's message.</param>
    /// <param name="onEvent">Receives the turn's events in order (calls, progress, the closing text).</param>
    /// <param name="cancellationToken">Stops the running job (credits are returned).</param>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public async Task<TurnResult> RunAsync(IAgentSession session, string message, Action<AgentEvent>? onEvent = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var plan = await planner.PlanAsync(message ?? "", session, cancellationToken);
        return await RunAsync(session, plan, onEvent, cancellationToken);
    }

    /// <summary>
    /// Runs one turn of a plan made earlier (the server plans a message when it is sent, to price it,
    /// and runs that plan when the turn's job starts, unless the session changed in between).
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="plan">The plan (its calls run in order; its language is the reply's).</param>
    /// <param name="onEvent">Receives the turn's events in order (calls, progress, the closing text).</param>
    /// <param name="cancellationToken">Stops the running job (credits are returned).</param>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public async Task<TurnResult> RunAsync(IAgentSession session, Plan plan, Action<AgentEvent>? onEvent = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(plan);
        var lang = plan.Language;
        var results = new List<(ToolCall, ToolOutcome)>();
        var changed = false;
        var n = 0;
        foreach (var call in plan.Calls)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"call_{++n}");
            onEvent?.Invoke(new CallStarted(id, call));
            var context = new ToolContext(session, engine, lang, _options)
            {
                CancellationToken = cancellationToken,
                Progress = onEvent is null ? null : new StepProgress(p => onEvent(new CallProgress(id, ProgressText(call.Name, p, lang), p))),
            };
            var outcome = await runner.RunAsync(call, context);
            results.Add((call, outcome));
            changed |= outcome.DraftChanged;
            onEvent?.Invoke(new CallFinished(id, call, outcome));
            if (!outcome.Succeeded) break;
        }

        var lines = results.Select(r => r.Item2.Text).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        if (lines.Count > 0) lines.InsertRange(0, plan.Notes); // "I used broll.mp4, your latest upload; …"
        // A new draft's "say export" hint is stale when this same turn went on to export it.
        if (results.Any(r => r.Item1.Name == ToolNames.Export && r.Item2.Succeeded))
            lines = [.. lines.Select(l => l.Replace(ExportHintEn, "", StringComparison.Ordinal).Replace(ExportHintZh, "", StringComparison.Ordinal).TrimEnd())];
        var skipped = plan.Calls.Count - results.Count;
        if (skipped > 0)
            lines.Add(lang == "zh" ? $"因此后面的 {skipped} 步没有执行。" : $"So I stopped there: {skipped} more {(skipped == 1 ? "step was" : "steps were")} not run.");
        if (lines.Count == 0) lines.Add(plan.Reply);
        string? summary = null;
        if (changed)
        {
            summary = TimelineSummary.Of(session.Draft, id => session.Media.FirstOrDefault(m => m.Id == id)?.Name);
            lines.Add(summary);
        }
        var text = string.Join(lang == "zh" ? "\n" : "\n", lines);
        onEvent?.Invoke(new TurnText(text));
        return new TurnResult(plan, results, text, summary);
    }

    /// <summary>The hint that ends the text of <c>create_video</c> and <c>animate_image</c> (Execution/Executors/CreateExecutors.cs).</summary>
    internal const string ExportHintEn = " Say \"export\" to render the MP4.";

    /// <summary>The Chinese form of <see cref="ExportHintEn"/>. It never asks the user to say "导出": a seed-following client maps that word to its own export workflow.</summary>
    internal const string ExportHintZh = "满意后告诉我“生成 MP4 成片”即可。";

    private static string ProgressText(string tool, double p, string lang)
    {
        var what = tool switch
        {
            ToolNames.ExtractFrames => lang == "zh" ? "正在导出帧" : "Extracting frames",
            ToolNames.Highlights => lang == "zh" ? "正在提取精彩片段" : "Finding highlights",
            ToolNames.Summarize => lang == "zh" ? "正在生成摘要" : "Summarising",
            ToolNames.Export => lang == "zh" ? "正在导出视频" : "Rendering",
            ToolNames.Trim => lang == "zh" ? "正在剪辑" : "Trimming",
            ToolNames.Convert => lang == "zh" ? "正在转换" : "Converting",
            _ => lang == "zh" ? "处理中" : "Working",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{what}: {p * 100:0}%");
    }

    /// <summary>Reports progress in steps of at least 10 %, never backwards (a long job sends about ten lines, not thousands).</summary>
    private sealed class StepProgress(Action<double> report) : IProgress<double>
    {
        private double _last = -1;

        public void Report(double value)
        {
            value = Math.Clamp(value, 0, 1);
            if (value <= _last || (value - _last < 0.1 && value < 1)) return; // never twice the same line (jobs may report 100 % twice)
            _last = value;
            report(value);
        }
    }
}
