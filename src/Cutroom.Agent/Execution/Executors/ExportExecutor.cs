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
/// the session's files). A smaller output height (the call's <c>height</c> or the setting
/// <see cref="AgentOptions.MaxExportHeight"/>) scales the canvas, text sizes, outlines and margins.
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
        var height = new[] { args.Height, ctx.Options.MaxExportHeight }.Where(h => h is not null).Select(h => h!.Value).DefaultIfEmpty(int.MaxValue).Min();
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

    /// <summary>The draft scaled so that its canvas is at most <paramref name="maxHeight"/> tall (even sizes; texts, outlines and margins follow).</summary>
    internal static Draft Scale(Draft draft, int maxHeight)
    {
        if (draft.Height <= maxHeight) return draft;
        var f = (double)maxHeight / draft.Height;
        static int Even(double v) => Math.Max(2, (int)Math.Round(v / 2) * 2);
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
