using System.Text.Json.Nodes;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Engine.ContactSheets;
using Cutroom.Engine.Frames;
using Cutroom.Engine.Thumbnails;
using Cutroom.Contract.Time;

namespace Cutroom.Agent.Execution.Executors;

/// <summary><c>extract_frames</c>: <see cref="FrameExtractor"/>, each image recorded, plus one zip of them.</summary>
internal sealed class ExtractFramesExecutor : IToolExecutor<ExtractFramesArgs>
{
    public async Task<ToolOutcome> ExecuteAsync(ExtractFramesArgs args, ToolContext ctx)
    {
        var input = ExecutorKit.PathOf(ctx, args.Media);
        var selector = Selector(args);
        var options = new FrameExtractionOptions
        {
            Selector = selector,
            Format = args.Format switch { "png" => ImageFormat.Png, "webp" => ImageFormat.Webp, _ => ImageFormat.Jpg },
            Width = args.Width,
            StartUs = args.StartMs * 1000,
            EndUs = args.EndMs * 1000,
        };
        var folder = ctx.Session.NewWorkFolder("frames");
        var result = await new FrameExtractor(ctx.Engine).ExtractAsync(input, folder, options, ctx.Progress, ctx.CancellationToken);
        var group = ctx.Session.NewGroup();
        var ids = new JsonArray();
        foreach (var f in result.Frames)
        {
            var g = await ExecutorKit.RecordAsync(ctx, ToolNames.ExtractFrames, group, "image", Path.Combine(result.OutputDirectory, f.File), args.Media, timeMs: f.PtsMs);
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

    internal static FrameSelector Selector(ExtractFramesArgs a) =>
        a.EveryN is { } n ? new FrameSelector.Every(n)
        : a.Fps is { } fps ? new FrameSelector.Rate(new Rational((long)Math.Round(fps * 1000), 1000))
        : a.AtMs is { } at ? new FrameSelector.At([.. at.Select(t => t * 1000)])
        : a.IntervalMs is { } i ? new FrameSelector.Interval(i * 1000)
        : a.Keyframes == true ? new FrameSelector.Keyframes()
        : a.Count is { } c ? new FrameSelector.Count(c)
        : new FrameSelector.Rate(new Rational(1, 1));

    private static string Chinese(FrameSelector s) => s switch
    {
        FrameSelector.Every e => e.N == 1 ? "每一帧" : $"每隔 {e.N} 帧",
        FrameSelector.Rate r => $"每秒 {r.FramesPerSecond.ToDouble():0.###} 帧",
        FrameSelector.At a => $"{a.TimesUs.Count} 个时间点",
        FrameSelector.Interval i => $"每 {i.IntervalUs / 1e6:0.###} 秒一帧",
        FrameSelector.Keyframes => "关键帧",
        FrameSelector.Count c => $"均匀取 {c.N} 帧",
        _ => "",
    };
}

/// <summary><c>thumbnail</c>: the best frame (<see cref="ThumbnailPicker"/>) or the frame at a time.</summary>
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
            var r = await new FrameExtractor(ctx.Engine).ExtractAsync(input, Path.Combine(folder, "frame"),
                new FrameExtractionOptions { Selector = new FrameSelector.At([at * 1000]) }, ctx.Progress, ctx.CancellationToken);
            var f = r.Frames[0];
            file = Path.Combine(folder, "thumbnail.jpg");
            File.Move(Path.Combine(r.OutputDirectory, f.File), file);
            timeMs = f.PtsMs;
        }
        else
        {
            var r = await new ThumbnailPicker(ctx.Engine).PickAsync(input, Path.Combine(folder, "thumbnail.jpg"), progress: ctx.Progress, cancellationToken: ctx.CancellationToken);
            file = r.File;
            timeMs = r.PtsMs;
        }
        var g = await ExecutorKit.RecordAsync(ctx, ToolNames.Thumbnail, group, "image", file, args.Media, timeMs: timeMs);
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
        var options = new ContactSheetOptions { Columns = args.Cols ?? 4, Rows = args.Rows ?? 4 };
        var r = await new ContactSheetMaker(ctx.Engine).MakeAsync(input, Path.Combine(folder, "contact-sheet.jpg"), options, ctx.Progress, ctx.CancellationToken);
        var group = ctx.Session.NewGroup();
        var g = await ExecutorKit.RecordAsync(ctx, ToolNames.ContactSheet, group, "image", r.File, args.Media, width: r.Width, height: r.Height);
        var name = ExecutorKit.NameOf(ctx.Session, args.Media);
        return new ToolOutcome
        {
            Succeeded = true,
            Text = ctx.T($"Made a {options.Columns}x{options.Rows} contact sheet of {name} ({r.Frames.Count} frames with their times).",
                $"已生成 {name} 的 {options.Columns}x{options.Rows} 缩略图网格（{r.Frames.Count} 帧，标有时间）。"),
            Data = new JsonObject { ["image"] = g.Id, ["frames"] = r.Frames.Count, ["group"] = group },
        };
    }
}
