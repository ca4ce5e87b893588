using System.Globalization;
using System.Text.RegularExpressions;
using Cutroom.Agent.Planning.BuiltIn.Refs;
using Cutroom.Agent.Planning.BuiltIn.Text;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;

namespace Cutroom.Agent.Planning.BuiltIn.Intents;

/// <summary>
/// Texts: add (the quoted words, with position, size, colour, timing), change ("make the title
/// bigger", "把标题改成红色", "change the title to 'X'"), remove. Sizes: small 1/20 of the canvas's
/// short side, big 1/8, huge 1/6; "bigger"/"smaller" multiply the current size by 1.5 / divide by 1.5.
/// Captions and subtitles go to the bottom unless told otherwise.
/// </summary>
internal static partial class TextIntents
{
    [GeneratedRegex(@"\b(?:add|put|insert|write|place|include|overlay|show|display|stick)\b|加|添加|加上|加个|写|放上|插入|打上|配上")]
    private static partial Regex AddVerbs();

    [GeneratedRegex(@"\b(?:remove|delete|get rid of|hide|drop|take off|take away|clear|no more)\b|去掉|删除|删掉|不要|去除|隐藏|拿掉")]
    private static partial Regex RemoveVerbs();

    [GeneratedRegex(@"\b(?:bigger|larger|increase|enlarge|grow)\b|\bmore big\b|大一点|大一些|放大|加大|变大|大点|更大|调大")]
    private static partial Regex Bigger();

    [GeneratedRegex(@"\b(?:smaller|decrease|shrink|reduce)\b|小一点|小一些|缩小|变小|小点|更小|调小")]
    private static partial Regex Smaller();

    [GeneratedRegex(@"(?:size|font size|字号|大小)\s*(?:to\s*|of\s*|=\s*|改成|为|设为)?\s*(\d{2,3})|(\d{2,3})\s*(?:px|pt|号)")]
    private static partial Regex ExplicitSize();

    [GeneratedRegex(@"(?:for|lasting|持续|显示|延长到|缩短到|延长至|展示)\s*(«t\d+»)|(«t\d+»)\s*(?:long|长)")]
    private static partial Regex For();

    [GeneratedRegex(@"(?:at|from|starting at|start at|在|从)\s*(«t\d+»)")]
    private static partial Regex Start();

    [GeneratedRegex(@"for the (?:last|final) («t\d+»)|最后(«t\d+»)")]
    private static partial Regex ForLast();

    [GeneratedRegex(@"for the first («t\d+»)|前(«t\d+»)")]
    private static partial Regex ForFirst();

    [GeneratedRegex(@"\bat the end\b|\bat the very end\b|\bto the end\b|结尾|片尾|最后加|末尾")]
    private static partial Regex AtEnd();

    [GeneratedRegex(@"\b(?:over|on|during|above)\s+(?:the\s+)?\w+\s+(?:clip|photo|image|picture|video|segment|shot)\b|在.*(?:段|张).*(?:上|里)")]
    private static partial Regex Over();

    public static Step? Try(Clause c, PlanContext ctx, ref string? lastText)
    {
        var quoted = c.AllQuotes;
        var namesText = quoted.Any(q => ctx.Texts.Any(t => string.Equals(t.Segment.Meta.Text, q, StringComparison.OrdinalIgnoreCase)));
        var noun = c.Has(Words.TextNouns) || namesText;
        var quote = c.Quote;
        if (!noun && lastText is null) return null;
        if (!noun && !c.Has("it", "them", "它")) return null;

        if (c.Find(RemoveVerbs()) is not null && quote is null)
        {
            var r = Target(c, ctx, noun, lastText);
            if (r.Value is null) return r.Ambiguous ? AskWhich(ctx) : null;
            lastText = r.Value.Id;
            return Step.Call(ToolNames.RemoveText, new RemoveTextArgs { Segment = r.Value.Id });
        }

        var isAdd = noun && c.Find(AddVerbs()) is not null && (quote is not null || !c.Has("改", "change", "make")) && !c.Has("改成", "改为", "换成", "change the", "change it", "rename");
        var caption = c.Has("caption", "captions", "subtitle", "subtitles", "字幕");
        if (isAdd && quote is null && References.Text(c, ctx).Value is not null) isAdd = false;
        if (isAdd)
        {
            if (quote is null)
                return Step.Ask(ctx, "What should the text say? Put it in quotes, e.g. add a title 'Summer Sale'.", "文字内容是什么？请用引号写出，例如：加标题“夏季促销”。");
            var (start, shown) = Timing(c, ctx);
            var position = Words.Position(c) ?? (caption ? "bottom" : null);
            return Step.Call(ToolNames.AddText, new AddTextArgs
            {
                Text = quote, StartMs = start is 0 ? null : start, DurationMs = shown, Position = position, Size = NamedSize(c, ctx), Color = Words.Color(c),
            });
        }

        var target = Target(c, ctx, noun, lastText);
        if (target.Value is null)
        {
            if (target.Ambiguous) return AskWhich(ctx);
            if (noun && (quote is not null || Words.Color(c) is not null || c.Find(Bigger()) is not null))
                return Step.Ask(ctx, "There is no text on the timeline yet. What should it say? e.g. add a title 'Summer Sale'.", "时间线上还没有文字。要写什么？例如：加标题“夏季促销”。");
            return null;
        }
        var seg = target.Value;
        double? size = null;
        if (c.Find(ExplicitSize()) is { } es) size = double.Parse(es.Groups.Values.Skip(1).First(g => g.Success).Value, CultureInfo.InvariantCulture);
        else if (c.Find(Bigger()) is not null) size = Math.Round(ctx.TextSize(seg) * 1.5);
        else if (c.Find(Smaller()) is not null) size = Math.Round(ctx.TextSize(seg) / 1.5);
        else size = NamedSize(c, ctx);
        long? duration = c.Find(For()) is { } f ? c.Time(f.Groups.Values.Skip(1).First(g => g.Success).Value) : null;
        long? startMs = c.Find(Start()) is { } st && duration is null ? c.Time(st.Groups[1].Value) : null;
        var args = new EditTextArgs
        {
            Segment = seg.Id,
            Text = quoted.LastOrDefault(q => !string.Equals(q, seg.Meta.Text, StringComparison.OrdinalIgnoreCase)),
            Color = Words.Color(c),
            Size = size,
            Position = Words.Position(c),
            DurationMs = duration,
            StartMs = startMs,
        };
        if (args is { Text: null, Color: null, Size: null, Position: null, DurationMs: null, StartMs: null }) return null;
        lastText = seg.Id;
        return Step.Call(ToolNames.EditText, args);
    }

    private static Resolved<Timeline.Model.Segment> Target(Clause c, PlanContext ctx, bool noun, string? lastText)
    {
        if (!noun && lastText is not null && ctx.Texts.FirstOrDefault(t => t.Segment.Id == lastText).Segment is { } last) return Resolved<Timeline.Model.Segment>.One(last);
        return References.Text(c, ctx);
    }

    private static Step AskWhich(PlanContext ctx)
    {
        var list = string.Join(", ", ctx.Texts.Select(t => $"\"{t.Segment.Meta.Text}\""));
        return Step.Ask(ctx, $"Which text do you mean: {list}?", $"是哪段文字：{list}？");
    }

    /// <summary>When a new text shows: "at 0:10", "at the end", "for the last 5 seconds", "over the beach clip"; and for how long.</summary>
    private static (long? Start, long? Duration) Timing(Clause c, PlanContext ctx)
    {
        var d = ctx.DurationMs;
        if (c.Find(ForLast()) is { } fl)
        {
            var t = c.Time(fl.Groups.Values.Skip(1).First(g => g.Success).Value);
            return (Math.Max(0, d - t), t);
        }
        if (c.Find(ForFirst()) is { } ff) return (null, c.Time(ff.Groups.Values.Skip(1).First(g => g.Success).Value));
        long? duration = c.Find(For()) is { } f ? c.Time(f.Groups.Values.Skip(1).First(g => g.Success).Value) : null;
        if (c.Find(Start()) is { } s) return (c.Time(s.Groups[1].Value), duration);
        if (c.Find(AtEnd()) is not null && d > 0) return (Math.Max(0, d - (duration ?? 3000)), duration);
        if (c.Find(Over()) is not null && References.Visual(c, ctx, allowOnly: false).Value is { } seg) return (seg.StartMs, duration ?? seg.DurationMs);
        return (null, duration);
    }

    /// <summary>A size named by a word: small 1/20, big/large 1/8, huge 1/6 of the canvas's short side.</summary>
    private static double? NamedSize(Clause c, PlanContext ctx) =>
        c.Has("huge", "giant", "very big", "very large", "超大", "特大") ? Math.Round(ctx.ShortSide / 6.0)
        : c.Has("big", "large", "bold", "大字", "大号", "大标题") ? Math.Round(ctx.ShortSide / 8.0)
        : c.Has("small", "tiny", "little", "小字", "小号") ? Math.Round(ctx.ShortSide / 20.0)
        : null;
}
