using System.Globalization;
using System.Text.Json.Nodes;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Timeline.Edits;
using Cutroom.Timeline.Model;
using Cutroom.Timeline.Validation;

namespace Cutroom.Agent.Execution.Executors;

/// <summary><c>add_clip</c>: <see cref="DraftEdits.AddClip"/>, or <see cref="DraftEdits.ReplaceSegment"/> with <c>replace</c>.</summary>
internal sealed class AddClipExecutor : IToolExecutor<AddClipArgs>
{
    public Task<ToolOutcome> ExecuteAsync(AddClipArgs args, ToolContext ctx)
    {
        var media = ExecutorKit.MediaOf(ctx.Session, args.Media);
        if (media is null) return Task.FromResult(ToolOutcome.Failed(ctx.T($"There is no media '{args.Media}' in this session.", $"本会话中没有素材“{args.Media}”。")));
        var draft = ctx.Session.Draft;
        if (args.Replace is { } old)
        {
            if (ExecutorKit.Find(draft, old) is not { } found) return Task.FromResult(ExecutorKit.NoSegment(ctx, old));
            var r = draft.ReplaceSegment(old, media.ToMediaItem());
            return Task.FromResult(r.Error is { } e ? ExecutorKit.EditFailed(ctx, e) : ToolOutcome.Edited(
                ctx.T($"Replaced {ExecutorKit.Describe(ctx.Session, found.Segment)} with {media.Name}.", $"已用 {media.Name} 替换 {ExecutorKit.Describe(ctx.Session, found.Segment)}。"), r.Value));
        }
        var added = draft.AddClip(media.ToMediaItem(), args.AtMs, args.Track, args.DurationMs);
        if (added.Error is { } error) return Task.FromResult(ExecutorKit.EditFailed(ctx, error));
        var seg = ExecutorKit.Find(added.Value, added.SegmentId!)!.Value.Segment;
        return Task.FromResult(ToolOutcome.Edited(
            ctx.T($"Added {media.Name} at {ExecutorKit.Time(seg.StartMs)}-{ExecutorKit.Time(seg.EndMs)}.", $"已添加 {media.Name}（{ExecutorKit.Time(seg.StartMs)}-{ExecutorKit.Time(seg.EndMs)}）。"),
            added.Value) with { Data = new JsonObject { ["segment"] = seg.Id } });
    }
}

/// <summary><c>remove_segment</c>: <see cref="DraftEdits.RemoveSegment"/>; with a range, two splits and the middle removed.</summary>
internal sealed class RemoveSegmentExecutor : IToolExecutor<RemoveSegmentArgs>
{
    public Task<ToolOutcome> ExecuteAsync(RemoveSegmentArgs args, ToolContext ctx)
    {
        var draft = ctx.Session.Draft;
        if (ExecutorKit.Find(draft, args.Segment) is not { } found) return Task.FromResult(ExecutorKit.NoSegment(ctx, args.Segment));
        var s = found.Segment;
        var label = ExecutorKit.Describe(ctx.Session, s);
        if (args.StartMs is null && args.EndMs is null)
        {
            var r = draft.RemoveSegment(args.Segment);
            return Task.FromResult(r.Error is { } e ? ExecutorKit.EditFailed(ctx, e)
                : ToolOutcome.Edited(ctx.T($"Removed {label}.", $"已删除 {label}。"), r.Value));
        }
        var from = Math.Max(s.StartMs, args.StartMs ?? s.StartMs);
        var to = Math.Min(s.EndMs, args.EndMs ?? s.EndMs);
        if (to <= from)
            return Task.FromResult(ToolOutcome.Failed(ctx.T($"{label} covers {ExecutorKit.Time(s.StartMs)}-{ExecutorKit.Time(s.EndMs)}; that range is outside it.",
                $"{label} 位于 {ExecutorKit.Time(s.StartMs)}-{ExecutorKit.Time(s.EndMs)}，这个范围不在其中。")));
        var result = EditResult.Ok(draft, s.Id);
        var middle = s.Id;
        if (to < s.EndMs) result = result.Then(d => d.SplitSegment(s.Id, to));
        if (from > s.StartMs) result = result.Then(d => { var r = d.SplitSegment(s.Id, from); middle = r.SegmentId ?? middle; return r; });
        result = result.Then(d => d.RemoveSegment(middle));
        return Task.FromResult(result.Error is { } err ? ExecutorKit.EditFailed(ctx, err)
            : ToolOutcome.Edited(ctx.T($"Cut {ExecutorKit.Time(from)}-{ExecutorKit.Time(to)} out of {label}.", $"已从 {label} 中剪掉 {ExecutorKit.Time(from)}-{ExecutorKit.Time(to)}。"), result.Value));
    }
}

/// <summary><c>move_segment</c>: <see cref="DraftEdits.MoveSegment"/> (at_ms) or <see cref="DraftEdits.ReorderSegment"/> (index).</summary>
internal sealed class MoveSegmentExecutor : IToolExecutor<MoveSegmentArgs>
{
    public Task<ToolOutcome> ExecuteAsync(MoveSegmentArgs args, ToolContext ctx)
    {
        var draft = ctx.Session.Draft;
        if (ExecutorKit.Find(draft, args.Segment) is not { } found) return Task.FromResult(ExecutorKit.NoSegment(ctx, args.Segment));
        var label = ExecutorKit.Describe(ctx.Session, found.Segment);
        var r = args.Index is { } i ? draft.ReorderSegment(args.Segment, i) : draft.MoveSegment(args.Segment, args.AtMs!.Value);
        if (r.Error is { } e) return Task.FromResult(ExecutorKit.EditFailed(ctx, e));
        var moved = ExecutorKit.Find(r.Value, args.Segment)!.Value.Segment;
        var where = args.Index is { } ix
            ? ctx.T($"to position {ix + 1}", $"到第 {ix + 1} 个位置")
            : ctx.T($"to {ExecutorKit.Time(moved.StartMs)}", $"到 {ExecutorKit.Time(moved.StartMs)}");
        return Task.FromResult(ToolOutcome.Edited(ctx.T($"Moved {label} {where}.", $"已将 {label} 移{where}。"), r.Value));
    }
}

/// <summary><c>trim_segment</c>: source in/out (<see cref="DraftEdits.TrimSegment"/>), head/tail cuts (<see cref="DraftEdits.CutSegment"/>), or a new length.</summary>
internal sealed class TrimSegmentExecutor : IToolExecutor<TrimSegmentArgs>
{
    public Task<ToolOutcome> ExecuteAsync(TrimSegmentArgs args, ToolContext ctx)
    {
        var draft = ctx.Session.Draft;
        if (ExecutorKit.Find(draft, args.Segment) is not { } found) return Task.FromResult(ExecutorKit.NoSegment(ctx, args.Segment));
        var s = found.Segment;
        EditResult r;
        if (args.DurationMs is { } d) r = Resize(draft, found.Track, s, d);
        else if (args.CutStartMs is not null || args.CutEndMs is not null) r = draft.CutSegment(s.Id, args.CutStartMs ?? 0, args.CutEndMs ?? 0);
        else r = draft.TrimSegment(s.Id, args.StartMs, args.EndMs);
        if (r.Error is { } e) return Task.FromResult(ExecutorKit.EditFailed(ctx, e));
        var after = ExecutorKit.Find(r.Value, s.Id)!.Value.Segment;
        var label = ExecutorKit.Describe(ctx.Session, s);
        return Task.FromResult(ToolOutcome.Edited(
            ctx.T($"Trimmed {label}: it now plays {ExecutorKit.Time(after.StartMs)}-{ExecutorKit.Time(after.EndMs)} ({ExecutorKit.Time(after.DurationMs)}).",
                $"已修剪 {label}：现在位于 {ExecutorKit.Time(after.StartMs)}-{ExecutorKit.Time(after.EndMs)}（{ExecutorKit.Time(after.DurationMs)}）。"), r.Value));
    }

    /// <summary>A new length: shorter cuts the tail; a longer still grows (later segments of a video track move right); a clip grows up to its media.</summary>
    private static EditResult Resize(Draft draft, Track track, Segment s, long durationMs)
    {
        if (durationMs < s.DurationMs) return draft.CutSegment(s.Id, 0, s.DurationMs - durationMs);
        if (durationMs == s.DurationMs) return EditResult.Ok(draft, s.Id);
        if (!s.IsStill || track.Type == TrackType.Text)
            return track.Type == TrackType.Text ? draft.EditText(s.Id, new TextChange { DurationMs = durationMs }) : draft.TrimSegment(s.Id, null, s.InPointMs + (long)Math.Round(durationMs * s.SpeedFactor));
        var delta = durationMs - s.DurationMs;
        var ripple = track.Type == TrackType.Video;
        var segments = track.Segments.Select(x => x.Id == s.Id ? x with { DurationMs = durationMs } : ripple && x.StartMs >= s.EndMs ? x with { StartMs = x.StartMs + delta } : x);
        var index = draft.Tracks.IndexOf(track);
        var next = draft with { Tracks = draft.Tracks.SetItem(index, track with { Segments = [.. segments] }) };
        var errors = DraftValidator.Validate(next);
        return errors.Count > 0 ? EditResult.Fail(errors[0]) : EditResult.Ok(next, s.Id);
    }
}

/// <summary><c>split_segment</c>: <see cref="DraftEdits.SplitSegment"/>.</summary>
internal sealed class SplitSegmentExecutor : IToolExecutor<SplitSegmentArgs>
{
    public Task<ToolOutcome> ExecuteAsync(SplitSegmentArgs args, ToolContext ctx)
    {
        var draft = ctx.Session.Draft;
        if (ExecutorKit.Find(draft, args.Segment) is not { } found) return Task.FromResult(ExecutorKit.NoSegment(ctx, args.Segment));
        var r = draft.SplitSegment(args.Segment, args.AtMs);
        if (r.Error is { } e) return Task.FromResult(ExecutorKit.EditFailed(ctx, e));
        var label = ExecutorKit.Describe(ctx.Session, found.Segment);
        return Task.FromResult(ToolOutcome.Edited(ctx.T($"Split {label} in two at {ExecutorKit.Time(args.AtMs)}.", $"已在 {ExecutorKit.Time(args.AtMs)} 处将 {label} 分成两段。"), r.Value)
            with { Data = new JsonObject { ["left"] = args.Segment, ["right"] = r.SegmentId } });
    }
}

/// <summary><c>set_speed</c>: <see cref="DraftEdits.SetSpeed"/> (<c>all</c>: every clip of the video tracks).</summary>
internal sealed class SetSpeedExecutor : IToolExecutor<SetSpeedArgs>
{
    public Task<ToolOutcome> ExecuteAsync(SetSpeedArgs args, ToolContext ctx)
    {
        var draft = ctx.Session.Draft;
        var all = args.Segment is "all" or "*";
        string label;
        if (all) label = ctx.T("every clip", "所有片段");
        else if (ExecutorKit.Find(draft, args.Segment) is { } found) label = ExecutorKit.Describe(ctx.Session, found.Segment);
        else return Task.FromResult(ExecutorKit.NoSegment(ctx, args.Segment));
        var r = draft.SetSpeed(all ? null : args.Segment, args.Speed);
        if (r.Error is { } e) return Task.FromResult(ExecutorKit.EditFailed(ctx, e));
        var x = args.Speed.ToString("0.##", CultureInfo.InvariantCulture);
        return Task.FromResult(ToolOutcome.Edited(ctx.T($"Set {label} to {x}x speed.", $"已将{label}设为 {x} 倍速。"), r.Value));
    }
}
