using System.Diagnostics;
using System.Globalization;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Output;
using Cutroom.Contract.Time;
using Cutroom.Engine.Common;
using Cutroom.Engine.Encoding;
using Cutroom.Engine.Render.Chunks;
using Cutroom.Engine.Render.Motion;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;

namespace Cutroom.Engine.Render;

/// <summary>
/// Renders a draft (the session's timeline) to a video file. Each pass is ONE ffmpeg invocation whose
/// <c>-filter_complex</c> graph is built from typed objects for a window of the timeline's frames:
/// video tracks stacked bottom to top over the background, transitions with <c>xfade</c>, overlays,
/// texts with <c>drawtext</c>, and the soundtrack mixed and loudness-normalised.
/// <para>
/// An H.264 render (MP4, MOV) of more than a few seconds is split into chunks
/// (<see cref="RenderChunkPlanner"/>): each chunk is rendered as its own pass to a closed-GOP H.264
/// piece with the same encoder settings, several at once (<see cref="RenderChunkOptions.Concurrency"/>),
/// the soundtrack is rendered once for the whole timeline, and the pieces are joined with the concat
/// demuxer and stream copy. With a <see cref="EngineContext.RenderCache"/>, pieces are kept under
/// their <see cref="RenderChunkKey"/> and a later render reuses every piece whose key did not change
/// (a render after an edit renders only the chunks the edit touched). GIF and WebM render in one pass.
/// </para>
/// The output is written under a temporary name, verified by probing it once (a picture, sound unless
/// GIF, a duration), then renamed; the probe is returned with the result.
/// </summary>
public sealed class DraftRenderer : IJob<DraftRenderRequest, RenderResult>
{
    /// <summary>Graphs longer than this (characters) go to a <c>-filter_complex_script</c> file.</summary>
    private const int InlineGraphLimit = 8_000;

    private readonly EngineContext _ctx;

    /// <summary>Creates the renderer over an engine context.</summary>
    public DraftRenderer(EngineContext ctx) => _ctx = ctx;

    /// <summary>Renders <see cref="DraftRenderRequest.Draft"/> to <see cref="DraftRenderRequest.OutputFile"/>.</summary>
    /// <param name="request">The checked draft, media, output and mix.</param>
    /// <param name="progress">Progress 0..1 while encoding (stage <c>rendering</c>).</param>
    /// <param name="cancellationToken">Stops ffmpeg; nothing is left behind.</param>
    /// <exception cref="Cutroom.Contract.Errors.JobInputException">The request is invalid (output, loudness target, background).</exception>
    /// <exception cref="RenderInputException">A media id or file is missing or cannot be where the draft puts it (with JSON paths).</exception>
    /// <exception cref="FFmpegException">ffmpeg failed, or the output did not verify (<c>output_invalid</c>).</exception>
    public async Task<RenderResult> RunAsync(DraftRenderRequest request, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.ThrowIfInvalid();
        var sw = Stopwatch.StartNew();
        var fractions = JobProgress.Fractions(progress, "rendering");
        var draft = request.Draft.Draft;
        var sources = await SourceCatalog.LoadAsync(draft, request.ResolveMedia, _ctx, cancellationToken);

        var clock = new TimelineClock(draft.Fps);
        var totalFrames = clock.Frames(draft.DurationMs);
        var work = Path.Combine(Path.GetTempPath(), "cutroom-render-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        try
        {
            using var staging = OutputStaging.ForFile(request.OutputFile);
            var warnings = new List<string>();
            RenderChunkReport? report = null;
            var parts = request.Parts;
            var chunks = request.Window is null && request.AllowChunks && _ctx.Chunking.Enabled && parts == RenderParts.VideoAndAudio && IsChunkable(request.Spec)
                ? RenderChunkPlanner.Plan(draft, clock, totalFrames, _ctx.Chunking) : [FrameWindow.All(totalFrames)];
            // Photos used by several passes (chunks, or renders of windows after an edit) are decoded once and cached,
            // and so are photos with Ken Burns motion, which Cutroom draws itself; a render in one pass decodes any other
            // photo in its own graph.
            if (chunks.Count > 1 || request.Window is not null || (_ctx.DrawMotionInProcess && PreparedStills.HasMovingStills(draft, sources)))
                sources.Prepared = await PreparedStills.PrepareAsync(draft, sources, _ctx, work, cancellationToken);
            if (request.Window is { } window)
            {
                // A chunk (or any window): one pass of exactly these frames.
                if (window.End > totalFrames)
                    throw new Cutroom.Contract.Errors.JobInputException(Cutroom.Contract.Errors.JobErrorCodes.OutOfRange, DraftRenderRequest.WindowField,
                        $"ends at frame {window.End}, after the draft's last frame ({totalFrames})");
                await RenderPassAsync(request, sources, window, parts, work, staging.TempPath, warnings, fractions, cancellationToken);
            }
            else
            {
                if (chunks.Count > 1)
                    report = await new ChunkedRender(this, _ctx).RunAsync(request, sources, chunks, work, staging.TempPath, warnings, fractions, cancellationToken);
                else
                    await RenderPassAsync(request, sources, FrameWindow.All(totalFrames), parts, work, staging.TempPath, warnings, fractions, cancellationToken);
            }

            // A chunked render's pieces were each checked to hold their frames: the joined file is not counted again.
            var probe = await VerifyAsync(staging.TempPath, request.Spec, parts, cancellationToken, countFrames: report is null);
            var expected = request.Window?.Count ?? totalFrames;
            if (request.Window is not null && parts != RenderParts.Audio && request.Spec.Format != OutputFormat.Gif && probe.Video!.FrameCount is { } n && n != expected)
                throw FFmpegException.InvalidOutput($"the render has {n} frames instead of {expected}");
            var video = probe.Video;
            staging.Commit();
            fractions?.Report(1);
            return new RenderResult(staging.FinalPath, video?.Width ?? 0, video?.Height ?? 0, probe.DurationMs ?? 0, video?.FrameCount ?? (video is null ? 0 : expected),
                probe.SizeBytes, sw.ElapsedMilliseconds, warnings) { Probe = probe, Chunks = report };
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>True for the outputs that can be rendered in chunks and joined by stream copy: H.264 (MP4, MOV).</summary>
    public static bool IsChunkable(OutputSpec spec) => spec is { Video: X264Preset, Format: OutputFormat.Mp4 or OutputFormat.Mov };

    /// <summary>
    /// Renders one pass: <paramref name="parts"/> of the frames of <paramref name="window"/> to
    /// <paramref name="output"/>. When a seek lands on a keyframe that does not decode cleanly, the pass is
    /// rendered again decoding every source from its start (a warning says so).
    /// </summary>
    /// <param name="request">The render (draft, output settings, mix).</param>
    /// <param name="sources">Its probed media.</param>
    /// <param name="window">The timeline frames of the pass.</param>
    /// <param name="parts">The streams it writes.</param>
    /// <param name="work">The render's work folder.</param>
    /// <param name="output">The file to write.</param>
    /// <param name="warnings">Receives problems that did not stop the pass (shared by concurrent passes).</param>
    /// <param name="progress">Progress 0..1 of the pass.</param>
    /// <param name="ct">Cancels ffmpeg.</param>
    /// <param name="frameInWindow">For <see cref="RenderParts.Frame"/>: which frame of the window to write (default its last).</param>
    /// <returns>The video frames ffmpeg wrote (its final <c>-progress</c> report), or null when it reported none.</returns>
    internal async Task<long?> RenderPassAsync(DraftRenderRequest request, SourceCatalog sources, FrameWindow window, RenderParts parts,
        string work, string output, List<string> warnings, IProgress<double>? progress, CancellationToken ct, long? frameInWindow = null)
    {
        var graph = Compile(request, sources, work, output, window, parts, allowSeeking: true, frameInWindow);
        var (run, frames) = await RunAsync(graph, request, progress, ct);
        if (run.DecodeErrors > 0 && graph.UsedSeeking)
        {
            graph = Compile(request, sources, work, output, window, parts, allowSeeking: false, frameInWindow);
            (run, frames) = await RunAsync(graph, request, progress, ct);
            lock (warnings) warnings.Add("a source did not decode cleanly after seeking; it was decoded from its start instead");
        }
        if (run.DecodeErrors > 0) lock (warnings) warnings.Add($"a source has damaged data: the decoder concealed {run.DecodeErrors} error(s)");
        return frames;
    }

    /// <summary>Builds the ffmpeg command of the whole draft in one pass, without running it (for golden tests).</summary>
    internal RenderGraph Compile(DraftRenderRequest request, SourceCatalog sources, string work, string output, long totalFrames, bool allowSeeking) =>
        Compile(request, sources, work, output, FrameWindow.All(totalFrames), RenderParts.VideoAndAudio, allowSeeking);

    /// <summary>Builds the ffmpeg command of one pass: <paramref name="parts"/> of the frames of <paramref name="window"/>.</summary>
    internal RenderGraph Compile(DraftRenderRequest request, SourceCatalog sources, string work, string output, FrameWindow window, RenderParts parts, bool allowSeeking,
        long? frameInWindow = null)
    {
        var g = new RenderGraph(request, sources, work, _ctx.Limits.Threads, allowSeeking, window);
        var spec = request.Spec;
        var withVideo = parts != RenderParts.Audio;
        var withAudio = parts is RenderParts.VideoAndAudio or RenderParts.Audio && spec.Format.HasAudio();
        var video = withVideo ? VideoLayers.Compose(g) : null;
        var audio = withAudio ? AudioMix.Build(g, window.Count, g.SegmentInputs) : null;

        if (video is not null && parts == RenderParts.Frame)
        {
            // The window never cuts a transition; the frame asked for is one of its frames (by default the last).
            var k = Math.Clamp(frameInWindow ?? window.Count - 1, 0, window.Count - 1);
            video = video.Then(Filters.TrimFrames(k, k + 1)).Then(Filters.SetPts("PTS-STARTPTS"))
                .Then(Filters.Format("yuvj420p"));
        }
        else if (video is not null && spec.Video is GifPreset gif)
        {
            var small = video.Then(Filters.Fps(new Rational(Math.Min(g.Draft.Fps, gif.MaxFramesPerSecond), 1)))
                .Then(Filters.Scale(string.Create(CultureInfo.InvariantCulture, $"min({gif.MaxWidth},iw)"), "-2", gif.Scaler));
            var split = g.Graph.Apply(Filters.Split(2), small);
            var palette = split[0].Then(Filters.PaletteGen(gif.PaletteStatsMode));
            video = g.Graph.Apply(Filters.PaletteUse(gif.Dither, gif.BayerScale), split[1], palette)[0];
        }
        else if (video is not null)
        {
            video = video.Then(Filters.Format(spec.Video.PixelFormat));
        }
        if (video is not null) g.Graph.Output(video, "vout");
        if (audio is not null) g.Graph.Output(audio, "aout");

        var text = g.Graph.Render();
        if (text.Length > InlineGraphLimit)
        {
            var script = Path.Combine(work, $"graph-{Guid.NewGuid():N}.txt");
            File.WriteAllText(script, text);
            g.Command.FilterComplexScript(script);
        }
        else g.Command.FilterComplex(text);

        string[] outputArgs = (video, audio) switch
        {
            (not null, _) when parts == RenderParts.Frame => ["-map", "[vout]", "-frames:v", "1", "-c:v", "mjpeg", "-q:v", "2", "-f", "image2", "-update", "1"],
            (not null, null) => ["-map", "[vout]", .. spec.OutputArguments(null, withAudio: false)],
            (null, not null) => ["-map", "[aout]", .. spec.AudioArguments(), .. spec.ContainerArguments()],
            _ => ["-map", "[vout]", "-map", "[aout]", .. spec.OutputArguments(null), "-r", g.Clock.Fps.ToString(CultureInfo.InvariantCulture)],
        };
        g.Command.Output(output, outputArgs).ExpectDuration(g.Clock.FrameToUs(window.Count));
        return g;
    }

    private async Task<(FFmpegRunResult Run, long? Frames)> RunAsync(RenderGraph graph, DraftRenderRequest request, IProgress<double>? progress, CancellationToken ct)
    {
        var last = new LastProgress(new EncodeProgress(progress, 0, 0.98));
        var command = graph.Command.Build();
        // Ken Burns stills drawn in process are written into their pipes while ffmpeg reads them.
        await using var feeds = graph.MotionFeeds.Count > 0 ? MotionFeedWriters.Start(graph.MotionFeeds, graph.Width, graph.Height, ct) : MotionFeedWriters.None;
        var run = await _ctx.Runner.RunAsync(command, new FFmpegRunOptions
        {
            Timeout = _ctx.Limits.FFmpegTimeout,
            Purpose = "rendering the draft",
            LogFile = request.LogFile,
            Progress = last,
        }, ct);
        feeds.ThrowIfFailed();
        return (run, last.Final?.Frame);
    }

    /// <summary>Forwards ffmpeg's progress and keeps its final report (<c>progress=end</c>: the frames written).</summary>
    private sealed class LastProgress(IProgress<FFmpegProgress> inner) : IProgress<FFmpegProgress>
    {
        public FFmpegProgress? Final { get; private set; }

        public void Report(FFmpegProgress value)
        {
            if (value.IsEnd) Final = value;
            inner.Report(value);
        }
    }

    /// <summary>Probes an output once: it must have a picture (unless sound alone), sound (unless GIF or a picture alone), and a duration above zero.</summary>
    /// <exception cref="FFmpegException"><c>output_invalid</c> when it does not.</exception>
    internal async Task<MediaInfo> VerifyAsync(string file, OutputSpec spec, RenderParts parts, CancellationToken ct, bool countFrames = true)
    {
        MediaInfo probe;
        try { probe = await _ctx.Prober.ProbeAsync(file, measureFrames: countFrames && spec.Format != OutputFormat.Gif && parts != RenderParts.Audio, ct); }
        catch (MediaProbeException) { throw FFmpegException.InvalidOutput("the render produced an unreadable file"); }
        if (parts != RenderParts.Audio && probe.Video is null) throw FFmpegException.InvalidOutput("the render produced no video stream");
        if (parts != RenderParts.Video && spec.Format.HasAudio() && probe.Audio is null) throw FFmpegException.InvalidOutput("the render produced no sound track");
        if (probe.DurationMs is not > 0) throw FFmpegException.InvalidOutput("the render produced an empty file");
        return probe;
    }
}
