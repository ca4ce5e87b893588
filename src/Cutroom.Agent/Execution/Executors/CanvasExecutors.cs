using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Timeline.Edits;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Execution.Executors;

/// <summary>
/// <c>add_transition</c>: <see cref="DraftEdits.SetTransition"/>; the types <c>fade-in</c> and
/// <c>fade-out</c> set the fade from/to black of the first/last segment of the main video track
/// (or of the given one) with <see cref="DraftEdits.SetFades"/>.
/// </summary>
internal sealed class AddTransitionExecutor : IToolExecutor<AddTransitionArgs>
{
    public Task<ToolOutcome> ExecuteAsync(AddTransitionArgs args, ToolContext ctx)
    {
        var draft = ctx.Session.Draft;
        var type = args.Type.Trim().ToLowerInvariant();
        if (type is "fade-in" or "fade-out")
        {
            var main = draft.Tracks.FirstOrDefault(t => t.Type == TrackType.Video && !t.Segments.IsDefaultOrEmpty);
            var seg = args.Segment is { } id ? ExecutorKit.Find(draft, id)?.Segment
                : type == "fade-in" ? main?.Segments.MinBy(s => s.StartMs) : main?.Segments.MaxBy(s => s.EndMs);
            if (seg is null) return Task.FromResult(args.Segment is null ? ToolOutcome.Failed(ctx.T("There is no video on the timeline to fade.", "时间线上没有可以淡入淡出的视频。")) : ExecutorKit.NoSegment(ctx, args.Segment));
            var ms = Math.Min(args.DurationMs ?? 1000, seg.DurationMs / 2);
            var r = type == "fade-in" ? draft.SetFades(seg.Id, ms, null) : draft.SetFades(seg.Id, null, ms);
            if (r.Error is { } fe) return Task.FromResult(ExecutorKit.EditFailed(ctx, fe));
            return Task.FromResult(ToolOutcome.Edited(type == "fade-in"
                ? ctx.T($"Added a {ExecutorKit.Time(ms)} fade-in from black.", $"已添加 {ExecutorKit.Time(ms)} 的黑场淡入。")
                : ctx.T($"Added a {ExecutorKit.Time(ms)} fade-out to black.", $"已添加 {ExecutorKit.Time(ms)} 的黑场淡出。"), r.Value));
        }
        var result = draft.SetTransition(type, args.DurationMs ?? DraftEdits.DefaultTransitionMs, args.Segment);
        if (result.Error is { } e) return Task.FromResult(ExecutorKit.EditFailed(ctx, e));
        var scope = args.Segment is null ? ctx.T("between all clips", "所有片段之间") : ctx.T("into that segment", "该片段入场处");
        return Task.FromResult(ToolOutcome.Edited(type is "none" or "cut"
            ? ctx.T("Removed the transitions.", "已去掉转场。")
            : ctx.T($"Added {type} transitions ({ExecutorKit.Time(args.DurationMs ?? DraftEdits.DefaultTransitionMs)}) {scope}.", $"已在{scope}添加 {type} 转场（{ExecutorKit.Time(args.DurationMs ?? DraftEdits.DefaultTransitionMs)}）。"), result.Value));
    }
}

/// <summary><c>set_aspect</c>: <see cref="DraftEdits.SetAspect"/>, recording the platform named.</summary>
internal sealed class SetAspectExecutor : IToolExecutor<SetAspectArgs>
{
    public Task<ToolOutcome> ExecuteAsync(SetAspectArgs args, ToolContext ctx)
    {
        var r = ctx.Session.Draft.SetAspect(args.Aspect, args.Fit);
        if (r.Error is { } e) return Task.FromResult(ExecutorKit.EditFailed(ctx, e));
        var draft = args.Platform is null ? r.Value : r.Value with { Meta = r.Value.Meta with { Platform = args.Platform } };
        var fit = args.Fit switch
        {
            "blur" => ctx.T(", pictures over a blurred fill", "，画面下方为模糊背景填充"),
            "cover" => ctx.T(", pictures cropped to fill", "，画面裁剪铺满"),
            "contain" => ctx.T(", pictures whole with bars", "，画面完整显示并加边"),
            _ => "",
        };
        var platform = args.Platform is null ? "" : $" ({args.Platform})";
        return Task.FromResult(ToolOutcome.Edited(ctx.T($"Changed the canvas to {args.Aspect}{platform}: {draft.Width}x{draft.Height}{fit}.", $"已将画布改为 {args.Aspect}{platform}：{draft.Width}x{draft.Height}{fit}。"), draft));
    }
}

/// <summary><c>set_duration</c>: <see cref="DraftEdits.SetDuration"/>.</summary>
internal sealed class SetDurationExecutor : IToolExecutor<SetDurationArgs>
{
    public Task<ToolOutcome> ExecuteAsync(SetDurationArgs args, ToolContext ctx)
    {
        var r = ctx.Session.Draft.SetDuration(args.DurationMs);
        if (r.Error is { } e) return Task.FromResult(ExecutorKit.EditFailed(ctx, e));
        return Task.FromResult(ToolOutcome.Edited(ctx.T($"The video is now {ExecutorKit.Time(r.Value.DurationMs)} long.", $"视频时长已改为 {ExecutorKit.Time(r.Value.DurationMs)}。"), r.Value));
    }
}
