using System.Text.Json.Nodes;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Timeline.Edits;

namespace Cutroom.Agent.Execution.Executors;

/// <summary><c>add_text</c>: <see cref="DraftEdits.AddText"/>.</summary>
internal sealed class AddTextExecutor : IToolExecutor<AddTextArgs>
{
    public Task<ToolOutcome> ExecuteAsync(AddTextArgs args, ToolContext ctx)
    {
        var r = ctx.Session.Draft.AddText(new TextSpec
        {
            Text = args.Text, StartMs = args.StartMs ?? 0, DurationMs = args.DurationMs, Position = args.Position, Size = args.Size, Color = args.Color,
        });
        if (r.Error is { } e) return Task.FromResult(ExecutorKit.EditFailed(ctx, e));
        var s = ExecutorKit.Find(r.Value, r.SegmentId!)!.Value.Segment;
        var position = s.Meta.Position ?? "center";
        var when = $"{ExecutorKit.Time(s.StartMs)}-{ExecutorKit.Time(s.EndMs)}";
        return Task.FromResult(ToolOutcome.Edited(ctx.T($"Added the text \"{args.Text}\" ({position}, {when}).", $"已添加文字“{args.Text}”（{ChineseWords.Of(position)}，{when}）。"), r.Value)
            with { Data = new JsonObject { ["segment"] = s.Id } });
    }
}

/// <summary><c>edit_text</c>: <see cref="DraftEdits.EditText"/>.</summary>
internal sealed class EditTextExecutor : IToolExecutor<EditTextArgs>
{
    public Task<ToolOutcome> ExecuteAsync(EditTextArgs args, ToolContext ctx)
    {
        var draft = ctx.Session.Draft;
        if (ExecutorKit.Find(draft, args.Segment) is not { } found) return Task.FromResult(ExecutorKit.NoSegment(ctx, args.Segment));
        var r = draft.EditText(args.Segment, new TextChange
        {
            Text = args.Text, Position = args.Position, Size = args.Size, Color = args.Color, StartMs = args.StartMs, DurationMs = args.DurationMs,
        });
        if (r.Error is { } e) return Task.FromResult(ExecutorKit.EditFailed(ctx, e));
        var changes = new List<string>();
        if (args.Text is not null) changes.Add(ctx.T($"text \"{args.Text}\"", $"内容“{args.Text}”"));
        if (args.Color is not null) changes.Add(ctx.T($"colour {args.Color}", $"颜色 {ChineseWords.Of(args.Color)}"));
        if (args.Size is { } size) changes.Add(ctx.T($"size {size:0}", $"字号 {size:0}"));
        if (args.Position is not null) changes.Add(ctx.T($"position {args.Position}", $"位置 {ChineseWords.Of(args.Position)}"));
        if (args.StartMs is not null || args.DurationMs is not null)
        {
            var s = ExecutorKit.Find(r.Value, args.Segment)!.Value.Segment;
            changes.Add(ctx.T($"time {ExecutorKit.Time(s.StartMs)}-{ExecutorKit.Time(s.EndMs)}", $"时间 {ExecutorKit.Time(s.StartMs)}-{ExecutorKit.Time(s.EndMs)}"));
        }
        var label = ExecutorKit.Describe(ctx.Session, found.Segment);
        return Task.FromResult(ToolOutcome.Edited(ctx.T($"Changed {label}: {string.Join(", ", changes)}.", $"已修改 {label}：{string.Join("，", changes)}。"), r.Value));
    }
}

/// <summary><c>remove_text</c>: <see cref="DraftEdits.RemoveText"/>.</summary>
internal sealed class RemoveTextExecutor : IToolExecutor<RemoveTextArgs>
{
    public Task<ToolOutcome> ExecuteAsync(RemoveTextArgs args, ToolContext ctx)
    {
        var draft = ctx.Session.Draft;
        if (ExecutorKit.Find(draft, args.Segment) is not { } found) return Task.FromResult(ExecutorKit.NoSegment(ctx, args.Segment));
        var r = draft.RemoveText(args.Segment);
        if (r.Error is { } e) return Task.FromResult(ExecutorKit.EditFailed(ctx, e));
        var label = ExecutorKit.Describe(ctx.Session, found.Segment);
        return Task.FromResult(ToolOutcome.Edited(ctx.T($"Removed the text {label}.", $"已删除文字 {label}。"), r.Value));
    }
}
