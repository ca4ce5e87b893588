using System.Text.RegularExpressions;
using Cutroom.Agent.Planning.BuiltIn.Refs;
using Cutroom.Agent.Planning.BuiltIn.Text;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Planning.BuiltIn.Intents;

/// <summary>Segments: remove, move/reorder/swap, add an upload to the timeline, replace one segment's media.</summary>
internal static partial class SegmentIntents
{
    [GeneratedRegex(@"\b(?:remove|delete|drop|get rid of|take out|cut out|lose)\b|删除|删掉|去掉|不要|拿掉|移除")]
    private static partial Regex Remove();

    [GeneratedRegex(@"\b(?:move|put|place|swap|switch|reorder|drag|shift)\b|移到|移动|放到|挪到|调到|换到|调换|交换|对调|放在|移")]
    private static partial Regex Move();

    [GeneratedRegex(@"\b(?:add|insert|append|include|put|place)\b|加|添加|插入|加入|追加|放")]
    private static partial Regex Add();

    [GeneratedRegex(@"\b(?:replace|swap out|substitute)\b|换成|替换")]
    private static partial Regex Replace();

    [GeneratedRegex(@"\b(?:to|at) (?:the )?(?:start|beginning|front|first|top)\b|\bfirst\b$|最前面|最前|开头|第1个位置|最开始")]
    private static partial Regex ToStart();

    [GeneratedRegex(@"\b(?:to|at) (?:the )?(?:end|back|last|bottom)\b|末尾|最后面|移到最后|放到最后|到最后|结尾")]
    private static partial Regex ToEnd();

    [GeneratedRegex(@"\b(?:before|in front of|ahead of)\b|前面|之前|前边")]
    private static partial Regex Before();

    [GeneratedRegex(@"\b(?:after|behind)\b|后面|之后|后边")]
    private static partial Regex After();

    [GeneratedRegex(@"\b(?:again|too|also|another|copy|duplicate|one more)\b|再加|再放|再来")]
    private static partial Regex Again();

    [GeneratedRegex(@"«t\d+»")]
    private static partial Regex AnyTime();

    public static Step? Try(Clause c, PlanContext ctx)
    {
        var main = ctx.MainSegments;
        // replace X with Y
        if (c.Find(Replace()) is not null)
        {
            var named = References.Named(c, ctx.Session.Media.Where(m => m.Kind != MediaKind.Audio));
            var target = References.Visual(c, ctx, allowOnly: false).Value;
            var media = named.FirstOrDefault(m => target is null || m.Id != target.Src);
            var refs = Ordinals.All(c);
            if (media is null && target is not null && refs.Count >= 2)
            {
                // "replace the second photo with the fifth (photo)": the second ordinal names an upload of the same kind.
                var still = refs[1].Noun == Noun.Photo || refs[1].Noun == Noun.None && target.IsStill;
                var pool = ctx.Session.Media.Where(m => still ? m.Kind == MediaKind.Image && !PlanContext.IsLogo(m) : m.Kind == MediaKind.Video).ToList();
                var i = refs[1].Index < 0 ? pool.Count + refs[1].Index : refs[1].Index;
                if (i >= 0 && i < pool.Count && pool[i].Id != target.Src) media = pool[i];
            }
            if (target is not null && media is not null)
                return Step.Call(ToolNames.AddClip, new AddClipArgs { Media = media.Id, Replace = target.Id });
            return null;
        }

        var explicitRef = Ordinals.All(c).Count > 0 || References.Named(c, ctx.Session.Media).Count > 0 || c.Has("logo", "标志");
        if (c.Find(Move()) is { } mv && (c.Find(Again()) is null || c.Has("swap", "switch", "交换", "调换", "对调")))
        {
            var seg = References.Visual(c, ctx, allowOnly: false).Value;
            if (seg is null || !explicitRef) return null;
            var order = main.ToList();
            var from = order.FindIndex(s => s.Id == seg.Id);
            if (from < 0) return null;
            var others = order.Where(s => s.Id != seg.Id).ToList();
            int? index = null;
            var refs = Ordinals.All(c);
            var namedRefs = References.Named(c, ctx.Session.Media.Where(m => m.Kind != MediaKind.Audio));
            if (c.Has("swap", "switch", "交换", "调换", "对调"))
            {
                var picks = SwapPair().Matches(c.Text).Select(m => OrdinalIndex(m.Value, order.Count)).Where(i => i >= 0 && i < order.Count).Distinct().ToList();
                if (picks.Count >= 2)
                {
                    var (a, b) = (Math.Min(picks[0], picks[1]), Math.Max(picks[0], picks[1]));
                    return Step.Call(ToolNames.MoveSegment, new MoveSegmentArgs { Segment = order[a].Id, Index = b });
                }
            }
            else if (c.Find(ToStart()) is not null) index = 0;
            else if (c.Find(ToEnd()) is not null) index = order.Count - 1;
            else if (c.Find(Before()) is not null || c.Find(After()) is not null)
            {
                Segment? anchor = null;
                if (refs.Count >= 2)
                {
                    var list = refs[1].Noun == Noun.Photo ? order.Where(s => s.IsStill).ToList() : order;
                    var ai0 = Index(refs[1].Index, list.Count);
                    if (ai0 >= 0 && ai0 < list.Count) anchor = list[ai0];
                }
                else if (namedRefs.Count >= 2) anchor = order.FirstOrDefault(s => s.Src == namedRefs[1].Id);
                if (anchor is not null && anchor.Id != seg.Id)
                {
                    var ai = others.FindIndex(s => s.Id == anchor.Id);
                    index = c.Find(Before()) is not null ? ai : ai + 1;
                }
            }
            else if (c.Find(AnyTime()) is { } t)
                return Step.Call(ToolNames.MoveSegment, new MoveSegmentArgs { Segment = seg.Id, AtMs = c.Time(t.Value) });
            if (index is null) return Step.Ask(ctx, "Where should it go? e.g. \"to the start\", \"to the end\" or \"before the second clip\".", "要移到哪里？例如“最前面”、“最后”或“第二段前面”。");
            return Step.Call(ToolNames.MoveSegment, new MoveSegmentArgs { Segment = seg.Id, Index = index });
        }

        if (c.Find(Remove()) is not null && explicitRef)
        {
            var seg = References.Visual(c, ctx, allowOnly: false);
            if (seg.Value is { } s) return Step.Call(ToolNames.RemoveSegment, new RemoveSegmentArgs { Segment = s.Id });
            if (seg.Ambiguous) return Step.Ask(ctx, "Which one should I remove? Say e.g. \"the second photo\".", "要删除哪一个？例如“第二张图片”。");
            return null;
        }

        if (c.Find(Add()) is not null)
        {
            var media = References.Media(c, ctx, MediaKind.Video, MediaKind.Image);
            if (media.Value is null || References.Named(c, ctx.Session.Media).Count == 0 && Ordinals.All(c).Count == 0) return null;
            long? at = null;
            if (c.Find(ToStart()) is not null) at = 0;
            else if (c.Find(AnyTime()) is { } t) at = c.Time(t.Value);
            else if (c.Find(After()) is { } after)
            {
                var anchor = References.Visual(new Clause(c.Text[after.Index..], c.Message), ctx, allowOnly: false).Value;
                if (anchor is not null) at = anchor.EndMs;
            }
            return Step.Call(ToolNames.AddClip, new AddClipArgs { Media = media.Value.Id, AtMs = at });
        }
        return null;
    }

    private static int Index(int ordinal, int count) => ordinal < 0 ? count + ordinal : ordinal;

    [GeneratedRegex(@"\b(?:first|second|third|fourth|fifth|last|\d+(?:st|nd|rd|th))\b|第\d+|最后")]
    private static partial Regex SwapPair();

    private static int OrdinalIndex(string w, int count) => w switch
    {
        "first" => 0, "second" => 1, "third" => 2, "fourth" => 3, "fifth" => 4, "last" or "最后" => count - 1,
        _ when w.StartsWith('第') => int.Parse(w[1..], System.Globalization.CultureInfo.InvariantCulture) - 1,
        _ => int.Parse(w[..^2], System.Globalization.CultureInfo.InvariantCulture) - 1,
    };
}
