using System.Globalization;
using System.Text.RegularExpressions;
using Cutroom.Agent.Planning.BuiltIn.Refs;
using Cutroom.Agent.Planning.BuiltIn.Text;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;

namespace Cutroom.Agent.Planning.BuiltIn.Intents;

/// <summary>
/// How the video looks and moves: transitions and fades from/to black, the canvas (aspect ratio,
/// platform presets, fit), and speed ("2x", "twice as fast", "slow motion" = 0.5, "speed up" = 2).
/// </summary>
internal static partial class LookIntents
{
    [GeneratedRegex(@"\btransitions?\b|\bcross-?fades?\b|\bdissolves?\b|\bwipes?\b|\bslide transitions?\b|转场|过渡|擦除|溶解|叠化|渐变")]
    private static partial Regex Transition();

    [GeneratedRegex(@"\bfade[ -]?in\b|淡入")]
    private static partial Regex FadeIn();

    [GeneratedRegex(@"\bfade[ -]?out\b|淡出")]
    private static partial Regex FadeOut();

    [GeneratedRegex(@"(«t\d+»)")]
    private static partial Regex AnyTime();

    [GeneratedRegex(@"between (?:the )?(\w+) and (?:the )?(\w+)|第(\d+)(?:段|张|个)?和第(\d+)(?:段|张|个)?之间|(?:into|before|on) (?:the )?(\w+) (?:clip|photo|segment|image|picture|one)")]
    private static partial Regex Between();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*x\b|\bx\s*(\d+(?:\.\d+)?)\b|(\d+(?:\.\d+)?)\s*倍|(\d+(?:\.\d+)?)\s*times (?:as fast|faster|speed)")]
    private static partial Regex SpeedValue();

    [GeneratedRegex(@"\bspeed\b|\bfaster\b|\bslower\b|slow[ -]?mo(?:tion)?|fast[ -]?forward|time-?lapse|twice as fast|double (?:the )?speed|half (?:the )?speed|\d+(?:\.\d+)?\s*x\s*(?:speed|faster)?\b|倍速|加速|减速|慢放|快放|慢动作|快进|放慢|变快|变慢")]
    private static partial Regex Speed();

    public static Step? Try(Clause c, PlanContext ctx)
    {
        if (c.Find(Transition()) is not null && !c.Has(Words.Music)) return TransitionStep(c, ctx);
        var fadeIn = c.Find(FadeIn()) is not null;
        var fadeOut = c.Find(FadeOut()) is not null;
        if ((fadeIn || fadeOut) && !c.Has(Words.Music))
        {
            long? d = c.Find(AnyTime()) is { } t ? c.Time(t.Value) : null;
            var calls = new List<ToolCall>();
            if (fadeIn) calls.Add(ToolCall.Of(ToolNames.AddTransition, new AddTransitionArgs { Type = "fade-in", DurationMs = d }));
            if (fadeOut) calls.Add(ToolCall.Of(ToolNames.AddTransition, new AddTransitionArgs { Type = "fade-out", DurationMs = d }));
            return new Step(calls);
        }
        if (c.Find(Speed()) is not null) return SpeedStep(c, ctx);
        if (Words.Aspect(c) is { } aspect && !c.Has("thumbnail", "cover", "封面"))
        {
            var r = Words.Ratio(c);
            return Step.Call(ToolNames.SetAspect, new SetAspectArgs { Aspect = aspect, Fit = Words.Fit(c), Platform = Words.Platform(c, aspect) });
        }
        return null;
    }

    /// <summary>The transition type named (crossfade by default when <paramref name="defaultType"/> is given), or none.</summary>
    public static string? TransitionType(Clause c, string? defaultType = "crossfade")
    {
        if (c.Has("no transition", "no transitions", "without transitions", "hard cut", "hard cuts", "无转场")
            || c.Has("remove", "delete", "drop", "get rid of", "turn off", "删除", "去掉", "不要", "取消", "删掉") && c.Has("transition", "transitions", "转场", "过渡")) return "none";
        if (c.Has("fade to black", "fade-black", "fade through black", "dip to black", "black", "黑场")) return "fade-black";
        if (c.Has("fade to white", "fade-white", "white", "白场")) return "fade-white";
        if (c.Has("dissolve", "溶解")) return "dissolve";
        if (c.Has("wipe right", "wipe-right", "向右擦除")) return "wipe-right";
        if (c.Has("wipe", "wipes", "擦除")) return "wipe-left";
        if (c.Has("slide right", "slide-right", "向右滑")) return "slide-right";
        if (c.Has("slide", "slides", "滑动", "推入")) return "slide-left";
        if (c.Has("circle", "圆形")) return "circle-open";
        if (c.Has("pixel", "pixelize", "像素")) return "pixelize";
        if (c.Has("crossfade", "cross-fade", "crossfades", "fade", "fades", "淡入淡出", "叠化", "渐变")) return "crossfade";
        return c.Has("transition", "transitions", "转场", "过渡") ? defaultType : null;
    }

    private static Step TransitionStep(Clause c, PlanContext ctx)
    {
        var type = TransitionType(c)!;
        long? d = c.Find(AnyTime()) is { } t ? c.Time(t.Value) : null;
        string? segment = null;
        if (c.Find(Between()) is { } b)
        {
            var main = ctx.MainSegments;
            int? index = null;
            if (b.Groups[4].Success) index = int.Parse(b.Groups[4].Value, CultureInfo.InvariantCulture) - 1;
            else if (b.Groups[2].Success) index = OrdinalWord(b.Groups[2].Value);
            else if (b.Groups[5].Success) index = OrdinalWord(b.Groups[5].Value);
            if (index is { } i && i > 0 && i < main.Count) segment = main[i].Id;
        }
        if (segment is null && ctx.LastSegment is { } last && c.Has("into it", "to it", "on it", "before it", "它"))
            segment = last;
        return Step.Call(ToolNames.AddTransition, new AddTransitionArgs { Type = type, DurationMs = d, Segment = segment });
    }

    private static int? OrdinalWord(string w) => w switch
    {
        "first" => 0, "second" => 1, "third" => 2, "fourth" or "4th" => 3, "fifth" or "5th" => 4,
        _ => w.Length > 2 && int.TryParse(w[..^2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n - 1 : null,
    };

    private static Step SpeedStep(Clause c, PlanContext ctx)
    {
        double speed;
        if (c.Find(SpeedValue()) is { } v) speed = double.Parse(v.Groups.Values.Skip(1).First(g => g.Success).Value, CultureInfo.InvariantCulture);
        else if (c.Has("twice", "double", "两倍")) speed = 2;
        else if (c.Has("half speed", "half the speed", "一半速度")) speed = 0.5;
        else if (c.Has("triple", "three times")) speed = 3;
        else if (c.Has("slow", "slower", "slow-mo", "slowmo", "减速", "慢放", "慢动作", "放慢", "变慢")) speed = 0.5;
        else speed = 2;
        speed = Math.Clamp(speed, 0.25, 4);
        var seg = References.Visual(c, ctx, allowOnly: false).Value;
        var target = seg is not null && ctx.MainSegments.Count > 1 && !c.Has("everything", "all", "whole", "entire", "整体", "全部", "所有") ? seg.Id : "all";
        return Step.Call(ToolNames.SetSpeed, new SetSpeedArgs { Segment = target, Speed = speed });
    }
}
