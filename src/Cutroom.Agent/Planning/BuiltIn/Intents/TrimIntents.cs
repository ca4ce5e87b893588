using System.Text.RegularExpressions;
using Cutroom.Agent.Planning.BuiltIn.Refs;
using Cutroom.Agent.Planning.BuiltIn.Text;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Planning.BuiltIn.Intents;

/// <summary>
/// Time cuts. A range to keep ("from 0:10 to 0:25", "只要一分半到两分钟") is a <c>trim</c> of the
/// video; a range to remove ("delete 0:20-0:35", "cut out …") is <c>remove_segment</c> of that
/// part; the head or tail ("cut the first 3 seconds", "去掉最后五秒") is <c>trim_segment</c>; a
/// total length ("make it 15 seconds long", "缩短到15秒") is <c>set_duration</c>, or
/// <c>trim_segment</c> duration when a segment is named ("make the first photo 5 seconds");
/// "split at" is <c>split_segment</c>; "into a 1080p MP4" is <c>convert</c>; "a trimmed clip"
/// with no range is <c>trim</c> of the dead ends.
/// </summary>
internal static partial class TrimIntents
{
    [GeneratedRegex(@"(?:from|between)\s+(«t\d+»)\s*(?:to|and|-|~|till|until|through)\s*(«t\d+»|the end|end)|(«t\d+»)\s*(?:to|-|~|–|till|until|through|thru|到|至)\s*(«t\d+»|the end|结尾|最后)|从?(«t\d+»)\s*(?:到|至)\s*(«t\d+»|结尾|最后)")]
    private static partial Regex FromTo();

    [GeneratedRegex(@"(?:from|after|starting at|start at)\s+(«t\d+»)\s*(?:on|onwards|to the end|till the end|until the end)?|从\s*(«t\d+»)\s*(?:开始|以后|之后)")]
    private static partial Regex From();

    [GeneratedRegex(@"(?:the\s+)?(?:first|opening|beginning|initial|前)\s*(«t\d+»)|(«t\d+»)\s*(?:off|from)\s+(?:the\s+)?(?:start|beginning|front|head)|开头的?(«t\d+»)")]
    private static partial Regex Head();

    [GeneratedRegex(@"(?:the\s+)?(?:last|final|closing|ending|最后|后)\s*(«t\d+»)|(«t\d+»)\s*(?:off|from)\s+(?:the\s+)?(?:end|tail|back)|结尾的?(«t\d+»)")]
    private static partial Regex Tail();

    [GeneratedRegex(@"\b(?:trim|cut|shorten|clip|crop|chop|keep|only need|just need|remove|delete|drop|get rid of|take out|extract|export)\b|剪|去掉|删|去除|裁|保留|只要|截取|只需要")]
    private static partial Regex CutVerbs();

    [GeneratedRegex(@"\b(?:remove|delete|drop|get rid of|take out|cut out|cut away|lose|skip)\b|去掉|删掉|删除|删去|去除|剪掉|不要")]
    private static partial Regex RemoveVerbs();

    [GeneratedRegex(@"\b(?:keep|only|just|need|extract|save|export)\b|保留|只要|只需要|剪出|截取|留下")]
    private static partial Regex KeepVerbs();

    [GeneratedRegex(@"\bsplit\b|\bin (?:two|2|half)\b|\bdivide\b|分割|拆分|切开|切成|分成两|断开")]
    private static partial Regex Split();

    [GeneratedRegex(@"\b(?:convert|transcode|re-?encode|compress|turn|change|make|save|output|into)\b|转成|转换|转为|转码|压缩|变成|改成")]
    private static partial Regex ConvertVerbs();

    [GeneratedRegex(@"\btrimmed (?:clip|version|video|copy)\b|剪辑后的|剪好的|剪辑好的|裁剪后的")]
    private static partial Regex TrimmedDeliverable();

    [GeneratedRegex(@"(?:\bto\b|\binto\b|到|成|为)\s*(?:be\s+)?(?:just\s+|only\s+|about\s+)?(«t\d+»)|(«t\d+»)\s*(?:long|in total|total|in length|long in total)\b|(«t\d+»)$")]
    private static partial Regex Length();

    [GeneratedRegex(@"(?:at|在)\s*(«t\d+»)|(«t\d+»)\s*(?:处|的地方|那里)")]
    private static partial Regex AtTime();

    public static Step? Try(Clause c, PlanContext ctx)
    {
        var times = c.AllTimes;
        // split
        if (c.Find(Split()) is not null && c.Find(AtTime()) is { } at)
        {
            var ms = c.Time(at.Groups.Values.Skip(1).First(g => g.Success).Value);
            var target = References.Visual(c, ctx, allowOnly: false);
            var seg = target.Value ?? ctx.MainSegments.FirstOrDefault(s => s.StartMs < ms && ms < s.EndMs);
            if (seg is null) return Step.Ask(ctx, "Where should I split? Give a time inside a clip, e.g. \"split at 0:10\".", "在哪里分割？请给出片段内的时间，例如“在第10秒分割”。");
            return Step.Call(ToolNames.SplitSegment, new SplitSegmentArgs { Segment = seg.Id, AtMs = ms });
        }

        // convert: "into a 1080p MP4", "to 720p", "as webm"
        var height = Words.HeightP(c);
        var format = Words.Format(c);
        if ((height is not null || format is not null && format != "gif") && c.Find(ConvertVerbs()) is not null && c.Find(FromTo()) is null && !c.Has("export", "导出"))
        {
            var video = References.Media(c, ctx, MediaKind.Video);
            if (video.Value is null) return null;
            return Step.Call(ToolNames.Convert, new ConvertArgs { Media = video.Value.Id, Height = height, Format = format });
        }

        if (c.Find(TrimmedDeliverable()) is not null && times.Count == 0)
        {
            // "export a trimmed clip" asks for the file too: the trim, then the export of the trimmed timeline.
            var trim = MediaStep(c, ctx, id => new TrimArgs { Media = id });
            return trim.IsClarify || !c.Has("export", "download", "send", "导出", "下载", "发给我") ? trim
                : new Step([.. trim.Calls, ToolCall.Of(ToolNames.Export, new ExportArgs())]);
        }

        if (times.Count == 0)
        {
            if (c.Has("trim", "cut", "shorten", "剪辑", "剪一下", "剪短", "修剪") && !c.Has("transition", "frame", "frames") && ctx.MainSegments.Count > 0
                && (c.Has("video", "clip", "it", "this", "视频", "片段") || c.Text.Split(' ').Length <= 2))
                return Step.Ask(ctx, "Which part should I keep or cut? For example \"keep 0:10 to 0:30\" or \"cut the first 5 seconds\".", "要保留或剪掉哪一段？例如“保留0:10到0:30”或“去掉前5秒”。");
            return null;
        }

        var segRef = References.Visual(c, ctx, allowOnly: false);
        var cutting = c.Find(CutVerbs()) is not null || c.Find(KeepVerbs()) is not null;
        var explicitSegment = segRef.Value is { } rs && (Ordinals.All(c).Count > 0 || ctx.MainSegments.Count > 1 && References.Named(c, ctx.Session.Media).Count > 0) ? rs : null;

        // a range
        if (cutting && c.Find(FromTo()) is { } range)
        {
            var (start, end) = Range(c, null);
            if (c.Find(RemoveVerbs()) is not null && !c.Has("keep", "only", "保留", "只要"))
            {
                var seg = explicitSegment ?? ctx.MainSegments.FirstOrDefault(s => s.StartMs <= start && start < s.EndMs);
                if (seg is null) return null;
                return Step.Call(ToolNames.RemoveSegment, new RemoveSegmentArgs { Segment = seg.Id, StartMs = start, EndMs = end });
            }
            _ = range;
            return MediaStep(c, ctx, id => new TrimArgs { Media = id, StartMs = start, EndMs = end });
        }

        var head = c.Find(Head());
        var tail = c.Find(Tail());
        if (cutting && (head is not null || tail is not null))
        {
            var headMs = head is null ? (long?)null : c.Time(head.Groups.Values.Skip(1).First(g => g.Success).Value);
            var tailMs = tail is null ? (long?)null : c.Time(tail.Groups.Values.Skip(1).First(g => g.Success).Value);
            var keep = c.Find(KeepVerbs()) is not null && c.Find(RemoveVerbs()) is null;
            if (explicitSegment is { } es)
                return keep && headMs is { } k
                    ? Step.Call(ToolNames.TrimSegment, new TrimSegmentArgs { Segment = es.Id, DurationMs = k })
                    : Step.Call(ToolNames.TrimSegment, new TrimSegmentArgs { Segment = es.Id, CutStartMs = headMs, CutEndMs = tailMs });
            if (keep)
            {
                if (headMs is { } first) return MediaStep(c, ctx, id => new TrimArgs { Media = id, StartMs = 0, EndMs = first });
                var video = References.Media(c, ctx, MediaKind.Video).Value;
                if (video?.DurationMs is { } d && tailMs is { } last) return Step.Call(ToolNames.Trim, new TrimArgs { Media = video.Id, StartMs = Math.Max(0, d - last), EndMs = d });
            }
            var main = ctx.MainSegments;
            if (main.Count == 0) return null;
            var calls = new List<ToolCall>();
            if (headMs is not null) calls.Add(ToolCall.Of(ToolNames.TrimSegment, new TrimSegmentArgs { Segment = main[0].Id, CutStartMs = headMs }));
            if (tailMs is not null)
            {
                if (main.Count == 1 && calls.Count == 1) calls[0] = ToolCall.Of(ToolNames.TrimSegment, new TrimSegmentArgs { Segment = main[0].Id, CutStartMs = headMs, CutEndMs = tailMs });
                else calls.Add(ToolCall.Of(ToolNames.TrimSegment, new TrimSegmentArgs { Segment = main[^1].Id, CutEndMs = tailMs }));
            }
            return new Step(calls);
        }

        if (c.Find(From()) is { } from && c.Find(CutVerbs()) is not null)
            return MediaStep(c, ctx, id => new TrimArgs { Media = id, StartMs = c.Time(from.Groups.Values.Skip(1).First(g => g.Success).Value) });

        // a length
        if (times.Count == 1 && c.Find(Length()) is { } len && c.Find(AtTime()) is null
            && (explicitSegment is not null || cutting || c.Has("make", "set", "change", "shorten", "reduce", "long", "length", "duration", "total", "whole", "缩短", "改", "调", "时长", "变成")))
        {
            var ms = c.Time(len.Groups.Values.Skip(1).First(g => g.Success).Value);
            if (explicitSegment is { } seg) return Step.Call(ToolNames.TrimSegment, new TrimSegmentArgs { Segment = seg.Id, DurationMs = ms });
            if (ctx.MainSegments.Count == 0) return null;
            return Step.Call(ToolNames.SetDuration, new SetDurationArgs { DurationMs = ms });
        }
        return null;
    }

    private static Step MediaStep(Clause c, PlanContext ctx, Func<string, TrimArgs> args)
    {
        var video = References.Media(c, ctx, MediaKind.Video);
        if (video.Value is null)
            return Step.AskForVideo(ctx, video.Ambiguous, "Which video should I trim?", "要剪哪个视频？");
        return Step.Call(ToolNames.Trim, args(video.Value.Id));
    }

    /// <summary>The range a clause names: from/to, between/and, A-B, "the first N" (end), "the last N" (start, with the duration), "from N on".</summary>
    public static (long? Start, long? End) Range(Clause c, long? durationMs)
    {
        if (c.Find(FromTo()) is { } m)
        {
            var g = m.Groups;
            var (a, b) = g[1].Success ? (g[1].Value, g[2].Value) : g[3].Success ? (g[3].Value, g[4].Value) : (g[5].Value, g[6].Value);
            return (c.Time(a), b.StartsWith('«') ? c.Time(b) : null);
        }
        if (c.Find(Head()) is { } h) return (null, c.Time(h.Groups.Values.Skip(1).First(x => x.Success).Value));
        if (c.Find(Tail()) is { } t && durationMs is { } d) return (Math.Max(0, d - c.Time(t.Groups.Values.Skip(1).First(x => x.Success).Value)), null);
        if (c.Find(From()) is { } f) return (c.Time(f.Groups.Values.Skip(1).First(x => x.Success).Value), null);
        return (null, null);
    }

    /// <summary>The clause text without its range words (so the range's times are not read as other times).</summary>
    public static string RemoveRange(string text)
    {
        foreach (var r in new[] { FromTo(), Head(), Tail(), From() }) text = r.Replace(text, " ");
        return text;
    }
}
