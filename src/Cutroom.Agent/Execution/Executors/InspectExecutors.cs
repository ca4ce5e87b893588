using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cutroom.Contract.Jobs;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Engine.Analysis;
using Cutroom.Engine.Common;
using Cutroom.Engine.Summary;
using Cutroom.FFmpeg.Probe;

namespace Cutroom.Agent.Execution.Executors;

/// <summary><c>probe</c>: the metadata in a sentence (the asked fields first) and as JSON (also saved as <c>metadata.json</c>).</summary>
internal sealed class ProbeExecutor : IToolExecutor<ProbeArgs>
{
    public async Task<ToolOutcome> ExecuteAsync(ProbeArgs args, ToolContext ctx)
    {
        var input = ExecutorKit.PathOf(ctx, args.Media);
        var info = await ctx.Engine.Prober.ProbeAsync(input, measureFrames: false, ctx.CancellationToken);
        var name = ExecutorKit.NameOf(ctx.Session, args.Media);
        var data = Metadata(info);
        var folder = ctx.Session.NewWorkFolder("probe");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "metadata.json");
        using (var staging = OutputStaging.ForFile(file))
        {
            await File.WriteAllTextAsync(staging.TempPath, data.ToJsonString(new JsonSerializerOptions(AgentJson.Options) { WriteIndented = true }), ctx.CancellationToken);
            staging.Commit();
        }
        var g = await ExecutorKit.RecordAsync(ctx, ToolNames.Probe, ctx.Session.NewGroup(), "json", file, args.Media);
        data["file"] = g.Id;
        return new ToolOutcome { Succeeded = true, Text = Sentence(info, name, args.Fields ?? [], ctx), Data = data };
    }

    internal static JsonObject Metadata(MediaInfo info)
    {
        var o = new JsonObject { ["container"] = info.FormatName, ["duration_ms"] = info.DurationMs, ["size_bytes"] = info.SizeBytes, ["bit_rate"] = info.BitRate };
        if (info.Video is { } v)
        {
            o["video_codec"] = v.Codec;
            o["width"] = v.DisplayWidth;
            o["height"] = v.DisplayHeight;
            if (v.FrameRate.IsPositive && !info.IsStillImage) o["fps"] = Math.Round(v.FrameRate.ToDouble(), 3);
            if (v.RotationDegrees != 0) o["rotation"] = v.RotationDegrees;
            if (v.FrameCount is { } n) o["frames"] = n;
            o["pixel_format"] = v.PixelFormat;
        }
        if (info.Audio is { } a)
        {
            o["audio_codec"] = a.Codec;
            o["sample_rate_hz"] = a.SampleRateHz;
            o["channels"] = a.Channels;
        }
        o["has_audio"] = info.Audio is not null;
        if (info.CreationTime is { } c) o["creation_time"] = c.ToString("o", CultureInfo.InvariantCulture);
        foreach (var key in o.Where(p => p.Value is null).Select(p => p.Key).ToList()) o.Remove(key);
        return o;
    }

    private static string Sentence(MediaInfo info, string name, IReadOnlyList<string> fields, ToolContext ctx)
    {
        var v = info.Video;
        var parts = new List<(string Field, string En, string Zh)>();
        if (v is not null) parts.Add(("resolution", $"{v.DisplayWidth}x{v.DisplayHeight}", $"分辨率 {v.DisplayWidth}x{v.DisplayHeight}"));
        if (info.DurationMs is { } d && !info.IsStillImage) parts.Add(("duration", $"{ExecutorKit.Time(d)} long", $"时长 {ExecutorKit.Time(d)}"));
        if (v is not null && v.FrameRate.IsPositive && !info.IsStillImage)
            parts.Add(("fps", string.Create(CultureInfo.InvariantCulture, $"{v.FrameRate.ToDouble():0.###} fps"), string.Create(CultureInfo.InvariantCulture, $"帧率 {v.FrameRate.ToDouble():0.###} fps")));
        if (v is not null) parts.Add(("codec", $"{v.Codec} video", $"视频编码 {v.Codec}"));
        parts.Add(("audio", info.Audio is { } a ? $"{a.Codec} audio ({a.SampleRateHz} Hz, {a.Channels} ch)" : "no sound",
            info.Audio is { } b ? $"音频 {b.Codec}（{b.SampleRateHz} Hz，{b.Channels} 声道）" : "无声音"));
        parts.Add(("size", string.Create(CultureInfo.InvariantCulture, $"{info.SizeBytes / 1e6:0.#} MB"), string.Create(CultureInfo.InvariantCulture, $"大小 {info.SizeBytes / 1e6:0.#} MB")));
        if (info.BitRate is { } br) parts.Add(("bitrate", $"{br / 1000} kb/s", $"码率 {br / 1000} kb/s"));
        if (v is { RotationDegrees: not 0 }) parts.Add(("rotation", $"rotated {v.RotationDegrees}°", $"旋转 {v.RotationDegrees}°"));
        var ordered = parts.OrderBy(p => fields.Contains(p.Field) ? 0 : 1).ToList();
        return ctx.T($"{name}: {string.Join(", ", ordered.Select(p => p.En))}.", $"{name}：{string.Join("，", ordered.Select(p => p.Zh))}。");
    }
}

/// <summary><c>summarize</c>: <see cref="SummaryJob"/>; summary.json, storyboard and a zip of every summary file.</summary>
internal sealed class SummarizeExecutor : IToolExecutor<SummarizeArgs>
{
    public async Task<ToolOutcome> ExecuteAsync(SummarizeArgs args, ToolContext ctx)
    {
        var input = ExecutorKit.PathOf(ctx, args.Media);
        var folder = ctx.Session.NewWorkFolder("summary");
        var request = new SummaryRequest(input, folder) { Analysis = ctx.Options.AnalysisMode ?? AnalysisMode.Auto };
        var doc = await new SummaryJob(ctx.Engine).RunAsync(request, ctx.Progress.AsJobProgress(), ctx.CancellationToken);
        var group = ctx.Session.NewGroup();
        var json = await ExecutorKit.RecordAsync(ctx, ToolNames.Summarize, group, "json", Path.Combine(folder, "summary.json"), args.Media, durationMs: doc.Metadata.DurationMs);
        string? board = null;
        if (doc.Storyboard is { } sb) board = (await ExecutorKit.RecordAsync(ctx, ToolNames.Summarize, group, "image", Path.Combine(folder, sb), args.Media)).Id;
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var zip = await ExecutorKit.RecordAsync(ctx, ToolNames.Summarize, group, "archive", ExecutorKit.Zip(files, folder + ".zip"), args.Media);
        var name = ExecutorKit.NameOf(ctx.Session, args.Media);
        var speech = doc.SpeechShare is { } s ? string.Create(CultureInfo.InvariantCulture, $"，约 {s * 100:0}% 为语音") : "";
        return new ToolOutcome
        {
            Succeeded = true,
            Text = ctx.T($"Summary of {name}: {doc.Description}",
                $"{name} 的摘要：时长 {ExecutorKit.Time(doc.Metadata.DurationMs)}，{doc.Shots.Count} 个镜头，分为 {doc.Chapters.Count} 个章节{speech}。详见 summary.md 和故事板。"),
            Data = new JsonObject
            {
                ["summary"] = json.Id, ["storyboard"] = board, ["archive"] = zip.Id, ["group"] = group,
                ["chapters"] = doc.Chapters.Count, ["shots"] = doc.Shots.Count, ["description"] = doc.Description,
            },
        };
    }
}
