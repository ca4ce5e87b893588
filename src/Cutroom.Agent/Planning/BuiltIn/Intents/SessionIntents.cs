using System.Globalization;
using System.Text.RegularExpressions;
using Cutroom.Agent.Planning.BuiltIn.Text;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;

namespace Cutroom.Agent.Planning.BuiltIn.Intents;

/// <summary>Undo/redo, credits, the timeline summary, export, help, and vague requests (clarify).</summary>
internal static partial class SessionIntents
{
    [GeneratedRegex(@"\b(?:undo|revert)\b|go back|take (?:that|it) back|back out|撤销|撤回|回退|返回上一步|恢复原样|退回")]
    private static partial Regex Undo();

    [GeneratedRegex(@"\bredo\b|重做|恢复撤销|取消撤销")]
    private static partial Regex Redo();

    [GeneratedRegex(@"(\d+)\s*(?:changes|steps|edits|times|things)|\btwice\b|(\d+)\s*(?:步|次)")]
    private static partial Regex Times();

    [GeneratedRegex(@"\bcredits?\b|\bbalance\b|积分|余额|点数|额度")]
    private static partial Regex Credits();

    [GeneratedRegex(@"^status\b|\bstatus\??$|show (?:me )?(?:the |my )?(?:tracks|timeline|track list)|what'?s on (?:the|my) timeline|timeline summary|list (?:the )?tracks|^tracks\??$|what do i have so far|状态|(?:显示|看看|查看|看一下|当前|现在)的?(?:时间线|轨道)|时间线上有什么")]
    private static partial Regex Show();

    [GeneratedRegex(@"what can you do|\bhelp\b|how does (?:this|it) work|what do you do|你能做什么|你会什么|你可以做什么|帮助|怎么用|有什么功能")]
    private static partial Regex Help();

    [GeneratedRegex(@"\b(?:export|download|render|save (?:it|the video|this|as)|send (?:me )?(?:the |my )?(?:video|file|it|result)|give me the (?:video|file|result)|finali[sz]e)\b|导出|下载|渲染|输出|发给我|生成最终|成片")]
    private static partial Regex Export();

    [GeneratedRegex(@"\b(?:better|improve|fix|nicer|prettier|enhance|polish|cooler|more professional)\b|好看|更好|优化|美化|修一下|处理一下|弄好")]
    private static partial Regex Vague();

    public static Step? Try(Clause c, PlanContext ctx)
    {
        if (c.Find(Redo()) is not null) return Step.Call(ToolNames.Redo, NoArgs.Instance);
        if (c.Find(Undo()) is not null)
        {
            var n = 1;
            if (c.Find(Times()) is { } m)
                n = m.Value.Contains("twice", StringComparison.Ordinal) ? 2 : int.Parse(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, CultureInfo.InvariantCulture);
            return new Step([.. Enumerable.Range(0, Math.Clamp(n, 1, 10)).Select(_ => ToolCall.Of(ToolNames.Undo, NoArgs.Instance))]);
        }
        if (c.Find(Credits()) is not null) return Step.Call(ToolNames.Credits, NoArgs.Instance);
        if (c.Find(Show()) is not null) return Step.Call(ToolNames.ShowTimeline, NoArgs.Instance);
        if (c.Find(Help()) is not null) return Step.Help;
        return null;
    }

    /// <summary>Export (after the jobs, so "export the keyframes" and "export a trimmed clip" are theirs).</summary>
    public static Step? TryExport(Clause c, PlanContext ctx)
    {
        if (c.Find(Export()) is null) return null;
        var quality = c.Has("low quality", "low-quality", "small file", "smaller file", "低画质", "低质量", "小文件") || c.Has("low") && c.Has("quality") ? "low"
            : c.Has("medium quality", "中等") ? "medium"
            : c.Has("high quality", "best quality", "hq", "高清", "高画质", "高质量", "最高") ? "high" : null;
        return Step.Call(ToolNames.Export, new ExportArgs { Format = Words.Format(c), Quality = quality, Height = Words.HeightP(c) is { } h and >= 144 and <= 1920 ? h : null });
    }

    [GeneratedRegex(@"\b(?:extract|pull out|get)\b.*\b(?:video|videos|files?|clips?|it|this)\b|提取(?:一下)?(?:我的)?(?:视频|文件)")]
    private static partial Regex ExtractWhat();

    public static Step? TryVague(Clause c, PlanContext ctx) =>
        c.Find(ExtractWhat()) is not null
            ? Step.Ask(ctx, "What should I extract: frames as images, the highlights as clips, the metadata, or a part (say from when to when)?", "要提取什么：视频帧图片、精彩片段、视频信息，还是某一段（请说明起止时间）？")
        : c.Find(Vague()) is null ? null
        : Step.Ask(ctx, "What would you like to change? For example: \"trim the first 3 seconds\", \"add a title 'Sale' in red\", \"make it vertical for TikTok\", \"add background music\".",
            "您想改哪里？例如：“去掉前3秒”、“加标题‘促销’，红色”、“改成抖音竖屏”、“加背景音乐”。");
}
