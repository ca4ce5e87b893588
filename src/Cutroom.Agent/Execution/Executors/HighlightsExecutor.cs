using System.Text.Json.Nodes;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Time;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Engine.Analysis;
using Cutroom.Engine.Highlights;

namespace Cutroom.Agent.Execution.Executors;

/// <summary><c>highlights</c>: <see cref="HighlightsJob"/>; each clip, the reel, highlights.json and a zip recorded.</summary>
internal sealed class HighlightsExecutor : IToolExecutor<HighlightsArgs>
{
    public async Task<ToolOutcome> ExecuteAsync(HighlightsArgs args, ToolContext ctx)
    {
        var input = ExecutorKit.PathOf(ctx, args.Media);
        var (min, max) = HighlightsRequest.ClipLengths(
            args.MinMs is { } minMs ? MediaTime.FromMilliseconds(minMs) : null, args.MaxMs is { } maxMs ? MediaTime.FromMilliseconds(maxMs) : null);
        var folder = ctx.Session.NewWorkFolder("highlights");
        var request = new HighlightsRequest(input, folder)
        {
            Count = args.Count ?? HighlightsRequest.DefaultCount,
            Min = min,
            Max = max,
            Reel = args.Reel == true,
            Mode = args.Mode == "exact" ? ClipMode.Exact : ClipMode.Fast,
            Analysis = ctx.Options.AnalysisMode ?? AnalysisMode.Auto,
        };
        var result = await new HighlightsJob(ctx.Engine).RunAsync(request, ctx.Progress.AsJobProgress(), ctx.CancellationToken);
        var group = ctx.Session.NewGroup();
        var clips = new JsonArray();
        // The clips of one video share its size: the first one's, probed once.
        var (w, h) = await ExecutorKit.SizeAsync(ctx, result.Clips.Count > 0 ? Path.Combine(result.OutputDirectory, result.Clips[0].File) : null);
        foreach (var c in result.Clips.OrderBy(c => c.Rank))
        {
            var g = await ExecutorKit.RecordAsync(ctx, ToolNames.Highlights, group, "video", Path.Combine(result.OutputDirectory, c.File), args.Media, timeMs: c.StartMs, durationMs: c.EndMs - c.StartMs, width: w, height: h);
            clips.Add(new JsonObject { ["id"] = g.Id, ["rank"] = c.Rank, ["start_ms"] = c.StartMs, ["end_ms"] = c.EndMs, ["reasons"] = new JsonArray([.. c.Reasons.Select(r => (JsonNode)r)]) });
        }
        string? reel = null;
        if (result.Reel is { } r) reel = (await ExecutorKit.RecordAsync(ctx, ToolNames.Highlights, group, "video", Path.Combine(result.OutputDirectory, r), args.Media, width: w, height: h)).Id;
        var json = await ExecutorKit.RecordAsync(ctx, ToolNames.Highlights, group, "json", Path.Combine(result.OutputDirectory, "highlights.json"), args.Media);
        var zip = await ExecutorKit.RecordAsync(ctx, ToolNames.Highlights, group, "archive",
            ExecutorKit.Zip(result.Clips.Select(c => Path.Combine(result.OutputDirectory, c.File)), folder + ".zip"), args.Media);
        var name = ExecutorKit.NameOf(ctx.Session, args.Media);
        var ranges = string.Join(", ", result.Clips.OrderBy(c => c.StartMs).Select(c => $"{ExecutorKit.Time(c.StartMs)}-{ExecutorKit.Time(c.EndMs)}"));
        var why = result.Clips.OrderBy(c => c.Rank).First().Reasons is { Count: > 0 } reasons ? reasons[0] : null;
        var n = result.Clips.Count;
        return new ToolOutcome
        {
            Succeeded = true,
            Text = ctx.T(
                $"Saved {n} highlight {(n == 1 ? "clip" : "clips")} of {name} as separate MP4s ({ranges}){(reel is null ? "" : " and a reel of them")}, plus a zip.{(why is null ? "" : $" The best one: {why}.")}",
                $"已从 {name} 提取 {n} 个精彩片段，分别保存为单独的 MP4（{ranges}）{(reel is null ? "" : "，并合成了一个集锦")}，另附压缩包。"),
            Data = new JsonObject { ["clips"] = clips, ["reel"] = reel, ["json"] = json.Id, ["archive"] = zip.Id, ["group"] = group },
        };
    }
}
