using System.Globalization;
using System.Text.Json.Nodes;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Time;
using Cutroom.Engine.ContactSheets;
using Cutroom.Engine.Frames;
using Cutroom.Engine.Thumbnails;

namespace Cutroom.Agent.Execution.Executors;

/// <summary><c>extract_frames</c>: <see cref="FrameExtractor"/>, each image recorded, plus one zip of them.</summary>
internal sealed class ExtractFramesExecutor : IToolExecutor<ExtractFramesArgs>
{
    /// <summary>The selector when the call names none: one frame per second.</summary>
    private static readonly FrameSelector OnePerSecond = new FrameSelector.Rate(new Rational(1, 1));

    public async Task<ToolOutcome> ExecuteAsync(ExtractFramesArgs args, ToolContext ctx)
    {
        var input = ExecutorKit.PathOf(ctx, args.Media);
        var selector = Selector(args);
        var folder = ctx.Session.NewWorkFolder("frames");
        var request = new FramesRequest
        {
            InputPath = input,
            OutputDirectory = folder,
            Selector = selector,
            Format = args.Format switch { "png" => ImageFormat.Png, "webp" => ImageFormat.Webp, _ => ImageFormat.Jpg },
            Width = args.Width,
            Start = args.StartMs is { } s ? MediaTime.FromMilliseconds(s) : null,
            End = args.EndMs is { } e ? MediaTime.FromMilliseconds(e) : null,
        };
        var result = await new FrameExtractor(ctx.Engine).RunAsync(request, ctx.Progress.AsJobProgress(), ctx.CancellationToken);
        var group = ctx.Session.NewGroup();
        var ids = new JsonArray();
        // Every frame of one extraction has the same size: the first one's, probed once.
        var (w, h) = await ExecutorKit.SizeAsync(ctx, result.Frames.Count > 0 ? Path.Combine(result.OutputDirectory, result.Frames[0].File) : null);
        foreach (var f in result.Frames)
        {
            var g = await ExecutorKit.RecordAsync(ctx, ToolNames.ExtractFrames, group, "image", Path.Combine(result.OutputDirectory, f.File), args.Media, timeMs: f.PtsMs, width: w, height: h);
            ids.Add(g.Id);
        }
        var zipPath = ExecutorKit.Zip(result.Frames.Select(f => Path.Combine(result.OutputDirectory, f.File)), folder + ".zip");
        var zip = await ExecutorKit.RecordAsync(ctx, ToolNames.ExtractFrames, group, "archive", zipPath, args.Media);
        var ext = (args.Format ?? "jpg").ToUpperInvariant();
        var name = ExecutorKit.NameOf(ctx.Session, args.Media);
        var n = result.Frames.Count;
        return new ToolOutcome
        {
            Succeeded = true,
            Text = ctx.T($"Extracted {n} {(n == 1 ? "frame" : "frames")} ({selector.Describe()}) from {name} as {ext} images, plus {Path.GetFileName(zipPath)} with all of them.",
                $"已从 {name} 导出 {n} 张 {ext} 图片（{Chinese(selector)}），并打包为 {Path.GetFileName(zipPath)}。"),
            Data = new JsonObject { ["count"] = n, ["group"] = group, ["archive"] = zip.Id, ["frames"] = ids },
        };
    }

    /// <summary>The selector of a call, built by the engine's <see cref="FrameSelection"/> as the command line's is.</summary>
    internal static FrameSelector Selector(ExtractFramesArgs a) => FrameSelection.From(
        every: a.EveryN,
        fps: a.Fps is { } fps ? RateOf(fps) : null,
        at: a.AtMs?.Select(MediaTime.FromMilliseconds).ToList(),
        interval: a.IntervalMs is { } i ? MediaTime.FromMilliseconds(i) : null,
        keyframes: a.Keyframes == true,
        count: a.Count,
        whenNone: OnePerSecond);

    /// <summary>The exact rate of the decimal the model wrote (0.1 → 1/10): the shortest text that reads back as the same double, parsed as a decimal.</summary>
    private static Rational RateOf(double fps) =>
        Rational.TryParse(fps.ToString("R", CultureInfo.InvariantCulture), out var rate) ? rate : Rational.Unknown;

    private static string Chinese(FrameSelector s) => s switch
    {
        FrameSelector.Every e => e.N == 1 ? "每一帧" : $"每隔 {e.N} 帧",
        FrameSelector.Rate r => $"每秒 {r.FramesPerSecond.ToDouble():0.###} 帧",
        FrameSelector.At a => $"{a.Times.Count} 个时间点",
        FrameSelector.Interval i => $"每 {i.Spacing.TotalSeconds:0.###} 秒一帧",
        FrameSelector.Keyframes => "关键帧",
        FrameSelector.Count c => $"均匀取 {c.N} 帧",
        _ => "",
    };
}

/// <summary><c>thumbnail</c>: the best frame (<see cref="ThumbnailPicker"/>) or the frame at a time (a <see cref="FramesRequest"/> with one time).</summary>
internal sealed class ThumbnailExecutor : IToolExecutor<ThumbnailArgs>
{
    public async Task<ToolOutcome> ExecuteAsync(ThumbnailArgs args, ToolContext ctx)
    {
        var input = ExecutorKit.PathOf(ctx, args.Media);
        var folder = ctx.Session.NewWorkFolder("thumbnail");
        Directory.CreateDirectory(folder);
        var name = ExecutorKit.NameOf(ctx.Session, args.Media);
        var group = ctx.Session.NewGroup();
        string file;
        long timeMs;
        if (args.AtMs is { } at)
        {
            var request = new FramesRequest
            {
                InputPath = input,
                OutputDirectory = Path.Combine(folder, "frame"),
                Selector = FrameSelection.From(at: [MediaTime.FromMilliseconds(at)]),
            };
            var r = await new FrameExtractor(ctx.Engine).RunAsync(request, ctx.Progress.AsJobProgress(), ctx.CancellationToken);
            var f = r.Frames[0];
            file = Path.Combine(folder, "thumbnail.jpg");
            File.Move(Path.Combine(r.OutputDirectory, f.File), file);
            timeMs = f.PtsMs;
        }
        else
        {
            var request = new ThumbnailRequest { InputPath = input, OutputPath = Path.Combine(folder, "thumbnail.jpg") };
            var r = await new ThumbnailPicker(ctx.Engine).RunAsync(request, ctx.Progress.AsJobProgress(), ctx.CancellationToken);
            file = r.File;
            timeMs = r.PtsMs;
        }
        var (tw, th) = await ExecutorKit.SizeAsync(ctx, file);
        var g = await ExecutorKit.RecordAsync(ctx, ToolNames.Thumbnail, group, "image", file, args.Media, timeMs: timeMs, width: tw, height: th);
        return new ToolOutcome
        {
            Succeeded = true,
            Text = ctx.T($"Made a thumbnail of {name} from the frame at {ExecutorKit.Time(timeMs)}.", $"已为 {name} 生成封面图（取自 {ExecutorKit.Time(timeMs)} 处的画面）。"),
            Data = new JsonObject { ["image"] = g.Id, ["time_ms"] = timeMs, ["group"] = group },
        };
    }
}

/// <summary><c>contact_sheet</c>: <see cref="ContactSheetMaker"/>.</summary>
internal sealed class ContactSheetExecutor : IToolExecutor<ContactSheetArgs>
{
    public async Task<ToolOutcome> ExecuteAsync(ContactSheetArgs args, ToolContext ctx)
    {
        var input = ExecutorKit.PathOf(ctx, args.Media);
        var folder = ctx.Session.NewWorkFolder("contact-sheet");
        Directory.CreateDirectory(folder);
        var request = new ContactSheetRequest { InputPath = input, OutputPath = Path.Combine(folder, "contact-sheet.jpg") };
        if (args.Cols is { } cols) request = request with { Columns = cols };
        if (args.Rows is { } rows) request = request with { Rows = rows };
        var r = await new ContactSheetMaker(ctx.Engine).RunAsync(request, ctx.Progress.AsJobProgress(), ctx.CancellationToken);
        var group = ctx.Session.NewGroup();
        var g = await ExecutorKit.RecordAsync(ctx, ToolNames.ContactSheet, group, "image", r.File, args.Media, width: r.Width, height: r.Height);
        var name = ExecutorKit.NameOf(ctx.Session, args.Media);
        return new ToolOutcome
        {
            Succeeded = true,
            Text = ctx.T($"Made a {request.Columns}x{request.Rows} contact sheet of {name} ({r.Frames.Count} frames with their times).",
                $"已生成 {name} 的 {request.Columns}x{request.Rows} 缩略图网格（{r.Frames.Count} 帧，标有时间）。"),
            Data = new JsonObject { ["image"] = g.Id, ["frames"] = r.Frames.Count, ["group"] = group },
        };
    }
}
