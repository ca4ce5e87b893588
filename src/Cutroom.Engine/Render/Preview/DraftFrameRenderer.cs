using Cutroom.Contract.Jobs;
using Cutroom.Engine.Common;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Engine.Render.Preview;

/// <summary>A frame of a draft, as a JPEG.</summary>
/// <param name="File">The JPEG.</param>
/// <param name="Frame">The timeline frame shown (from 0).</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record DraftFrameResult(string File, long Frame, int Width, int Height);

/// <summary>
/// Renders one frame of a draft for scrubbing, with the renderer's own graph for a window holding that
/// frame: the frame itself, or the whole transition it is in (a window never cuts a transition), so a
/// frame costs at most a transition's frames of work, not a render.
/// </summary>
public sealed class DraftFrameRenderer(EngineContext ctx) : IJob<DraftFrameRequest, DraftFrameResult>
{
    /// <summary>Writes the frame at <see cref="DraftFrameRequest.At"/> to <see cref="DraftFrameRequest.OutputFile"/>.</summary>
    /// <exception cref="Cutroom.Contract.Errors.JobInputException">The request is invalid (<c>at</c> outside the draft, a height out of range).</exception>
    /// <exception cref="RenderInputException">A media id or file is missing or cannot be where the draft puts it.</exception>
    /// <exception cref="FFmpegException">ffmpeg failed or wrote no picture.</exception>
    public async Task<DraftFrameResult> RunAsync(DraftFrameRequest request, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.ThrowIfInvalid();
        var renderable = request.Height is { } h ? DraftPreview.Scaled(request.Draft, h) : request.Draft;
        var draft = renderable.Draft;
        var clock = new TimelineClock(draft.Fps);
        var total = clock.Frames(draft.DurationMs);
        var frame = Math.Clamp(request.At.ToFrameIndex(clock.Rate), 0, total - 1);
        // A frame inside a transition (its first frame included) is rendered with the whole transition: a window never cuts one.
        var window = new FrameWindow(frame, 1);
        foreach (var t in TrackRuns.Transitions(clock, draft).Where(t => t.Start <= frame && frame < t.End))
            window = FrameWindow.FromFirstEnd(Math.Min(window.First, t.Start), Math.Max(window.End, t.End));

        var render = new DraftRenderRequest(renderable, request.OutputFile, request.ResolveMedia) { Spec = DraftPreview.Spec, AllowChunks = false };
        var sources = await SourceCatalog.LoadAsync(draft, request.ResolveMedia, ctx, cancellationToken);
        var work = Path.Combine(Path.GetTempPath(), "cutroom-frame-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        try
        {
            sources.Prepared = await PreparedStills.PrepareAsync(draft, sources, ctx, work, cancellationToken);
            using var staging = OutputStaging.ForFile(request.OutputFile);
            var renderer = new DraftRenderer(ctx);
            await renderer.RenderPassAsync(render, sources, window, RenderParts.Frame, work, staging.TempPath, [], null, cancellationToken,
                frameInWindow: frame - window.First);
            if (!File.Exists(staging.TempPath) || new FileInfo(staging.TempPath).Length == 0)
                throw FFmpegException.InvalidOutput("the frame was not written");
            staging.Commit();
            return new DraftFrameResult(staging.FinalPath, frame, draft.Width, draft.Height);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }
}
