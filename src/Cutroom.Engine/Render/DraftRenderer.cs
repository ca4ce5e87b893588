using Cutroom.Contract.Output;
using System.Diagnostics;
using Cutroom.Engine.Common;
using Cutroom.Engine.Encoding;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Process;
using Cutroom.Timeline.Model;
using Cutroom.Timeline.Validation;

namespace Cutroom.Engine.Render;

/// <summary>
/// Renders a draft (the session's timeline) to a video file with ONE ffmpeg invocation whose
/// <c>-filter_complex</c> graph is built from typed objects: video tracks stacked bottom to top
/// over the background, transitions with <c>xfade</c>, overlays, texts with <c>drawtext</c>, and
/// the soundtrack mixed and loudness-normalised. The output is written under a temporary name,
/// verified with ffprobe, then renamed.
/// </summary>
public sealed class DraftRenderer
{
    /// <summary>Graphs longer than this (characters) go to a <c>-filter_complex_script</c> file.</summary>
    private const int InlineGraphLimit = 8_000;

    private readonly EngineContext _ctx;

    /// <summary>Creates the renderer over an engine context.</summary>
    public DraftRenderer(EngineContext ctx) => _ctx = ctx;

    /// <summary>Renders <paramref name="draft"/> to <paramref name="outputFile"/>.</summary>
    /// <param name="draft">The draft; its duration is recomputed from the segments.</param>
    /// <param name="outputFile">The video file to write.</param>
    /// <param name="options">Media resolution, format, quality, loudness.</param>
    /// <param name="progress">Progress 0..1 while encoding.</param>
    /// <param name="cancellationToken">Stops ffmpeg; nothing is left behind.</param>
    /// <exception cref="RenderInputException">The draft is invalid or empty, or a media id/file is missing or unusable (with JSON paths).</exception>
    /// <exception cref="FFmpegException">ffmpeg failed.</exception>
    public async Task<RenderResult> RenderAsync(Draft draft, string outputFile, RenderOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        draft = draft.WithDerivedDuration();
        var errors = DraftValidator.Validate(draft);
        if (errors.Count > 0) throw new RenderInputException(errors);
        if (draft.DurationMs <= 0) throw new RenderInputException("t", "the draft is empty: add a clip, an image or a text first", JobErrorCodes.NothingSelected);
        var sources = await SourceCatalog.LoadAsync(draft, options, _ctx, cancellationToken);

        var clock = new TimelineClock(draft.Fps);
        var totalFrames = clock.Frames(draft.DurationMs);
        var work = Path.Combine(Path.GetTempPath(), "cutroom-render-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        try
        {
            using var staging = OutputStaging.ForFile(outputFile);
            var warnings = new List<string>();
            var graph = Compile(draft, sources, options, work, staging.TempPath, totalFrames, allowSeeking: true);
            var run = await RunAsync(graph, options, progress, cancellationToken);
            if (run.DecodeErrors > 0 && graph.UsedSeeking)
            {
                // A seek landed on a keyframe that does not decode cleanly: render again decoding every source from its start.
                graph = Compile(draft, sources, options, work, staging.TempPath, totalFrames, allowSeeking: false);
                run = await RunAsync(graph, options, progress, cancellationToken);
                warnings.Add("a source did not decode cleanly after seeking; it was decoded from its start instead");
            }
            if (run.DecodeErrors > 0) warnings.Add($"a source has damaged data: the decoder concealed {run.DecodeErrors} error(s)");

            var probe = await _ctx.Prober.ProbeAsync(staging.TempPath, measureFrames: options.Format != RenderFormat.Gif, cancellationToken);
            var video = probe.Video ?? throw FFmpegException.InvalidOutput("the render produced no video stream");
            staging.Commit();
            progress?.Report(1);
            return new RenderResult(staging.FinalPath, video.Width, video.Height, probe.DurationMs ?? 0, video.FrameCount ?? totalFrames,
                probe.SizeBytes, sw.ElapsedMilliseconds, warnings);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Builds the ffmpeg command for a draft without running it (for golden tests and <c>--dry-run</c>).</summary>
    internal RenderGraph Compile(Draft draft, SourceCatalog sources, RenderOptions options, string work, string output, long totalFrames, bool allowSeeking)
    {
        var g = new RenderGraph(draft, sources, options, work, _ctx.Limits.Threads, allowSeeking);
        var video = VideoLayers.Compose(g, totalFrames);
        var audio = options.Format == RenderFormat.Gif ? null : AudioMix.Build(g, totalFrames, g.SegmentInputs);

        if (options.Format == RenderFormat.Gif)
        {
            var gifRate = Math.Min(draft.Fps, 15);
            var small = video.Then(Filters.Fps(new Cutroom.Contract.Time.Rational(gifRate, 1)))
                .Then(Filters.Scale($"min(640,iw)", "-2", "lanczos"));
            var parts = g.Graph.Apply(Filter.Raw("split", [PadKind.Video], [PadKind.Video, PadKind.Video], ("outputs", 2)), small);
            var palette = parts[0].Then(Filter.Video("palettegen", ("stats_mode", "diff")));
            video = g.Graph.Apply(Filter.Raw("paletteuse", [PadKind.Video, PadKind.Video], [PadKind.Video], ("dither", "bayer"), ("bayer_scale", 4)), parts[1], palette)[0];
        }
        else
        {
            video = video.Then(Filters.Format("yuv420p"));
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

        string[] outputArgs = options.Format switch
        {
            RenderFormat.Gif => ["-map", "[vout]", "-loop", "0", "-f", "gif"],
            _ => ["-map", "[vout]", "-map", "[aout]",
                  .. OutputSpecs.For(ToOutputFormat(options.Format), options.Quality).OutputArguments(null),
                  "-r", g.Clock.Fps.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        };
        g.Command.Output(output, outputArgs).ExpectDuration(g.Clock.FrameToUs(totalFrames));
        return g;
    }

    private async Task<FFmpegRunResult> RunAsync(RenderGraph graph, RenderOptions options, IProgress<double>? progress, CancellationToken ct) =>
        await _ctx.Runner.RunAsync(graph.Command.Build(), new FFmpegRunOptions
        {
            Timeout = _ctx.Limits.FFmpegTimeout,
            Purpose = "rendering the draft",
            LogFile = options.LogFile,
            Progress = new EncodeProgress(progress, 0, 0.98),
        }, ct);

    private static OutputFormat ToOutputFormat(RenderFormat f) => f switch
    {
        RenderFormat.Mp4 => OutputFormat.Mp4,
        RenderFormat.Webm => OutputFormat.Webm,
        RenderFormat.Mov => OutputFormat.Mov,
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };
}
