using System.Runtime.CompilerServices;
using Cutroom.Engine.Common;
using Cutroom.Engine.Shots;
using Cutroom.Engine.Thumbnails;
using Cutroom.FFmpeg.Probe;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Analysis;

/// <summary>
/// Runs the ffmpeg processes of one analysis side by side and joins what they measured: in exact
/// mode one process per part of the video (<see cref="VideoSegmentPlan"/>) plus one for the audio,
/// in fast mode one process for keyframes and audio together. Joins the parts' features (each frame
/// from the part that owns it), finds the shot boundaries and the black and frozen ranges.
/// </summary>
internal sealed class AnalysisRun
{
    private readonly EngineContext _ctx;

    /// <summary>Sharpness is measured on one frame in this many in exact mode.</summary>
    private const int SharpnessEvery = 5;

    /// <summary>Creates a run over an engine context.</summary>
    public AnalysisRun(EngineContext ctx) => _ctx = ctx;

    /// <summary>What the runs collected, put together: the frames' features in presentation order, the shot boundaries among them, black and frozen ranges (pts ticks), the audio's speech features and log, decode errors, and how many ffmpeg processes decoded video.</summary>
    internal sealed record Result(IReadOnlyList<FrameFeatures> Frames, IReadOnlyList<ShotBoundary> Boundaries,
        List<(long Start, long? End)> Black, List<(long Start, long? End)> Frozen, SpeechFeatures? Speech, AnalysisLogReader AudioLog, int DecodeErrors, int VideoProcesses);

    /// <summary>Runs the analysis processes of <paramref name="info"/> and joins their measurements.</summary>
    /// <param name="info">The probed media.</param>
    /// <param name="index">Its video packets (null without video).</param>
    /// <param name="mode">Exact or fast (not Auto).</param>
    /// <param name="analysisOptions">Detector thresholds and test switches.</param>
    /// <param name="progress">Progress 0..0.98 (the caller reports the end).</param>
    /// <param name="ct">Stops every process.</param>
    /// <exception cref="FFmpeg.Errors.FFmpegException">A process failed (the first failure; the others are stopped).</exception>
    /// <exception cref="FFmpeg.Errors.ToolMissingException">mkfifo is missing.</exception>
    public async Task<Result> RunAsync(MediaInfo info, PacketIndex? index, AnalysisMode mode, AnalysisOptions analysisOptions, IProgress<double>? progress, CancellationToken ct)
    {
        var fast = mode == AnalysisMode.Fast;
        var video = info.Video;
        var options = analysisOptions.Shots ?? (fast ? MediaAnalyzer.FastShotOptions : new ShotDetectorOptions());
        var threads = Math.Max(1, _ctx.Limits.Threads);

        // The parts of the work and their weights in the progress (the audio is cheap next to the video).
        var segments = video is null || index is null ? []
            : fast ? [Whole(index)]
            : VideoSegmentPlan.Plan(index, info.StartTimeUs, SeeksPrecisely(info.Container) || analysisOptions.SplitAnyContainer ? threads : 1, MinSegmentFrames, (long)video.Width * video.Height);
        var separateAudio = info.Audio is not null && (video is null || !fast);
        var weights = segments.Select(s => (double)Math.Max(1, s.Frames)).ToList();
        if (separateAudio) weights.Add(video is null ? 1 : Math.Max(1, weights.Sum() / 20));
        var fractions = new double[weights.Count];
        var total = weights.Sum();
        Action<double>? Report(int part) => progress is null ? null : f =>
        {
            lock (fractions)
            {
                fractions[part] = f;
                progress.Report(0.98 * fractions.Select((x, i) => x * weights[i]).Sum() / total);
            }
        };

        VideoPassSpec Spec(VideoSegment segment, bool accurateSeek)
        {
            var height = ThumbnailPicker.EvenHeight(video!, MediaAnalyzer.FrameWidth);
            return new VideoPassSpec(segment, fast, Math.Max(1, threads / segments.Count), accurateSeek, MediaAnalyzer.FrameWidth, height,
                YuvToRgb.For(video!.ColorSpace, video.Height), options, fast ? 1 : SharpnessEvery);
        }

        // The processes run side by side; the first to fail stops the others and is the error reported.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Exception? firstFailure = null;
        async Task<AnalysisPass> Guarded(Func<CancellationToken, Task<AnalysisPass>> run)
        {
            try { return await run(stop.Token); }
            catch (Exception e) when (!ct.IsCancellationRequested && !(e is OperationCanceledException && stop.IsCancellationRequested))
            {
                Interlocked.CompareExchange(ref firstFailure, e, null);
                await stop.CancelAsync();
                throw;
            }
        }

        var tasks = new List<Task<AnalysisPass>>();
        var retried = new StrongBox<int>(0);
        for (var i = 0; i < segments.Count; i++)
        {
            var (segment, part) = (segments[i], i);
            tasks.Add(Guarded(token => fast
                ? AnalysisPass.RunAsync(_ctx, info, Spec(segment, true), info.Audio is not null, Report(part), token)
                : RunSegmentAsync(info, index!, segment, Spec, options, Report(part), retried, token)));
        }
        if (separateAudio) tasks.Add(Guarded(token => AnalysisPass.RunAsync(_ctx, info, null, audio: true, Report(weights.Count - 1), token)));
        AnalysisPass[] passes;
        try { passes = await Task.WhenAll(tasks); }
        catch when (firstFailure is not null)
        {
            // One failed part fails the analysis: report its error, not the others' cancellation or an aggregate.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(firstFailure);
            throw;
        }

        var videoPasses = passes.Where(p => p.Spec is not null).ToList();
        var frames = Merge(videoPasses);
        var boundaries = frames.Count > 0 ? ShotDetector.Detect(frames, options) : [];
        var audioPass = passes.FirstOrDefault(p => p.Speech is not null);
        var tb = index?.TimeBase ?? MediaTime.FromMicroseconds(1).TimeBase;
        List<(long, long?)> black = [], frozen = [];
        if (!fast && frames.Count > 0)
        {
            black = StillRanges.Black(frames, Ticks(tb, BlackMinUs));
            frozen = StillRanges.Frozen(frames, Ticks(tb, FrozenMinUs));
        }
        return new Result(frames, boundaries, black, frozen, audioPass?.Speech, audioPass?.Log ?? new AnalysisLogReader(),
            passes.Sum(p => p.DecodeErrors), videoPasses.Count + retried.Value);
    }

    /// <summary>
    /// Decodes one part of the video. A part after the first must start at or before its keyframe
    /// and every part but the last must reach the frames its successor needs from it. When the quick
    /// seek missed, the part is decoded again with an exact seek (which may start a GOP early but
    /// drops the frames before the keyframe); when that misses too (a demuxer that seeks past the
    /// target), from the start of the file, which cannot miss.
    /// </summary>
    private async Task<AnalysisPass> RunSegmentAsync(MediaInfo info, PacketIndex index, VideoSegment segment, Func<VideoSegment, bool, VideoPassSpec> spec,
        ShotDetectorOptions options, Action<double>? progress, StrongBox<int> retried, CancellationToken ct)
    {
        var startPts = index.Packets[segment.StartFrame].Pts;
        var needPts = index.Packets[Math.Min(index.Count - 1, segment.EndFrame + VideoSegmentPlan.History + options.MaxFlashFrames - 1)].Pts;
        bool Covers(AnalysisPass p) =>
            (segment.SeekUs is null || (p.Frames.Count > 0 && p.Frames.Min(f => f.Pts) <= startPts))
            && (segment.DecodeFrames is null || (p.Frames.Count > 0 && p.Frames.Max(f => f.Pts) >= needPts));

        var pass = await AnalysisPass.RunAsync(_ctx, info, spec(segment, false), audio: false, progress, ct);
        if (segment.SeekUs is null || Covers(pass)) return pass;
        Interlocked.Increment(ref retried.Value);
        pass = await AnalysisPass.RunAsync(_ctx, info, spec(segment, true), audio: false, progress, ct);
        if (Covers(pass)) return pass;
        Interlocked.Increment(ref retried.Value);
        var fromStart = segment with { SeekUs = null, DecodeFrames = segment.DecodeFrames is null ? null : segment.EndFrame + VideoSegmentPlan.Overlap };
        return await AnalysisPass.RunAsync(_ctx, info, spec(fromStart, false), audio: false, progress, ct);
    }

    /// <summary>The parts' features in presentation order, each frame from the part that owns it.</summary>
    private static List<FrameFeatures> Merge(List<AnalysisPass> passes)
    {
        if (passes.Count == 1) return passes[0].Frames;
        var merged = new List<FrameFeatures>();
        for (var i = 0; i < passes.Count; i++)
        {
            var from = passes[i].Spec!.Segment.OwnFromPts;
            var to = i + 1 < passes.Count ? passes[i + 1].Spec!.Segment.OwnFromPts : long.MaxValue;
            merged.AddRange(passes[i].Frames.Where(f => f.Pts >= from && f.Pts < to));
        }
        return merged;
    }

    /// <summary>
    /// Containers whose demuxer seeks to a listed keyframe from a sample index (MP4/MOV, Matroska/WebM).
    /// MPEG-TS and AVI seek by byte position or estimate and were seen landing a GOP past the target
    /// (a part decoded twice), so their video is decoded by one process.
    /// </summary>
    private static bool SeeksPrecisely(ContainerFormat container) => container is ContainerFormat.Mp4 or ContainerFormat.Matroska;

    private static VideoSegment Whole(PacketIndex index) => VideoSegmentPlan.Plan(index, 0, 1, 1)[0];

    private static long Ticks(Rational timeBase, long us) => MediaTime.FromMicroseconds(us).Rescale(timeBase);

    /// <summary>Shortest black stretch reported (blackdetect's default <c>d</c>, 0.1 s).</summary>
    private const long BlackMinUs = 100_000;

    /// <summary>Shortest frozen stretch reported (freezedetect's default <c>d</c>, 2 s).</summary>
    private const long FrozenMinUs = 2_000_000;

    /// <summary>
    /// Shortest part of the video given its own decoder process (frames): below it, starting another
    /// ffmpeg costs more than it saves.
    /// </summary>
    internal const int MinSegmentFrames = 150;
}
