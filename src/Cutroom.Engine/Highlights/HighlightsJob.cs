using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cutroom.Engine.Analysis;
using Cutroom.Engine.Common;
using Cutroom.Engine.Frames;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Highlights;

/// <summary>What <see cref="HighlightsJob"/> makes.</summary>
public sealed record HighlightOptions
{
    /// <summary>Clips wanted (1-50, default 5).</summary>
    public int Count { get; init; } = 5;
    /// <summary>Shortest clip (µs, default 10 s, at least 1 s).</summary>
    public long MinUs { get; init; } = 10_000_000;
    /// <summary>Longest clip (µs, default 45 s, at most 10 min).</summary>
    public long MaxUs { get; init; } = 45_000_000;
    /// <summary>Fast (stream copy, default) or exact (re-encode).</summary>
    public ClipMode Mode { get; init; } = ClipMode.Fast;
    /// <summary>Also write <c>reel.mp4</c>: the clips in time order joined by 0.5 s cross-fades.</summary>
    public bool Reel { get; init; }
    /// <summary>How closely to analyse (default: by length).</summary>
    public AnalysisMode Analysis { get; init; } = AnalysisMode.Auto;
    /// <summary>Reuse a cached analysis (default true).</summary>
    public bool UseCache { get; init; } = true;
}

/// <summary>One highlight clip written.</summary>
/// <param name="Rank">1 = best.</param>
/// <param name="StartMs">Start in the source (ms).</param>
/// <param name="EndMs">End in the source (ms, exclusive).</param>
/// <param name="Score">Interest 0-100.</param>
/// <param name="File">The clip's file name in the output folder.</param>
/// <param name="Reasons">Why it was chosen, in words.</param>
public sealed record HighlightClip(int Rank, long StartMs, long EndMs, double Score, string File, IReadOnlyList<string> Reasons);

/// <summary>The highlights of a video (also written as <c>highlights.json</c>).</summary>
/// <param name="Source">The input's file name.</param>
/// <param name="OutputDirectory">The folder written.</param>
/// <param name="DurationMs">The source's duration (ms).</param>
/// <param name="Analysis">The analysis mode used.</param>
/// <param name="Mode">How the clips were cut.</param>
/// <param name="Clips">The clips, best first.</param>
/// <param name="Reel">The reel's file name, when asked for.</param>
/// <param name="Notes">Why fewer clips than asked, boundaries that could not avoid speech, fallbacks.</param>
/// <param name="ElapsedMs">Wall time of the whole job (ms).</param>
public sealed record HighlightsResult(string Source, [property: JsonIgnore] string OutputDirectory, long DurationMs, AnalysisMode Analysis, ClipMode Mode,
    IReadOnlyList<HighlightClip> Clips, string? Reel, IReadOnlyList<string> Notes, long ElapsedMs);

/// <summary>Source-generated JSON (snake_case) for <c>highlights.json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HighlightsResult))]
public sealed partial class HighlightsJson : JsonSerializerContext;

/// <summary>
/// <c>cutroom highlights</c>: analyses the video (<see cref="MediaAnalyzer"/>), picks the best
/// moments (<see cref="HighlightPicker"/>), and writes each as its own MP4 named by rank and time
/// range, plus <c>highlights.json</c> and optionally a reel. The folder appears complete or not at all.
/// </summary>
public sealed class HighlightsJob
{
    /// <summary>Cross-fade length of the reel (s).</summary>
    internal const double ReelFadeSeconds = 0.5;

    /// <summary>
    /// After a fast analysis, keyframe-level shot changes this close to a clip end (ms) are placed
    /// exactly: the snapping reach plus 2 s, since the exact change lies up to a GOP before the keyframe.
    /// </summary>
    internal const long RefineReachMs = HighlightPicker.SnapReachMs + 2000;

    /// <summary>Refine-and-pick-again rounds at most (a new pick may end near other changes).</summary>
    private const int RefineRounds = 3;

    private readonly EngineContext _ctx;

    /// <summary>Creates the job over an engine context.</summary>
    public HighlightsJob(EngineContext ctx) => _ctx = ctx;

    /// <summary>Writes the highlights of <paramref name="input"/> into <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="JobInputException">Bad options, a non-empty output folder, or a video shorter than the shortest clip.</exception>
    /// <exception cref="MediaProbeException">The input is missing, empty, not media, or a still image.</exception>
    /// <exception cref="FFmpegException">ffmpeg failed.</exception>
    public async Task<HighlightsResult> RunAsync(string input, string outputDirectory, HighlightOptions options,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        Validate(options);
        var info = await _ctx.Prober.ProbeAsync(input, measureFrames: false, cancellationToken);
        if (info.IsStillImage) throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{Path.GetFileName(input)}' is a still image; it has no highlights");
        var durationUs = MediaGuard.RequireDurationUs(info);
        if (durationUs < options.MinUs)
            throw new JobInputException($"'{Path.GetFileName(input)}' is {MediaTime.ToClock(durationUs / 1000)} long, shorter than the shortest clip (--min {MediaTime.ToClock(options.MinUs / 1000)}); lower --min");
        using var staging = OutputStaging.ForDirectory(outputDirectory);

        var record = await new MediaAnalyzer(_ctx).AnalyzeAsync(info, new AnalysisOptions { Mode = options.Analysis, UseCache = options.UseCache },
            Sub(progress, 0, 0.6), cancellationToken);
        var notes = new List<string>();
        var planned = HighlightPicker.Pick(record, options.Count, options.MinUs / 1000, options.MaxUs / 1000, notes);
        if (record.Mode == AnalysisMode.Fast)
        {
            // The keyframe pass placed shot changes on the keyframe after them: decode the GOPs near
            // the clips' ends, place those changes exactly, and pick again (the ends may move to them).
            var refiner = new BoundaryRefiner(_ctx);
            var refined = 0;
            for (var round = 0; round < RefineRounds; round++)
            {
                var ends = planned.SelectMany(p => new[] { p.StartMs, p.EndMs }).ToList();
                var (better, n) = await refiner.RefineAsync(info, record, ends, RefineReachMs, cancellationToken);
                if (n == 0) break;
                refined += n;
                record = better;
                notes.Clear();
                planned = HighlightPicker.Pick(record, options.Count, options.MinUs / 1000, options.MaxUs / 1000, notes);
            }
            if (refined > 0)
                notes.Add($"fast analysis: {refined} shot change(s) near the clip ends were placed on their exact frame (only the GOPs around them were decoded)");
        }
        if (planned.Count == 0) throw new JobInputException($"no highlight of at least {MediaTime.ToClock(options.MinUs / 1000)} could be placed in '{Path.GetFileName(input)}'");

        var cutter = new ClipCutter(_ctx);
        var clips = new List<HighlightClip>();
        var usedMode = options.Mode;
        for (var i = 0; i < planned.Count; i++)
        {
            var p = planned[i];
            var name = string.Create(CultureInfo.InvariantCulture, $"highlight-{i + 1:00}_{Stamp(p.StartMs)}-{Stamp(p.EndMs)}.mp4");
            usedMode = await cutter.CutAsync(info, new ClipRequest(info.Path, p.StartMs * 1000, p.EndMs * 1000, Path.Combine(staging.TempPath, name)) { Mode = options.Mode },
                Sub(progress, 0.6 + 0.3 * i / planned.Count, 0.6 + 0.3 * (i + 1) / planned.Count), cancellationToken);
            clips.Add(new HighlightClip(i + 1, p.StartMs, p.EndMs, p.Score, name, p.Reasons));
        }
        if (usedMode != options.Mode)
            notes.Add($"the video is {info.Video?.Codec}, which cannot be copied into MP4: the clips were re-encoded (exact mode)");
        if (record.DecodeErrors > 0) notes.Add($"the source has damaged data: the decoder concealed {record.DecodeErrors} error(s)");

        string? reel = null;
        if (options.Reel)
        {
            reel = "reel.mp4";
            await WriteReelAsync(info, clips, staging.TempPath, reel, cancellationToken);
        }

        var result = new HighlightsResult(Path.GetFileName(info.Path), staging.FinalPath, record.DurationMs, record.Mode, usedMode, clips, reel, notes, sw.ElapsedMilliseconds);
        await File.WriteAllTextAsync(Path.Combine(staging.TempPath, "highlights.json"), JsonSerializer.Serialize(result, HighlightsJson.Default.HighlightsResult), cancellationToken);
        staging.Commit();
        progress?.Report(1);
        return result with { ElapsedMs = sw.ElapsedMilliseconds };
    }

    private async Task WriteReelAsync(MediaInfo info, List<HighlightClip> clips, string folder, string name, CancellationToken ct)
    {
        var ordered = clips.OrderBy(c => c.StartMs).ToList();
        var builder = new FFmpegCommandBuilder().Overwrite();
        var graph = new FilterGraph();
        GraphStream? video = null, audio = null;
        var offset = 0.0;
        var rate = info.Video?.FrameRate is { IsPositive: true } r ? r : new Rational(25, 1);
        for (var i = 0; i < ordered.Count; i++)
        {
            var clipPath = Path.Combine(folder, ordered[i].File);
            var clipInfo = await _ctx.Prober.ProbeAsync(clipPath, measureFrames: false, ct);
            var length = (clipInfo.DurationMs ?? (ordered[i].EndMs - ordered[i].StartMs)) / 1000.0;
            builder.Input(clipPath, new InputOptions { Demuxer = clipInfo.Container.Demuxer(), Threads = _ctx.Limits.Threads });
            if (info.Video is not null)
            {
                var v = graph.InputVideo(i).Then(Filters.Fps(rate)).Then(Filters.SetSar()).Then(Filters.Format("yuv420p")).Then(Filters.SetTimeBase("AVTB"));
                video = video is null ? v : graph.Apply(Filters.XFade(ReelFadeSeconds, Math.Max(0, offset - ReelFadeSeconds)), video, v)[0];
            }
            if (info.Audio is not null)
            {
                var a = graph.InputAudio(i);
                audio = audio is null ? a : graph.Apply(Filters.ACrossFade(ReelFadeSeconds), audio, a)[0];
            }
            offset += i == 0 ? length : length - ReelFadeSeconds;
        }
        var outputs = new List<string>();
        if (video is not null) { graph.Output(video, "v"); outputs.AddRange(["-map", "[v]", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p"]); }
        if (audio is not null) { graph.Output(audio, "a"); outputs.AddRange(["-map", "[a]", "-c:a", "aac", "-b:a", "160k"]); }
        outputs.AddRange(["-movflags", "+faststart", "-f", "mp4"]);
        var command = builder.FilterComplex(graph.Render()).Output(Path.Combine(folder, name), [.. outputs]).Build();
        await _ctx.Runner.RunAsync(command, new FFmpegRunOptions { Timeout = _ctx.Limits.FFmpegTimeout, Purpose = "joining the highlight reel" }, ct);
    }

    private static void Validate(HighlightOptions o)
    {
        if (o.Count is < 1 or > 50) throw new JobInputException("--count must be between 1 and 50", isUsage: true);
        if (o.MinUs < 1_000_000) throw new JobInputException("--min must be at least 1 s", isUsage: true);
        if (o.MaxUs < o.MinUs) throw new JobInputException("--max must not be shorter than --min", isUsage: true);
        if (o.MaxUs > 600_000_000) throw new JobInputException("--max must be at most 10 minutes", isUsage: true);
    }

    private static string Stamp(long ms) => string.Create(CultureInfo.InvariantCulture, $"{ms / 60000}m{ms / 1000 % 60:00}.{ms % 1000 / 100}s");

    private static IProgress<double>? Sub(IProgress<double>? progress, double from, double to) =>
        progress is null ? null : new InlineProgress<double>(f => progress.Report(from + (to - from) * Math.Clamp(f, 0, 1)));
}
