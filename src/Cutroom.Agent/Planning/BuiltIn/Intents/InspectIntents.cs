using System.Globalization;
using System.Text.RegularExpressions;
using Cutroom.Agent.Planning.BuiltIn.Refs;
using Cutroom.Agent.Planning.BuiltIn.Text;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Planning.BuiltIn.Intents;

/// <summary>Highlights (how many, how long, a reel), the summary, and metadata questions.</summary>
internal static partial class InspectIntents
{
    [GeneratedRegex(@"\bhighlights?\b|best (?:moments|parts|bits|scenes|clips|shots)|key (?:moments|scenes|parts|highlights)|top moments|most interesting|interesting (?:moments|parts)|精彩|高光|亮点|精华|集锦")]
    private static partial Regex Highlights();

    [GeneratedRegex(@"\b(?:reel|montage|compilation|supercut|sizzle)\b|集锦|合集|串成|合成1个|做成1个")]
    private static partial Regex Reel();

    [GeneratedRegex(@"(?:top|best)\s+(\d+)|(\d+)\s+(?:best |key |top |most interesting |highlight |short )*(?:highlights?|moments|clips|parts|scenes|bits|shots)|(\d+)\s*个(?:最)?(?:精彩|高光|亮点|片段|精华|镜头)")]
    private static partial Regex Count();

    [GeneratedRegex(@"(?:under|at most|no (?:longer|more) than|max(?:imum)?|up to|shorter than|less than|不超过|最多|最长|以内|以下)\s*(«t\d+»)|(«t\d+»)\s*(?:or less|max|以内|以下|之内)")]
    private static partial Regex Max();

    [GeneratedRegex(@"(?:at least|min(?:imum)?|longer than|more than|至少|最短|不少于)\s*(«t\d+»)")]
    private static partial Regex Min();

    [GeneratedRegex(@"(«t\d+»)\s*(?:to|and|-|~|到|至)\s*(«t\d+»)")]
    private static partial Regex Between();

    [GeneratedRegex(@"\bsummar(?:y|ies|ize|ise|ized|ised)\b|\bsum (?:it )?up\b|\boverview\b|\brecap\b|what'?s in (?:it|the|this|my)|what happens in|\bdescribe\b|what'?s (?:it|this|that|the \w+|this \w+|my \w+) about|what is (?:it|this|the \w+|this \w+) about|讲的是什么|关于什么|说了什么|摘要|总结|概括|概要|简介|讲了什么|内容")]
    private static partial Regex Summary();

    [GeneratedRegex(@"\bmeta ?data\b|\binfo\b|\binformation\b|\bdetails\b|\bspecs\b|\bproperties\b|\bresolution\b|how long|\bduration\b|frame ?rate|\bfps\b|\bcodecs?\b|bit ?rate|file size|how big|\bdimensions\b|what size|信息|参数|分辨率|多长|时长|帧率|码率|编码|多大|属性|规格")]
    private static partial Regex Probe();

    public static Step? Try(Clause c, PlanContext ctx)
    {
        if (c.Find(Highlights()) is not null) return HighlightsStep(c, ctx);
        if (c.Find(Summary()) is not null && !c.Has("timeline", "时间线"))
            return Media(c, ctx, out var m) ?? Step.Call(ToolNames.Summarize, new SummarizeArgs { Media = m! });
        if (c.Find(Probe()) is not null && c.AllTimes.Count == 0 && !c.Has("set", "change", "make", "shorten", "改", "缩短", "调"))
        {
            var fields = Fields(c);
            var media = References.Media(c, ctx, MediaKind.Video, MediaKind.Image, MediaKind.Audio);
            if (media.Value is null)
            {
                var videos = References.Media(c, ctx, MediaKind.Video);
                if (videos.Value is null) return Step.AskForVideo(ctx, media.Ambiguous || videos.Ambiguous);
                media = videos;
            }
            return Step.Call(ToolNames.Probe, new ProbeArgs { Media = media.Value!.Id, Fields = fields.Count > 0 ? fields : null });
        }
        return null;
    }

    private static Step HighlightsStep(Clause c, PlanContext ctx)
    {
        if (Media(c, ctx, out var media) is { } ask) return ask;
        int? count = null;
        if (c.Find(Count()) is { } k) count = int.Parse(k.Groups.Values.Skip(1).First(g => g.Success).Value, CultureInfo.InvariantCulture);
        long? min = null, max = null;
        if (c.Find(Between()) is { } b) { min = c.Time(b.Groups[1].Value); max = c.Time(b.Groups[2].Value); }
        if (c.Find(Max()) is { } mx) max = c.Time(mx.Groups.Values.Skip(1).First(g => g.Success).Value);
        if (c.Find(Min()) is { } mn) min = c.Time(mn.Groups[1].Value);
        var mode = c.Has("exact", "precise", "accurate", "frame-accurate", "re-encode", "精确", "准确") ? "exact" : c.Has("fast", "quick", "快速") ? "fast" : null;
        var reel = c.Find(Reel()) is not null && !c.Has("separate", "separately", "单独", "分别") ? true : (bool?)null;
        return Step.Call(ToolNames.Highlights, new HighlightsArgs { Media = media!, Count = count is > 0 and <= 50 ? count : null, MinMs = min, MaxMs = max, Mode = mode, Reel = reel });
    }

    private static Step? Media(Clause c, PlanContext ctx, out string? id)
    {
        var v = References.Media(c, ctx, MediaKind.Video);
        id = v.Value?.Id;
        return id is null ? Step.AskForVideo(ctx, v.Ambiguous) : null;
    }

    private static List<string> Fields(Clause c)
    {
        var f = new List<string>();
        if (c.Has("resolution", "dimensions", "what size", "分辨率", "多大分辨率")) f.Add("resolution");
        if (c.Has("how long", "duration", "length", "多长", "时长")) f.Add("duration");
        if (c.Has("frame rate", "framerate", "fps", "帧率")) f.Add("fps");
        if (c.Has("codec", "codecs", "编码")) f.Add("codec");
        if (c.Has("bitrate", "bit rate", "码率")) f.Add("bitrate");
        if (c.Has("file size", "how big", "多大") && !f.Contains("resolution")) f.Add("size");
        if (c.Has("audio", "sound", "音频", "声音")) f.Add("audio");
        return f;
    }
}
