using Cutroom.Contract.Errors;
using Cutroom.Contract.Output;
using System.Text.Json.Nodes;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Time;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Engine.Analysis;
using Cutroom.Engine.Convert;
using Cutroom.Engine.Encoding;
using Cutroom.Engine.Trim;
using Cutroom.Timeline.Edits;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Execution.Executors;

/// <summary>
/// <c>trim</c>: <see cref="TrimJob"/> into a generated clip. Without times, the dead head and
/// tail are cut: black or frozen pictures touching the start or the end (from the cached
/// analysis); when there are none, no clip is made and nothing is charged. When the draft's video tracks hold only this media in one segment, that segment
/// is trimmed to the same source range, so a following export is the clip.
/// </summary>
internal sealed class TrimExecutor : IToolExecutor<TrimArgs>
{
    /// <summary>A dead stretch must touch the end within this (ms).</summary>
    private const long EdgeMs = 100;

    public async Task<ToolOutcome> ExecuteAsync(TrimArgs args, ToolContext ctx)
    {
        var input = ExecutorKit.PathOf(ctx, args.Media);
        var info = await ctx.Engine.Prober.ProbeAsync(input, measureFrames: false, ctx.CancellationToken);
        var duration = info.DurationMs ?? 0;
        long start, end;
        var auto = args.StartMs is null && args.EndMs is null;
        if (auto)
        {
            var record = await new MediaAnalyzer(ctx.Engine).AnalyzeAsync(info, new AnalysisOptions { Mode = ctx.Options.AnalysisMode ?? AnalysisMode.Auto }, null, ctx.CancellationToken);
            (start, end) = LiveRange(record, duration);
        }
        else
        {
            start = args.StartMs ?? 0;
            end = Math.Min(args.EndMs ?? duration, duration);
        }
        var name = ExecutorKit.NameOf(ctx.Session, args.Media);
        if (auto && start == 0 && end >= duration)
            // Nothing dead at either end: a copy of the whole video is not a trimmed clip, so none is made and nothing is charged.
            return new ToolOutcome
            {
                Succeeded = true,
                Credits = 0,
                Text = ctx.T($"Found nothing dead at the ends of {name} (no black or frozen start or end), so there was nothing to cut and no new clip was made. Say a range such as \"from 0:10 to 0:30\" to cut.",
                    $"{name} 的首尾没有黑屏或静止画面，无需剪辑，没有生成新片段。可以说“从0:10到0:30”来剪辑。"),
                Data = new JsonObject { ["start_ms"] = 0, ["end_ms"] = duration, ["duration_ms"] = duration, ["trimmed"] = false },
            };
        if (end <= start)
            throw new JobInputException(JobErrorCodes.OutOfRange, JobFields.Start,
                ctx.T($"{name} is only {ExecutorKit.Time(duration)} long; nothing is left between {ExecutorKit.Time(start)} and {ExecutorKit.Time(end)}",
                    $"{name} 只有 {ExecutorKit.Time(duration)}，{ExecutorKit.Time(start)} 到 {ExecutorKit.Time(end)} 之间没有内容"));

        var folder = ctx.Session.NewWorkFolder("trim");
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}_{start}-{end}ms.mp4");
        var request = new TrimRequest(input, MediaTime.FromMilliseconds(start), MediaTime.FromMilliseconds(end), output) { Mode = args.Mode == "fast" ? TrimMode.Fast : TrimMode.Exact };
        var result = await new TrimJob(ctx.Engine).RunAsync(request, ctx.Progress.AsJobProgress(), ctx.CancellationToken);
        var g = await ExecutorKit.RecordAsync(ctx, ToolNames.Trim, ctx.Session.NewGroup(), "video", result.OutputPath, args.Media,
            timeMs: result.StartMs, durationMs: result.DurationMs, width: result.Width, height: result.Height);

        var draft = TrimDraft(ctx.Session.Draft, args.Media, start, end);
        var what = auto
            ? ctx.T($"Cut the black/frozen ends of {name}: kept {ExecutorKit.Time(start)}-{ExecutorKit.Time(end)} ({ExecutorKit.Time(result.DurationMs)}).",
                    $"已去掉 {name} 首尾的黑屏/静止画面：保留 {ExecutorKit.Time(start)}-{ExecutorKit.Time(end)}（{ExecutorKit.Time(result.DurationMs)}）。")
            : ctx.T($"Trimmed {name} to {ExecutorKit.Time(result.StartMs)}-{ExecutorKit.Time(result.EndMs)} ({ExecutorKit.Time(result.DurationMs)}) as a new MP4.",
                $"已将 {name} 剪成 {ExecutorKit.Time(result.StartMs)}-{ExecutorKit.Time(result.EndMs)}（{ExecutorKit.Time(result.DurationMs)}），另存为新的 MP4。");
        if (draft is not null) what += ctx.T(" The timeline was trimmed to the same range.", "时间线也已剪成同样的范围。");
        return new ToolOutcome
        {
            Succeeded = true,
            Text = what,
            NewDraft = draft,
            DraftChanged = draft is not null,
            Data = new JsonObject { ["video"] = g.Id, ["start_ms"] = result.StartMs, ["end_ms"] = result.EndMs, ["duration_ms"] = result.DurationMs },
        };
    }

    /// <summary>The range between the dead (black or frozen) stretches touching the start and the end.</summary>
    internal static (long Start, long End) LiveRange(AnalysisRecord record, long durationMs)
    {
        var dead = record.Black.Concat(record.Frozen).OrderBy(r => r.StartMs).ToList();
        long start = 0;
        foreach (var r in dead.Where(r => r.StartMs <= start + EdgeMs)) start = Math.Max(start, r.EndMs);
        var end = durationMs;
        foreach (var r in dead.OrderByDescending(r => r.EndMs).Where(r => r.EndMs >= end - EdgeMs)) end = Math.Min(end, r.StartMs);
        return end - start >= 1000 ? (start, end) : (0, durationMs);
    }

    /// <summary>The draft trimmed to the range when its video tracks hold only this media, in one segment; else null.</summary>
    internal static Draft? TrimDraft(Draft draft, string media, long start, long end)
    {
        var video = draft.Tracks.Where(t => t.Type == TrackType.Video).SelectMany(t => t.Segments).ToList();
        if (video.Count != 1 || video[0].Src != media) return null;
        if (video[0].InPointMs == start && video[0].OutPointMs == end) return null;
        var r = draft.TrimSegment(video[0].Id, start, end);
        return r.Draft;
    }
}

/// <summary><c>convert</c>: <see cref="ConvertJob"/> (H.264/AAC MP4 by default); a height the user names is given, scaled up when the source is smaller.</summary>
internal sealed class ConvertExecutor : IToolExecutor<ConvertArgs>
{
    public async Task<ToolOutcome> ExecuteAsync(ConvertArgs args, ToolContext ctx)
    {
        var input = ExecutorKit.PathOf(ctx, args.Media);
        var format = args.Format switch { "webm" => OutputFormat.Webm, "mov" => OutputFormat.Mov, _ => OutputFormat.Mp4 };
        var quality = args.Quality switch { "low" => OutputQuality.Low, "high" => OutputQuality.High, _ => OutputQuality.Medium };
        var name = ExecutorKit.NameOf(ctx.Session, args.Media);
        var folder = ctx.Session.NewWorkFolder("convert");
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}{(args.Height is { } h ? $"-{h}p" : "")}{format.Extension()}");
        // A size the user names is given (scaled up with a sharp filter when the source is smaller); only sizes over the limits are refused.
        var r = await new ConvertJob(ctx.Engine).RunAsync(new ConvertRequest(input, output) { Height = args.Height, Upscale = args.Height is not null, Format = format, Quality = quality }, ctx.Progress.AsJobProgress(), ctx.CancellationToken);
        var g = await ExecutorKit.RecordAsync(ctx, ToolNames.Convert, ctx.Session.NewGroup(), "video", r.OutputPath, args.Media, durationMs: r.DurationMs, width: r.Width, height: r.Height);
        var note = r.UpscaleRefused
            ? ctx.T($" It stays {r.Height}p: the source is smaller and is never upscaled.", $"源视频较小，不会放大，保持 {r.Height}p。")
            : r.Height > r.SourceHeight
                ? ctx.T($" The source is {r.SourceHeight}p, so it was scaled up (Lanczos) to the {r.Height}p you asked for; it has no more detail than the source.",
                    $"源视频只有 {r.SourceHeight}p，已按您的要求用 Lanczos 放大到 {r.Height}p（细节不会多于源视频）。")
                : "";
        return new ToolOutcome
        {
            Succeeded = true,
            Text = ctx.T($"Converted {name} to a {r.Width}x{r.Height} {format.ToString().ToUpperInvariant()} ({ExecutorKit.Time(r.DurationMs)}).{note}",
                $"已将 {name} 转换为 {r.Width}x{r.Height} 的 {format.ToString().ToUpperInvariant()}（{ExecutorKit.Time(r.DurationMs)}）。{note}"),
            Data = new JsonObject { ["video"] = g.Id, ["width"] = r.Width, ["height"] = r.Height, ["duration_ms"] = r.DurationMs },
        };
    }
}
