using System.Diagnostics;
using System.Globalization;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Output;
using Cutroom.Contract.Time;
using Cutroom.Engine.Common;
using Cutroom.Engine.Encoding;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;

namespace Cutroom.Engine.Render;

/// <summary>
/// Renders a draft (the session's timeline) to a video file with ONE ffmpeg invocation whose
/// <c>-filter_complex</c> graph is built from typed objects: video tracks stacked bottom to top
/// over the background, transitions with <c>xfade</c>, overlays, texts with <c>drawtext</c>, and
/// the soundtrack mixed and loudness-normalised. The output is written under a temporary name,
/// verified by probing it once (a picture, sound unless GIF, a duration), then renamed; the probe is
/// returned with the result.
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
            var graph = Compile(request, sources, work, staging.TempPath, totalFrames, allowSeeking: true);
            var run = await RunAsync(graph, request, fractions, cancellationToken);
            if (run.DecodeErrors > 0 && graph.UsedSeeking)
            {
                // A seek landed on a keyframe that does not decode cleanly: render again decoding every source from its start.
                graph = Compile(request, sources, work, staging.TempPath, totalFrames, allowSeeking: false);
                run = await RunAsync(graph, request, fractions, cancellationToken);
                warnings.Add("a source did not decode cleanly after seeking; it was decoded from its start instead");
            }
            if (run.DecodeErrors > 0) warnings.Add($"a source has damaged data: the decoder concealed {run.DecodeErrors} error(s)");

            var probe = await VerifyAsync(staging.TempPath, request.Spec, cancellationToken);
            var video = probe.Video!;
            staging.Commit();
            fractions?.Report(1);
            return new RenderResult(staging.FinalPath, video.Width, video.Height, probe.DurationMs ?? 0, video.FrameCount ?? totalFrames,
                probe.SizeBytes, sw.ElapsedMilliseconds, warnings) { Probe = probe };
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Builds the ffmpeg command for a draft without running it (for golden tests and <c>--dry-run</c>).</summary>
    internal RenderGraph Compile(DraftRenderRequest request, SourceCatalog sources, string work, string output, long totalFrames, bool allowSeeking)
    {
        var g = new RenderGraph(request, sources, work, _ctx.Limits.Threads, allowSeeking);
        var spec = request.Spec;
        var video = VideoLayers.Compose(g, totalFrames);
        var audio = spec.Format.HasAudio() ? AudioMix.Build(g, totalFrames, g.SegmentInputs) : null;

        if (spec.Video is GifPreset gif)
        {
            var small = video.Then(Filters.Fps(new Rational(Math.Min(g.Draft.Fps, gif.MaxFramesPerSecond), 1)))
                .Then(Filters.Scale(string.Create(CultureInfo.InvariantCulture, $"min({gif.MaxWidth},iw)"), "-2", gif.Scaler));
            var parts = g.Graph.Apply(Filters.Split(2), small);
            var palette = parts[0].Then(Filters.PaletteGen(gif.PaletteStatsMode));
            video = g.Graph.Apply(Filters.PaletteUse(gif.Dither, gif.BayerScale), parts[1], palette)[0];
        }
        else
        {
            video = video.Then(Filters.Format(spec.Video.PixelFormat));
        }
        g.Graph.Output(video, "vout");
        if (audio is not null) g.Graph.Output(audio, "aout");

        var text = g.Graph.Render();
        if (text.Length > InlineGraphLimit)
        {
            var script = Path.Combine(work, "graph.txt");
            File.WriteAllText(script, text);
            g.Command.FilterComplexScript(script);
        }
        else g.Command.FilterComplex(text);

        string[] outputArgs = audio is null
            ? ["-map", "[vout]", .. spec.OutputArguments(null, withAudio: false)]
            : ["-map", "[vout]", "-map", "[aout]", .. spec.OutputArguments(null),
               "-r", g.Clock.Fps.ToString(CultureInfo.InvariantCulture)];
        g.Command.Output(output, outputArgs).ExpectDuration(g.Clock.FrameToUs(totalFrames));
        return g;
    }

    private async Task<FFmpegRunResult> RunAsync(RenderGraph graph, DraftRenderRequest request, IProgress<double>? progress, CancellationToken ct) =>
        await _ctx.Runner.RunAsync(graph.Command.Build(), new FFmpegRunOptions
        {
            Timeout = _ctx.Limits.FFmpegTimeout,
            Purpose = "rendering the draft",
            LogFile = request.LogFile,
            Progress = new EncodeProgress(progress, 0, 0.98),
        }, ct);

    /// <summary>Probes the output once: it must have a picture, sound unless the format has none, and a duration above zero.</summary>
    /// <exception cref="FFmpegException"><c>output_invalid</c> when it does not.</exception>
    private async Task<MediaInfo> VerifyAsync(string file, OutputSpec spec, CancellationToken ct)
    {
        MediaInfo probe;
        try { probe = await _ctx.Prober.ProbeAsync(file, measureFrames: spec.Format != OutputFormat.Gif, ct); }
        catch (MediaProbeException) { throw FFmpegException.InvalidOutput("the render produced an unreadable file"); }
        if (probe.Video is null) throw FFmpegException.InvalidOutput("the render produced no video stream");
        if (spec.Format.HasAudio() && probe.Audio is null) throw FFmpegException.InvalidOutput("the render produced no sound track");
        if (probe.DurationMs is not > 0) throw FFmpegException.InvalidOutput("the render produced an empty file");
        return probe;
    }
}
