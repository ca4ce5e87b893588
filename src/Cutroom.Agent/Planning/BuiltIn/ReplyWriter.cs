using System.Globalization;
using System.Text.Json.Nodes;
using Cutroom.Agent.Execution;
using Cutroom.Agent.Tools;

namespace Cutroom.Agent.Planning.BuiltIn;

/// <summary>The reply to a plan, in the user's language: what each call will change, in order ("I'll … , then …").</summary>
internal static class ReplyWriter
{
    public static string Write(IReadOnlyList<ToolCall> calls, PlanContext ctx)
    {
        if (calls.Count == 1 && calls[0].Name == ToolNames.Clarify) return calls[0].GetString("question") ?? "";
        if (calls.Count == 1 && calls[0].Name == ToolNames.Help)
            return ctx.T("That is outside what I do. ", "这超出了我能做的范围。") + Capabilities.Text(ctx.Language);
        var parts = calls.Select(c => Describe(c, ctx)).ToList();
        return ctx.Language == "zh"
            ? "好的，我会" + string.Join("，然后", parts) + "。"
            : "I'll " + string.Join(", then ", parts) + ".";
    }

    private static string Describe(ToolCall call, PlanContext ctx)
    {
        if (ctx.Language == "zh")
        {
            var localized = (System.Text.Json.Nodes.JsonObject)call.Args.DeepClone();
            foreach (var key in new[] { "color", "position", "type", "transition", "motion" })
                if (call.GetString(key) is { } w && ChineseWords.Has(w)) localized[key] = ChineseWords.Of(w);
            call = call with { Args = localized };
        }
        var a = call.Args;
        string Media(string key = "media") => a[key] is JsonValue v && v.TryGetValue<string>(out var id) ? ctx.NameOf(id) : "";
        string Seg(string key = "segment")
        {
            var id = call.GetString(key);
            if (id is null or "all") return ctx.T("every clip", "所有片段");
            var seg = ctx.Draft.AllSegments().FirstOrDefault(p => p.Segment.Id == id).Segment;
            return seg is null ? id : seg.Meta.Text is { } t ? $"\"{t}\"" : seg.Meta.Label ?? (seg.Src is null ? id : ctx.NameOf(seg.Src));
        }
        long? Ms(string key) => a[key] is JsonValue v && v.TryGetValue<long>(out var ms) ? ms : null;
        double? Num(string key) => a[key] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
        static string T(long ms) => Execution.ExecutorKit.Time(ms);
        string Pct(double v) => (v * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

        switch (call.Name)
        {
            case ToolNames.ExtractFrames:
            {
                var sel = Ms("interval_ms") is { } iv ? ctx.T($"one frame every {T(iv)}", $"每 {T(iv)} 一帧")
                    : Num("fps") is { } fps ? ctx.T($"{fps:0.###} frames per second", $"每秒 {fps:0.###} 帧")
                    : Num("every_n") is { } n ? n == 1 ? ctx.T("every frame", "每一帧") : ctx.T($"every {n:0}th frame", $"每隔 {n:0} 帧一张")
                    : a["at_ms"] is JsonArray at ? ctx.T($"the frames at {string.Join(", ", at.Select(x => T(x!.GetValue<long>())))}", $"{string.Join("、", at.Select(x => T(x!.GetValue<long>())))} 处的画面")
                    : a["keyframes"] is not null ? ctx.T("the keyframes", "所有关键帧")
                    : Num("count") is { } k ? ctx.T($"{k:0} frames spread evenly", $"均匀取 {k:0} 帧")
                    : ctx.T("one frame per second", "每秒一帧");
                var fmt = (call.GetString("format") ?? "jpg").ToUpperInvariant();
                return ctx.T($"extract {sel} of {Media()} as {fmt} images (plus a zip)", $"从 {Media()} 导出{sel}（{fmt} 图片，并打包）");
            }
            case ToolNames.Thumbnail:
                return Ms("at_ms") is { } tAt ? ctx.T($"make a thumbnail of {Media()} from the frame at {T(tAt)}", $"用 {Media()} 在 {T(tAt)} 的画面做封面图")
                    : ctx.T($"pick the best frame of {Media()} as a thumbnail", $"为 {Media()} 挑选最清晰的画面做封面图");
            case ToolNames.ContactSheet:
                return ctx.T($"make a {Num("cols") ?? 4:0}x{Num("rows") ?? 4:0} contact sheet of {Media()}", $"生成 {Media()} 的 {Num("cols") ?? 4:0}x{Num("rows") ?? 4:0} 缩略图网格");
            case ToolNames.Probe:
                return ctx.T($"read the metadata of {Media()} and tell you", $"读取 {Media()} 的视频信息告诉您");
            case ToolNames.Summarize:
                return ctx.T($"summarise {Media()} (chapters, storyboard, summary.json)", $"生成 {Media()} 的摘要（章节、故事板、summary.json）");
            case ToolNames.Highlights:
            {
                var n = Num("count") is { } c ? c.ToString("0", CultureInfo.InvariantCulture) : ctx.T("up to 5", "最多 5 个");
                var reel = a["reel"] is not null ? ctx.T(" and join them into a reel", "，并合成一个集锦") : "";
                return ctx.T($"find {n} highlights of {Media()} and save each as its own clip{reel}", $"从 {Media()} 提取 {n} 个精彩片段，分别保存{reel}");
            }
            case ToolNames.Trim:
                return Ms("start_ms") is null && Ms("end_ms") is null
                    ? ctx.T($"export a trimmed clip of {Media()} without its black or frozen ends", $"导出去掉首尾黑屏/静止画面的 {Media()} 片段")
                    : ctx.T($"trim {Media()} to {T(Ms("start_ms") ?? 0)}-{(Ms("end_ms") is { } e ? T(e) : "the end")} as a new clip", $"把 {Media()} 剪成 {T(Ms("start_ms") ?? 0)}-{(Ms("end_ms") is { } e2 ? T(e2) : "结尾")} 的新片段");
            case ToolNames.Convert:
            {
                var what = $"{(Num("height") is { } h ? $"{h:0}p " : "")}{(call.GetString("format") ?? "mp4").ToUpperInvariant()}";
                return ctx.T($"convert {Media()} into a {what}", $"把 {Media()} 转换为 {what}");
            }
            case ToolNames.CreateVideo:
            {
                var n = a["media"] is JsonArray list ? list.Count : 0;
                var extras = new List<string>();
                if (Ms("duration_ms") is { } d) extras.Add(T(d));
                if (call.GetString("aspect") is { } asp) extras.Add(asp);
                if (call.GetString("music") is not null) extras.Add(ctx.T("background music", "背景音乐"));
                if (call.GetString("logo") is not null) extras.Add(ctx.T("the logo", "标志"));
                if (call.GetString("title") is { } title) extras.Add(ctx.T($"the title \"{title}\"", $"标题“{title}”"));
                if (a["captions"] is not null) extras.Add(ctx.T("captions from the file names", "按文件名生成的文字"));
                if (call.GetString("transition") is { } tr) extras.Add(ctx.T($"{tr} transitions", $"{tr} 转场"));
                return ctx.T($"make a video of your {n} photos/clips{(extras.Count > 0 ? " with " + string.Join(", ", extras) : "")}",
                    $"用 {n} 个素材做成视频{(extras.Count > 0 ? "（" + string.Join("、", extras) + "）" : "")}");
            }
            case ToolNames.AnimateImage:
                return ctx.T($"turn {Media()} into a {T(Ms("duration_ms") ?? 6000)} video with a {call.GetString("motion") ?? "zoom-in"} camera move",
                    $"把 {Media()} 做成 {T(Ms("duration_ms") ?? 6000)} 的视频（镜头 {call.GetString("motion") ?? "zoom-in"}）");
            case ToolNames.AddClip:
                return call.GetString("replace") is not null
                    ? ctx.T($"replace {Seg("replace")} with {Media()}", $"用 {Media()} 替换 {Seg("replace")}")
                    : ctx.T($"add {Media()} to the timeline{(Ms("at_ms") is { } at2 ? $" at {T(at2)}" : " at the end")}", $"把 {Media()} 加到时间线{(Ms("at_ms") is { } at3 ? $" {T(at3)} 处" : "末尾")}");
            case ToolNames.RemoveSegment:
                return Ms("start_ms") is { } rs
                    ? ctx.T($"cut {T(rs)}-{T(Ms("end_ms") ?? rs)} out of {Seg()}", $"从 {Seg()} 中剪掉 {T(rs)}-{T(Ms("end_ms") ?? rs)}")
                    : ctx.T($"remove {Seg()}", $"删除 {Seg()}");
            case ToolNames.MoveSegment:
                return Num("index") is { } ix ? ctx.T($"move {Seg()} to position {ix + 1}", $"把 {Seg()} 移到第 {ix + 1} 个位置")
                    : ctx.T($"move {Seg()} to {T(Ms("at_ms") ?? 0)}", $"把 {Seg()} 移到 {T(Ms("at_ms") ?? 0)}");
            case ToolNames.TrimSegment:
                return Ms("duration_ms") is { } dm ? ctx.T($"make {Seg()} {T(dm)} long", $"把 {Seg()} 改为 {T(dm)}")
                    : Ms("cut_start_ms") is not null || Ms("cut_end_ms") is not null
                        ? ctx.T($"cut {string.Join(" and ", new[] { Ms("cut_start_ms") is { } cs ? $"the first {T(cs)}" : null, Ms("cut_end_ms") is { } ce ? $"the last {T(ce)}" : null }.OfType<string>())} off {Seg()}",
                            $"剪掉 {Seg()} 的{string.Join("和", new[] { Ms("cut_start_ms") is { } cs2 ? $"前 {T(cs2)}" : null, Ms("cut_end_ms") is { } ce2 ? $"最后 {T(ce2)}" : null }.OfType<string>())}")
                        : ctx.T($"set {Seg()} to play its source from {T(Ms("start_ms") ?? 0)}", $"把 {Seg()} 的入点设为 {T(Ms("start_ms") ?? 0)}");
            case ToolNames.SplitSegment:
                return ctx.T($"split {Seg()} at {T(Ms("at_ms") ?? 0)}", $"在 {T(Ms("at_ms") ?? 0)} 处分割 {Seg()}");
            case ToolNames.SetSpeed:
                return ctx.T($"set {Seg()} to {Num("speed"):0.##}x speed", $"把{Seg()}设为 {Num("speed"):0.##} 倍速");
            case ToolNames.AddText:
            {
                var style = new List<string>();
                if (call.GetString("color") is { } col) style.Add(col);
                if (call.GetString("position") is { } pos) style.Add(pos);
                if (Num("size") is { } sz) style.Add($"{sz:0}px");
                var when = Ms("start_ms") is { } st ? ctx.T($" from {T(st)}", $"，从 {T(st)} 开始") : "";
                var dur = Ms("duration_ms") is { } du ? ctx.T($" for {T(du)}", $"，持续 {T(du)}") : "";
                return ctx.T($"add the text \"{call.GetString("text")}\"{(style.Count > 0 ? $" ({string.Join(", ", style)})" : "")}{when}{dur}",
                    $"添加文字“{call.GetString("text")}”{(style.Count > 0 ? $"（{string.Join("，", style)}）" : "")}{when}{dur}");
            }
            case ToolNames.EditText:
            {
                var changes = new List<string>();
                if (call.GetString("text") is { } tx) changes.Add(ctx.T($"say \"{tx}\"", $"内容改为“{tx}”"));
                if (call.GetString("color") is { } col) changes.Add(ctx.T($"turn {col}", $"颜色改为 {col}"));
                if (Num("size") is { } sz) changes.Add(ctx.T($"be {sz:0}px", $"字号改为 {sz:0}"));
                if (call.GetString("position") is { } pos) changes.Add(ctx.T($"move to the {pos}", $"位置改为 {pos}"));
                if (Ms("duration_ms") is { } du) changes.Add(ctx.T($"show for {T(du)}", $"显示 {T(du)}"));
                if (Ms("start_ms") is { } st) changes.Add(ctx.T($"start at {T(st)}", $"从 {T(st)} 开始"));
                return ctx.T($"make {Seg()} {string.Join(" and ", changes)}", $"把 {Seg()} 的{string.Join("，", changes)}");
            }
            case ToolNames.RemoveText:
                return ctx.T($"remove the text {Seg()}", $"删除文字 {Seg()}");
            case ToolNames.AddMusic:
                return ctx.T($"use {Media()} as background music{(Num("volume") is { } v ? $" at {Pct(v)}" : "")}", $"把 {Media()} 设为背景音乐{(Num("volume") is { } v2 ? $"，音量 {Pct(v2)}" : "")}");
            case ToolNames.SetVolume:
            {
                var target = call.GetString("target") switch { "music" => ctx.T("the music", "背景音乐"), "video" => ctx.T("the video's own sound", "视频原声"), _ => Seg("target") };
                return Num("volume") is 0 ? ctx.T($"mute {target}", $"将{target}静音") : ctx.T($"set {target} to {Pct(Num("volume") ?? 1)}", $"把{target}音量调到 {Pct(Num("volume") ?? 1)}");
            }
            case ToolNames.AddTransition:
                return call.GetString("type") switch
                {
                    "fade-in" => ctx.T("fade the video in from black", "让视频从黑场淡入"),
                    "fade-out" => ctx.T("fade the video out to black", "让视频淡出到黑场"),
                    "none" => ctx.T("remove the transitions", "去掉转场"),
                    var t => ctx.T($"add {t} transitions{(call.GetString("segment") is not null ? $" into {Seg()}" : " between the clips")}", $"{(call.GetString("segment") is not null ? $"在 {Seg()} 入场处" : "在片段之间")}添加 {t} 转场"),
                };
            case ToolNames.SetAspect:
                return ctx.T($"change the canvas to {call.GetString("aspect")}{(call.GetString("platform") is { } p ? $" for {p}" : "")}", $"把画布改为 {call.GetString("aspect")}{(call.GetString("platform") is { } p2 ? $"（{p2}）" : "")}");
            case ToolNames.SetDuration:
                return ctx.T($"fit the video to {T(Ms("duration_ms") ?? 0)}", $"把视频总时长改为 {T(Ms("duration_ms") ?? 0)}");
            case ToolNames.Undo:
                return ctx.T("undo the last change", "撤销上一步");
            case ToolNames.Redo:
                return ctx.T("redo the undone change", "恢复撤销的修改");
            case ToolNames.ShowTimeline:
                return ctx.T("show the tracks", "显示时间线");
            case ToolNames.Credits:
                return ctx.T("check your credits", "查询积分");
            case ToolNames.Export:
            {
                var (w, h) = Execution.Executors.ExportExecutor.Size(ctx.Draft, (int?)Num("height"), null);
                var fmt = (call.GetString("format") ?? "mp4").ToUpperInvariant();
                return ctx.T($"export the video as a {w}x{h} {fmt}", $"导出 {w}x{h} 的 {fmt} 视频");
            }
            default:
                return call.Name;
        }
    }
}
