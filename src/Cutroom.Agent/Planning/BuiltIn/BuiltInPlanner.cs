using System.Text.Json.Nodes;
using Cutroom.Agent.Execution;
using Cutroom.Agent.Planning.BuiltIn.Intents;
using Cutroom.Agent.Planning.BuiltIn.Text;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;

namespace Cutroom.Agent.Planning.BuiltIn;

/// <summary>
/// The built-in planner: deterministic rules, no model. A message is normalised (literal texts
/// set aside, full-width folded, misspellings corrected, number words as digits, times as ms),
/// cut into clauses (one request each), and each clause goes through the intent rules in a fixed
/// order (session words, creation, frames, inspection, texts, sound, cuts, export, looks,
/// segments, vague requests). Requests that continue a creation ("…, add music and text") become
/// its arguments; one clarifying question replaces the plan when anything is ambiguous; a message
/// with nothing Cutroom does gets <c>help</c>. See docs/agent.md.
/// </summary>
public sealed class BuiltInPlanner : IPlanner
{
    private static readonly HashSet<string> CreationModifiers = [ToolNames.AddText, ToolNames.AddMusic, ToolNames.AddTransition, ToolNames.SetAspect, ToolNames.SetDuration];

    /// <inheritdoc/>
    public Task<Plan> PlanAsync(string message, ISessionView session, CancellationToken cancellationToken = default) => Task.FromResult(Plan(message, session));

    /// <summary>Plans one message (synchronous; well under 5 ms).</summary>
    /// <param name="message">The user's message.</param>
    /// <param name="session">The session the references resolve against.</param>
    /// <param name="language">Force the reply language (<c>en</c>/<c>zh</c>); null: the session's, else the message's.</param>
#pragma warning disable CA1822 // an instance method: planners are used through IPlanner
    public Plan Plan(string message, ISessionView session, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var lang = LanguageDetector.Detect(message ?? "", language ?? session.Language);
        var ctx = new PlanContext(session, lang);
        var parsed = Message.Parse(message ?? "");
        var clauses = parsed.Clauses();
        var steps = new List<Step>();
        string? lastText = null;
        Clause? lastClause = null;
        for (var i = 0; i < clauses.Count; i++)
        {
            var clause = clauses[i];
            var step = Route(clause, ctx, ref lastText);
            if (step is null)
            {
                // A clause with no request of its own may finish the one before ("…, 640 wide", "…，放在底部").
                if (steps.Count > 0 && lastClause is not null && Route(lastClause.Join(clause), ctx, ref lastText) is { } joined && !joined.IsHelp)
                {
                    steps[^1] = joined;
                    lastClause = lastClause.Join(clause);
                }
                continue;
            }
            lastClause = clause;
            if (step.Calls.Count > 0 && step.Calls[0].Name is ToolNames.CreateVideo or ToolNames.AnimateImage)
            {
                var whole = clause;
                while (i + 1 < clauses.Count && IsModifier(Route(clauses[i + 1], ctx, ref lastText)))
                    whole = whole.Join(clauses[++i]);
                if (!ReferenceEquals(whole, clause)) step = Route(whole, ctx, ref lastText) ?? step;
            }
            steps.Add(step);
            if (step.Calls.Select(c => c.GetString("segment") ?? c.GetString("target")).LastOrDefault(id => id is not null && id.StartsWith("seg", StringComparison.Ordinal)) is { } seg)
                ctx.LastSegment = seg;
        }

        var calls = Finish(steps, ctx);
        var notes = calls.Any(c => c.Name is ToolNames.Clarify or ToolNames.Help) ? [] : ctx.Notes;
        var reply = ReplyWriter.Write(calls, ctx);
        if (notes.Count > 0) reply += (lang == "zh" ? "" : " ") + string.Join(lang == "zh" ? "" : " ", notes);
        return new Plan(calls, reply, lang, "builtin") { Notes = [.. notes] };
    }
#pragma warning restore CA1822

    private static bool IsModifier(Step? step) =>
        step is null || step.IsClarify || step.Calls.All(c => CreationModifiers.Contains(c.Name));

    private static Step? Route(Clause c, PlanContext ctx, ref string? lastText)
    {
        if (string.IsNullOrWhiteSpace(c.Text)) return null;
        return SessionIntents.Try(c, ctx)
            ?? CreateIntents.Try(c, ctx)
            ?? FrameIntents.Try(c, ctx)
            ?? InspectIntents.Try(c, ctx)
            ?? TextIntents.Try(c, ctx, ref lastText)
            ?? SoundIntents.Try(c, ctx)
            ?? TrimIntents.Try(c, ctx)
            ?? SessionIntents.TryExport(c, ctx)
            ?? LookIntents.Try(c, ctx)
            ?? SegmentIntents.Try(c, ctx)
            ?? SessionIntents.TryVague(c, ctx);
    }

    private static List<ToolCall> Finish(List<Step> steps, PlanContext ctx)
    {
        if (steps.FirstOrDefault(s => s.IsClarify) is { } ask) return [.. ask.Calls];
        var calls = steps.Where(s => !s.IsHelp).SelectMany(s => s.Calls).ToList();
        if (calls.Count == 0) return [.. Step.Help.Calls];
        // One change of the same thing said in two clauses ("make the title green and put it at the top") is one call.
        var merged = new List<ToolCall>();
        foreach (var call in calls)
        {
            if (merged.Count > 0 && merged[^1] is var prev && prev.Name == call.Name && call.Name is ToolNames.EditText or ToolNames.Highlights
                && Target(prev) == Target(call))
            {
                var args = (JsonObject)prev.Args.DeepClone();
                foreach (var (k, v) in call.Args) args[k] = v?.DeepClone();
                merged[^1] = prev with { Args = args };
                continue;
            }
            merged.Add(call);
        }
        _ = ctx;
        return ExportLast(DropBareTrims(merged));
    }

    /// <summary>
    /// "trim it to 0:10-0:30 and export the trimmed clip": the second clause's "trimmed clip" is the
    /// range just cut, not a new trim of the dead ends (which would undo the range on the timeline).
    /// </summary>
    private static List<ToolCall> DropBareTrims(List<ToolCall> calls) =>
        [.. calls.Where((c, i) => !(c.Name == ToolNames.Trim && c.Args["start_ms"] is null && c.Args["end_ms"] is null
            && calls.Take(i).Any(p => p.Name == ToolNames.Trim && p.GetString("media") == c.GetString("media"))))];

    /// <summary>A request with an action and "export" ends with the export, once: the export renders what the earlier calls made.</summary>
    private static List<ToolCall> ExportLast(List<ToolCall> calls)
    {
        var exports = calls.Where(c => c.Name == ToolNames.Export).ToList();
        if (exports.Count == 0) return calls;
        return [.. calls.Where(c => c.Name != ToolNames.Export), exports[^1]];
    }

    private static string? Target(ToolCall c) => c.GetString("segment") ?? c.GetString("media");

    /// <summary>The help text in a language (for callers that answer without planning).</summary>
    /// <param name="language"><c>en</c> or <c>zh</c>.</param>
    public static string HelpText(string language) => Capabilities.Text(language);
}
