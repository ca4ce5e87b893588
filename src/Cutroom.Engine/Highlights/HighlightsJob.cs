using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cutroom.Engine.Analysis;
using Cutroom.Engine.Common;
using Cutroom.Engine.Frames;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Highlights;

/// <summary>
/// <c>cutroom highlights</c>: analyses the video (<see cref="MediaAnalyzer"/>), picks the best
/// moments (<see cref="HighlightPicker"/>), and writes each as its own MP4 named by rank and time
/// range, plus <c>highlights.json</c> and optionally a reel. The folder appears complete or not at all.
/// </summary>
public sealed class HighlightsJob : IJob<HighlightsRequest, HighlightsResult>
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

    /// <summary>Writes the highlights of the request's input into its output folder.</summary>
    /// <param name="request">The video, the folder, and how many clips of what length.</param>
    /// <param name="progress">Progress 0..1 (analysis to 0.6, clips to 0.9); may be null.</param>
    /// <param name="cancellationToken">Stops ffmpeg; the folder is not left half-written.</param>
    /// <returns>The clips written, best first.</returns>
    /// <exception cref="JobInputException">An invalid request (<see cref="HighlightsRequest.Validate"/>), a non-empty output folder (<c>output_exists</c>), a video shorter than the shortest clip (<c>out_of_range</c>, field <c>min</c>), or no clip that fits (<c>nothing_selected</c>).</exception>
    /// <exception cref="MediaProbeException">The input is missing, empty, not media, or a still image.</exception>
    /// <exception cref="FFmpegException">ffmpeg failed.</exception>
    public async Task<HighlightsResult> RunAsync(HighlightsRequest request, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.ThrowIfInvalid();
        var sw = Stopwatch.StartNew();
        var fractions = JobProgress.Fractions(progress);
        var input = request.InputPath;
        var info = await _ctx.Prober.ProbeAsync(input, measureFrames: false, cancellationToken);
        if (info.IsStillImage) throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{Path.GetFileName(input)}' is a still image; it has no highlights");
        var duration = MediaGuard.RequireDuration(info);
        if (duration < request.Min)
            throw new JobInputException(JobErrorCodes.OutOfRange, HighlightsRequest.MinField,
                $"is {TimeWords.Seconds(request.Min)}, longer than '{Path.GetFileName(input)}' ({TimeWords.Seconds(duration)} long); ask for shorter clips");
        using var staging = OutputStaging.ForDirectory(request.OutputDirectory);
        long minMs = request.Min.ToMilliseconds(), maxMs = request.Max.ToMilliseconds();

        var record = await new MediaAnalyzer(_ctx).AnalyzeAsync(info, new AnalysisOptions { Mode = request.Analysis, UseCache = request.UseCache },
            Sub(fractions, 0, 0.6), cancellationToken);
        var notes = new List<string>();
        var planned = HighlightPicker.Pick(record, request.Count, minMs, maxMs, notes);
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
                planned = HighlightPicker.Pick(record, request.Count, minMs, maxMs, notes);
            }
            if (refined > 0)
                notes.Add($"fast analysis: {refined} shot change(s) near the clip ends were placed on their exact frame (only the GOPs around them were decoded)");
        }
        if (planned.Count == 0)
            throw new JobInputException(JobErrorCodes.NothingSelected, JobFields.Request, $"no highlight of at least {request.Min.ToClock()} could be placed in '{Path.GetFileName(input)}'");

        var cutter = new ClipCutter(_ctx);
        var clips = new List<HighlightClip>();
        var usedMode = request.Mode;
        for (var i = 0; i < planned.Count; i++)
        {
            var p = planned[i];
            var name = string.Create(CultureInfo.InvariantCulture, $"highlight-{i + 1:00}_{Stamp(p.StartMs)}-{Stamp(p.EndMs)}.mp4");
            var clip = new ClipRequest(info.Path, MediaTime.FromMilliseconds(p.StartMs), MediaTime.FromMilliseconds(p.EndMs), Path.Combine(staging.TempPath, name)) { Mode = request.Mode };
            usedMode = await cutter.CutAsync(info, clip, Sub(fractions, 0.6 + 0.3 * i / planned.Count, 0.6 + 0.3 * (i + 1) / planned.Count), cancellationToken);
            clips.Add(new HighlightClip(i + 1, p.StartMs, p.EndMs, p.Score, name, p.Reasons));
        }
        if (usedMode != request.Mode)
            notes.Add($"the video is {info.Video?.Codec}, which cannot be copied into MP4: the clips were re-encoded (exact mode)");
        if (record.DecodeErrors > 0) notes.Add($"the source has damaged data: the decoder concealed {record.DecodeErrors} error(s)");

        string? reel = null;
        if (request.Reel)
        {
            reel = "reel.mp4";
            await WriteReelAsync(info, clips, staging.TempPath, reel, cancellationToken);
        }

        var result = new HighlightsResult(Path.GetFileName(info.Path), staging.FinalPath, record.DurationMs, record.Mode, usedMode, clips, reel, notes, sw.ElapsedMilliseconds);
        await File.WriteAllTextAsync(Path.Combine(staging.TempPath, "highlights.json"), JsonSerializer.Serialize(result, HighlightsJson.Default.HighlightsResult), cancellationToken);
        staging.Commit();
        fractions?.Report(1);
        return result with { ElapsedMs = sw.ElapsedMilliseconds };
    }

    private async Task WriteReelAsync(MediaInfo info, List<HighlightClip> clips, string folder, string name, CancellationToken ct)
    {
        var ordered = clips.OrderBy(c => c.StartMs).ToList();
        var spec = HighlightsRequest.ClipSpec;
        var builder = new FFmpegCommandBuilder().Overwrite();
        var graph = new FilterGraph();
        GraphStream? video = null, audio = null;
        var offset = 0.0;
        var rate = info.Video?.FrameRate is { IsPositive: true } r ? r : new Rational(25, 1);
        for (var i = 0; i < ordered.Count; i++)
        {
            var clipPath = Path.Combine(folder, ordered[i].File);
            var clipInfo = await _ctx.Prober.ProbeAsync(clipPath, measureFrames: false, ct);
            var length = MediaTime.FromMilliseconds(clipInfo.DurationMs ?? (ordered[i].EndMs - ordered[i].StartMs)).TotalSeconds;
            builder.Input(clipPath, new InputOptions { Demuxer = clipInfo.Container.Demuxer(), Threads = _ctx.Limits.Threads });
            if (info.Video is not null)
            {
                var v = graph.InputVideo(i).Then(Filters.Fps(rate)).Then(Filters.SetSar()).Then(Filters.Format(spec.Video.PixelFormat)).Then(Filters.SetTimeBase("AVTB"));
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
        if (video is not null) { graph.Output(video, "v"); outputs.AddRange(["-map", "[v]", .. spec.Video.Arguments(_ctx.Limits.Threads)]); }
        if (audio is not null) { graph.Output(audio, "a"); outputs.AddRange(["-map", "[a]", .. spec.AudioArguments()]); }
        outputs.AddRange(spec.ContainerArguments());
        var command = builder.FilterComplex(graph.Render()).Output(Path.Combine(folder, name), [.. outputs]).Build();
        await _ctx.Runner.RunAsync(command, new FFmpegRunOptions { Timeout = _ctx.Limits.FFmpegTimeout, Purpose = "joining the highlight reel" }, ct);
    }

    /// <summary>A clip time for its file name: <c>1m05.2s</c> (minutes, seconds, tenths cut off).</summary>
    private static string Stamp(long ms)
    {
        var t = TimeSpan.FromMilliseconds(ms);
        return string.Create(CultureInfo.InvariantCulture, $"{(long)t.TotalMinutes}m{t.Seconds:00}.{t.Milliseconds / 100}s");
    }

    private static IProgress<double>? Sub(IProgress<double>? progress, double from, double to) =>
        progress is null ? null : new InlineProgress<double>(f => progress.Report(from + (to - from) * Math.Clamp(f, 0, 1)));
}
