using System.Diagnostics;
using Cutroom.Engine.Common;
using Cutroom.Engine.Shots;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Probe;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Analysis;

/// <summary>What to analyse and how.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Exact, fast, or chosen by length (default).</summary>
    public AnalysisMode Mode { get; init; } = AnalysisMode.Auto;
    /// <summary>Reuse and store cached records (default true).</summary>
    public bool UseCache { get; init; } = true;
    /// <summary>Shot detector thresholds (defaults when null).</summary>
    public ShotDetectorOptions? Shots { get; init; }
    /// <summary>Tests: decode in parts whatever the container (to exercise the missed-seek fallbacks).</summary>
    internal bool SplitAnyContainer { get; init; }
}

/// <summary>
/// The analysis pass: one decode of the video (every frame, or keyframes only in fast mode) and of
/// the audio yields shots, black and frozen ranges, loudness per second, silences, speech
/// likelihood and motion per second (<see cref="AnalysisRecord"/>).
/// <para>
/// In exact mode the video is decoded in keyframe-aligned parts (<see cref="VideoSegmentPlan"/>),
/// one single-threaded ffmpeg process per core, side by side, and the audio by one more process;
/// in fast mode one process does both. Each process (<see cref="AnalysisPass"/>) downscales the
/// video to <see cref="FrameWidth"/> pixels wide and streams it through a named pipe into a
/// <see cref="FeatureExtractor"/>; the parts' per-frame features are joined and fed to
/// <see cref="ShotDetector"/> and <see cref="StillRanges"/>. Memory stays flat; nothing is written
/// to disk but the record, which is cached beside the media (<see cref="AnalysisCache"/>).
/// </para>
/// </summary>
public sealed class MediaAnalyzer
{
    /// <summary>Version of the analysis algorithms; bump it when they change so cached records are recomputed.</summary>
    public const int Version = 2;

    /// <summary>Above this duration (10 min) <see cref="AnalysisMode.Auto"/> chooses fast mode.</summary>
    public const long FastModeAboveMs = 10 * 60 * 1000;

    /// <summary>Width (pixels) of the frames the shot detector sees (PySceneDetect downscales to about 256; 160 is enough for hard cuts and twice as cheap).</summary>
    internal const int FrameWidth = 160;

    private readonly EngineContext _ctx;

    /// <summary>Creates the analyser over an engine context.</summary>
    public MediaAnalyzer(EngineContext ctx) => _ctx = ctx;

    /// <summary>Analyses <paramref name="input"/> (or returns its cached record).</summary>
    /// <param name="input">A media file with video and/or audio.</param>
    /// <param name="options">Mode and cache use; defaults when null.</param>
    /// <param name="progress">Progress 0..1.</param>
    /// <param name="cancellationToken">Stops ffmpeg.</param>
    /// <returns>The record.</returns>
    /// <exception cref="MediaProbeException">The input is missing, empty, not media, a still image, or has neither video nor audio.</exception>
    /// <exception cref="FFmpegException">ffmpeg failed.</exception>
    /// <exception cref="ToolMissingException">mkfifo is missing.</exception>
    public async Task<AnalysisRecord> AnalyzeAsync(string input, AnalysisOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        var info = await _ctx.Prober.ProbeAsync(input, measureFrames: false, cancellationToken);
        return await AnalyzeAsync(info, options, progress, sw, cancellationToken);
    }

    /// <summary>Analyses media the caller has already probed (or returns its cached record).</summary>
    /// <param name="info">The probe of a media file with video and/or audio.</param>
    /// <param name="options">Mode and cache use; defaults when null.</param>
    /// <param name="progress">Progress 0..1.</param>
    /// <param name="cancellationToken">Stops ffmpeg.</param>
    /// <returns>The record.</returns>
    /// <exception cref="MediaProbeException">The media is a still image, has neither video nor audio, or is too large.</exception>
    /// <exception cref="FFmpegException">ffmpeg failed.</exception>
    /// <exception cref="ToolMissingException">mkfifo is missing.</exception>
    public Task<AnalysisRecord> AnalyzeAsync(MediaInfo info, AnalysisOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        AnalyzeAsync(info, options, progress, Stopwatch.StartNew(), cancellationToken);

    private async Task<AnalysisRecord> AnalyzeAsync(MediaInfo info, AnalysisOptions? options, IProgress<double>? progress, Stopwatch sw, CancellationToken cancellationToken)
    {
        options ??= new AnalysisOptions();
        var input = info.Path;
        if (info.IsStillImage) throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{Path.GetFileName(input)}' is a still image; there is nothing to analyse over time");
        if (info.Video is null && info.Audio is null) throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{Path.GetFileName(input)}' has neither video nor audio");
        if (info.Video is not null) MediaGuard.RequireVideo(info, _ctx.Limits);
        var duration = MediaGuard.RequireDuration(info);
        var mode = options.Mode != AnalysisMode.Auto ? options.Mode
            : duration > MediaTime.FromMilliseconds(FastModeAboveMs) ? AnalysisMode.Fast : AnalysisMode.Exact;
        if (info.Video is null) mode = AnalysisMode.Exact;   // audio is always read in full

        var hash = ContentHash.Of(info.Path);
        if (options.UseCache && AnalysisCache.TryLoad(info.Path, hash, mode) is { } cached)
        {
            progress?.Report(1);
            return cached;
        }

        var index = info.Video is null ? null : await _ctx.Prober.ScanPacketsAsync(info, cancellationToken: cancellationToken);
        if (index is { Count: 0 }) throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{Path.GetFileName(input)}' has a video stream without frames");
        var run = await new AnalysisRun(_ctx).RunAsync(info, index, mode, options, progress, cancellationToken);
        var record = Build(info, index, mode, hash, run, sw.ElapsedMilliseconds);
        if (options.UseCache) AnalysisCache.Save(info.Path, record);
        progress?.Report(1);
        return record;
    }

    /// <summary>
    /// Detector settings for keyframe samples (seconds apart): every clear change between two
    /// samples is a boundary — there is no motion to tell apart from a cut and no flash to skip.
    /// </summary>
    internal static readonly ShotDetectorOptions FastShotOptions = new()
    {
        MinContent = 20, AdaptiveRatio = 0, StrongContent = 20, StrongRatio = 0, MinShotFrames = 1, MaxFlashFrames = 0,
    };

    private static AnalysisRecord Build(MediaInfo info, PacketIndex? index, AnalysisMode mode, string hash, AnalysisRun.Result run, long elapsedMs)
    {
        var durationMs = info.DurationMs ?? 0;
        var seconds = (int)Math.Max(1, (durationMs + 999) / 1000);
        var origin = MediaTime.FromMicroseconds(info.StartTimeUs);
        long ToMs(double seconds) => Math.Clamp((MediaTime.FromSeconds(seconds) - origin).ToMilliseconds(), 0, durationMs);
        // A pts of the video to µs on the stream clock (0 when the time base is unknown).
        long PtsUs(long pts) => index is { TimeBase.IsPositive: true } ? new MediaTime(pts, index.TimeBase).ToMicroseconds() : 0;

        // Frames: ordinal (position among analysed frames) -> frame index and time.
        var shots = new List<Shot>();
        var motion = new List<double>();
        var frames = run.Frames;
        if (frames.Count > 0 && index is not null)
        {
            var count = frames.Count;
            var ptsToIndex = new Dictionary<long, int>(index.Count);
            for (var i = 0; i < index.Count; i++) ptsToIndex.TryAdd(index.Packets[i].Pts, i);
            int FrameIndex(int ordinal) => ordinal >= count ? index.Count
                : ptsToIndex.TryGetValue(frames[ordinal].Pts, out var fi) ? fi : index.FrameAt(PtsUs(frames[ordinal].Pts));
            long FrameMs(int ordinal) => ordinal >= count ? durationMs
                : Math.Clamp((MediaTime.FromMicroseconds(PtsUs(frames[ordinal].Pts)) - origin).ToMilliseconds(), 0, durationMs);

            var starts = new List<ShotBoundary> { new(0, 0, TransitionKind.Cut) };
            starts.AddRange(run.Boundaries.Where(b => b.Frame > 0 && b.Frame < count));
            for (var s = 0; s < starts.Count; s++)
            {
                var from = starts[s].Frame;
                var to = s + 1 < starts.Count ? starts[s + 1].Frame : count;
                double luma = 0, move = 0, sharp = 0; var sharpN = 0;
                for (var k = from; k < to; k++)
                {
                    luma += frames[k].MeanLuma;
                    if (k > from) move += frames[k].LumaDelta;
                    if (!float.IsNaN(frames[k].Sharpness)) { sharp += frames[k].Sharpness; sharpN++; }
                }
                var n = Math.Max(1, to - from);
                shots.Add(new Shot
                {
                    Index = s,
                    StartFrame = s == 0 ? 0 : FrameIndex(from),
                    EndFrame = s + 1 < starts.Count ? FrameIndex(to) : index.Count,
                    StartMs = s == 0 ? 0 : FrameMs(from),
                    EndMs = s + 1 < starts.Count ? FrameMs(to) : durationMs,
                    Transition = s == 0 ? null : starts[s].Kind,
                    Score = Math.Round(starts[s].Score, 2),
                    Brightness = Math.Round(luma / n, 1),
                    Sharpness = sharpN == 0 ? 0 : Math.Round(sharp / sharpN, 2),
                    Motion = mode == AnalysisMode.Fast ? 0 : Math.Round(move / Math.Max(1, n - 1), 2),
                });
            }

            if (mode == AnalysisMode.Exact)
            {
                var sum = new double[seconds];
                var n = new int[seconds];
                var cutFrames = starts.Select(b => b.Frame).ToHashSet();
                for (var k = 1; k < count; k++)
                {
                    if (cutFrames.Contains(k)) continue;
                    var sec = (int)Math.Min(seconds - 1, FrameMs(k) / 1000);
                    sum[sec] += frames[k].LumaDelta; n[sec]++;
                }
                for (var s = 0; s < seconds; s++) motion.Add(n[s] == 0 ? 0 : Math.Round(sum[s] / n[s], 2));
            }
        }

        // Audio: loudness per second from ebur128's 100 ms log lines (t is the end of each block).
        var log = run.AudioLog;
        var momentary = new List<double>();
        var shortTerm = new List<double>();
        if (info.Audio is not null)
        {
            var m = Enumerable.Repeat(-70.0, seconds).ToArray();
            var st = Enumerable.Repeat(-70.0, seconds).ToArray();
            var audioStart = origin.TotalSeconds;
            foreach (var (t, mv, sv) in log.Loudness)
            {
                var rel = t - audioStart;   // the pts of the block's end on the stream clock (-copyts keeps it absolute)
                var sec = (int)Math.Clamp(Math.Floor(rel - 0.001), 0, seconds - 1);
                m[sec] = Math.Max(m[sec], Math.Max(-70, mv));
                st[sec] = Math.Max(-70, sv);
            }
            momentary.AddRange(m.Select(v => Math.Round(v, 1)));
            shortTerm.AddRange(st.Select(v => Math.Round(v, 1)));
        }

        double Seconds(long pts) => MediaTime.FromMicroseconds(PtsUs(pts)).TotalSeconds;
        List<TimeRange> Ranges(IEnumerable<(double Start, double? End)> items) =>
            items.Select(r => new TimeRange(ToMs(r.Start), r.End is { } e ? ToMs(e) : durationMs)).Where(r => r.EndMs > r.StartMs).ToList();

        return new AnalysisRecord
        {
            Version = Version,
            ContentHash = hash,
            Source = Path.GetFileName(info.Path),
            Mode = mode,
            DurationMs = durationMs,
            FrameCount = index?.Count ?? 0,
            FramesAnalysed = frames.Count,
            FrameRate = info.Video is { } v ? v.FrameRate.ToString() : null,
            HasVideo = info.Video is not null,
            HasAudio = info.Audio is not null,
            Shots = shots,
            Silences = Ranges(log.Silences),
            Black = Ranges(run.Black.Select(b => (Seconds(b.Start), b.End is { } e ? Seconds(e) : (double?)null))),
            Frozen = Ranges(run.Frozen.Select(b => (Seconds(b.Start), b.End is { } e ? Seconds(e) : (double?)null))),
            LoudnessLufs = momentary,
            ShortTermLufs = shortTerm,
            Speech = run.Speech?.SpeechPerSecond(seconds) ?? [],
            Motion = motion,
            LevelDb20Ms = run.Speech?.LevelDb.Select(x => MathF.Round(x, 1)).ToList() ?? [],
            Loudness = info.Audio is null ? null : new LoudnessStats(
                log.IntegratedLufs is { } lufs && double.IsFinite(lufs) && lufs > -70 ? lufs : null,
                log.LoudnessRangeLu is { } r && double.IsFinite(r) ? r : null,
                log.TruePeakDbfs is { } p && double.IsFinite(p) ? p : null),
            DecodeErrors = run.DecodeErrors,
            VideoDecoders = run.VideoProcesses,
            ElapsedMs = elapsedMs,
        };
    }
}
