using System.Globalization;
using System.Text.Json.Nodes;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Output;
using Cutroom.Engine.Render;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Execution.Executors;

/// <summary>
/// <c>export</c>: renders the current draft with <see cref="DraftRenderer"/> (media ids resolved to
/// the session's files) at the size of <see cref="Size"/>: the height asked for, else 1080p; a
/// different height scales the canvas, text sizes, outlines and margins.
/// The session's draft enters the renderer here, checked once (<see cref="RenderableDraft"/>).
/// </summary>
internal sealed class ExportExecutor : IToolExecutor<ExportArgs>
{
    public async Task<ToolOutcome> ExecuteAsync(ExportArgs args, ToolContext ctx)
    {
        var draft = ctx.Session.Draft;
        if (draft.Tracks.All(t => t.Segments.IsDefaultOrEmpty))
            return ToolOutcome.Failed(ctx.T("The timeline is empty: upload a video or photos first.", "时间线是空的：请先上传视频或图片。"));
        var format = args.Format switch { "webm" => OutputFormat.Webm, "mov" => OutputFormat.Mov, "gif" => OutputFormat.Gif, _ => OutputFormat.Mp4 };
        var quality = (args.Quality ?? ctx.Options.DefaultExportQuality) switch { "low" => OutputQuality.Low, "medium" => OutputQuality.Medium, _ => OutputQuality.High };
        var (_, height) = Size(draft, args.Height, ctx.Options.MaxExportHeight);
        var render = RenderableDraft.From(Scale(draft, height));
        var folder = ctx.Session.NewWorkFolder("export");
        Directory.CreateDirectory(folder);
        var title = string.IsNullOrWhiteSpace(draft.Meta.Title) ? "export" : string.Concat(draft.Meta.Title.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_'));
        var output = Path.Combine(folder, (title.Length == 0 ? "export" : title) + format.Extension());
        var r = await new DraftRenderer(ctx.Engine).RunAsync(new DraftRenderRequest(render, output, ctx.Session.PathOf) { Spec = OutputSpecs.ForRender(format, quality) },
            ctx.Progress.AsJobProgress(), ctx.CancellationToken);
        var g = await ExecutorKit.RecordAsync(ctx, ToolNames.Export, ctx.Session.NewGroup(), format == OutputFormat.Gif ? "image" : "video", r.File, null,
            durationMs: r.DurationMs, width: r.Width, height: r.Height);
        var mb = (r.SizeBytes / 1e6).ToString("0.#", CultureInfo.InvariantCulture);
        return new ToolOutcome
        {
            Succeeded = true,
            Text = ctx.T($"Exported {Path.GetFileName(r.File)}: {r.Width}x{r.Height}, {ExecutorKit.Time(r.DurationMs)}, {mb} MB.",
                $"已导出 {Path.GetFileName(r.File)}：{r.Width}x{r.Height}，{ExecutorKit.Time(r.DurationMs)}，{mb} MB。"),
            Data = new JsonObject { ["video"] = g.Id, ["width"] = r.Width, ["height"] = r.Height, ["duration_ms"] = r.DurationMs, ["size_bytes"] = r.SizeBytes },
        };
    }

    /// <summary>
    /// The size an export of <paramref name="draft"/> will have (pixels, even): the height the user
    /// asked for, else 1080p (the seeds promise 1080p results: a smaller canvas is scaled up until its
    /// short side is 1080), never over the draft limits (1920 on the long side, 1080 on the short),
    /// then at most <paramref name="maxHeight"/> tall (a setting; tests keep renders small).
    /// </summary>
    /// <param name="draft">The draft.</param>
    /// <param name="requestedHeight">The height the user named (<c>export 720p</c>), or null.</param>
    /// <param name="maxHeight"><see cref="AgentOptions.MaxExportHeight"/>.</param>
    internal static (int Width, int Height) Size(Draft draft, int? requestedHeight, int? maxHeight)
    {
        double w = draft.Width, h = draft.Height;
        var f = requestedHeight is { } r ? r / h : Math.Max(1, DraftLimits.MaxShortSide / Math.Min(w, h));
        f = Math.Min(f, Math.Min(DraftLimits.MaxLongSide / Math.Max(w, h), DraftLimits.MaxShortSide / Math.Min(w, h)));
        if (maxHeight is { } m) f = Math.Min(f, m / h);
        return f == 1 ? (draft.Width, draft.Height) : (Even(w * f), Even(h * f));
    }

    private static int Even(double v) => Math.Max(2, (int)Math.Round(v / 2) * 2);

    /// <summary>The draft scaled so that its canvas is <paramref name="height"/> tall (even sizes; texts, outlines and margins follow).</summary>
    internal static Draft Scale(Draft draft, int height)
    {
        if (draft.Height == height) return draft;
        var f = (double)height / draft.Height;
        return draft with
        {
            Width = Even(draft.Width * f),
            Height = Even(draft.Height * f),
            Tracks = [.. draft.Tracks.Select(t => t with
            {
                Segments = [.. t.Segments.Select(s => s with
                {
                    Meta = s.Meta with { Size = s.Meta.Size * f, Outline = s.Meta.Outline * f, Margin = s.Meta.Margin * f },
                })],
            })],
        };
    }
}
