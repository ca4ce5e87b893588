using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cutroom.Engine.Common;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Frames;

/// <summary>
/// Extracts frames of a video as images (the "Free Video Frames" job): every Nth frame, a rate,
/// given times, an interval, keyframes, or N evenly spread — into a folder with a
/// <c>frames.json</c> manifest. The folder appears complete or not at all.
/// </summary>
public sealed class FrameExtractor
{
    /// <summary>Above this gap (in frames) between wanted frames, decoding restarts with a seek instead of decoding through.</summary>
    internal const int SeekGapFrames = 600;

    private readonly EngineContext _ctx;
    private readonly int _seekGapFrames;

    /// <summary>Creates the job over an engine context.</summary>
    public FrameExtractor(EngineContext ctx) : this(ctx, SeekGapFrames) { }

    /// <summary>Creates the job with another seek threshold (tests force seeking with 0).</summary>
    internal FrameExtractor(EngineContext ctx, int seekGapFrames) { _ctx = ctx; _seekGapFrames = seekGapFrames; }

    /// <summary>Extracts frames of <paramref name="input"/> into <paramref name="outputDirectory"/>.</summary>
    /// <param name="input">A video file.</param>
    /// <param name="outputDirectory">A new or empty folder; created.</param>
    /// <param name="options">Selector, format, quality, width, range.</param>
    /// <param name="progress">Progress 0..1.</param>
    /// <param name="cancellationToken">Stops ffmpeg; nothing is left behind.</param>
    /// <returns>The frames written, in time order.</returns>
    /// <exception cref="JobInputException">Bad options, a time beyond the end, a selector that matches nothing, a non-empty output folder.</exception>
    /// <exception cref="MediaProbeException">The input is missing, not media, or has no video.</exception>
    /// <exception cref="FFmpegException">ffmpeg failed.</exception>
    public async Task<FrameExtractionResult> ExtractAsync(string input, string outputDirectory, FrameExtractionOptions options,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var sw = Stopwatch.StartNew();
        Validate(options);
        var info = await _ctx.Prober.ProbeAsync(input, measureFrames: false, cancellationToken);
        MediaGuard.RequireVideo(info, _ctx.Limits);
        var index = await _ctx.Prober.ScanPacketsAsync(info, cancellationToken: cancellationToken);
        if (index.Count == 0) throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{Path.GetFileName(input)}' has no video frames");

        var range = FrameRange.Resolve(info, index, options.StartUs, options.EndUs);
        using var staging = OutputStaging.ForDirectory(outputDirectory);
        var run = new FrameDecodeRun(_ctx, info);
        var warnings = new List<string>();
        var written = new List<long>();

        switch (options.Selector)
        {
            case FrameSelector.Every e:
                await SinglePass([Filters.Select(range.PtsFilter()), Filters.Select($"not(mod(n,{e.N}))")], false);
                break;
            case FrameSelector.Rate r:
                var startSec = MediaTime.ToFFmpeg(index.PtsUs(range.FirstFrame));
                var rate = $"({r.FramesPerSecond.Num}/{r.FramesPerSecond.Den})";
                await SinglePass([Filters.Select(range.PtsFilter()),
                    Filters.Select($"eq(n,0)+gt(floor((t-{startSec})*{rate}),floor((prev_t-{startSec})*{rate}))")], false);
                break;
            case FrameSelector.Keyframes:
                await SinglePass([Filters.Select(range.PtsFilter())], true);
                break;
            default:
                var targets = TargetFrames(options.Selector, info, index, range);
                await TargetPasses(targets);
                break;
        }

        if (written.Count == 0)
            throw new JobInputException($"no frame matched {options.Selector.Describe()} in '{Path.GetFileName(input)}'{range.Describe(info)}");

        // Name the numbered files by frame index and time, and write the manifest.
        var ptsToIndex = new Dictionary<long, int>();
        for (var i = 0; i < index.Count; i++) ptsToIndex.TryAdd(index.Packets[i].Pts, i);   // one pass, not FrameOfPts per frame
        var frames = new List<ExtractedFrame>(written.Count);
        var ext = FrameFileNames.Extension(options.Format);
        for (var i = 0; i < written.Count; i++)
        {
            var pts = written[i];
            var ptsUs = index.TimeBase.MultiplyRound(pts * 1_000_000);
            var frameIndex = ptsToIndex.TryGetValue(pts, out var fi) ? fi : index.FrameAt(ptsUs);
            var ptsMs = MediaTime.UsToMs(ptsUs - info.StartTimeUs);
            var name = FrameFileNames.For(frameIndex, ptsMs, options.Format);
            File.Move(Path.Combine(staging.TempPath, i.ToString("D6", CultureInfo.InvariantCulture) + "." + ext), Path.Combine(staging.TempPath, name));
            frames.Add(new ExtractedFrame(frameIndex, ptsMs, name));
        }
        var manifest = new FrameManifest(Path.GetFileName(input), options.Selector.Describe(), FrameFileNames.Extension(options.Format),
            frames.Select(f => new FrameManifestEntry(f.Index, f.PtsMs, f.File)).ToList());
        await File.WriteAllTextAsync(Path.Combine(staging.TempPath, "frames.json"),
            JsonSerializer.Serialize(manifest, FrameManifestJson.Default.FrameManifest), cancellationToken);
        staging.Commit();
        progress?.Report(1);
        return new FrameExtractionResult(staging.FinalPath, options.Selector.Describe(), frames, warnings, sw.ElapsedMilliseconds);

        async Task SinglePass(IReadOnlyList<Filter> selects, bool keyframesOnly)
        {
            var seek = range.FirstFrame == 0 ? (long?)null : index.PtsUs(index.KeyframeAtOrBefore(range.FirstFrame));
            var outcome = await run.RunAsync(seek, range.EndUs, selects, keyframesOnly, options, staging.TempPath, 0, progress, cancellationToken);
            Collect(outcome);
        }

        async Task TargetPasses(IReadOnlyList<int> targets)
        {
            var windows = PlanWindows(index, targets, _seekGapFrames);
            for (var w = 0; w < windows.Count; w++)
            {
                var (start, frameList) = windows[w];
                var expr = string.Join('+', frameList.Select(f => $"eq(pts,{index.Packets[f].Pts.ToString(CultureInfo.InvariantCulture)})"));
                var seek = start == 0 ? (long?)null : index.PtsUs(start);
                var endUs = index.PtsUs(frameList[^1]) + 1;
                var baseFraction = (double)w / windows.Count;
                var sub = progress is null ? null : new InlineProgress<double>(f => progress.Report(baseFraction + f / windows.Count));
                var outcome = await run.RunAsync(seek, endUs, [Filters.Select(expr)], false, options, staging.TempPath, written.Count, sub, cancellationToken);
                Collect(outcome);
            }
        }

        void Collect(FrameDecodeRun.Outcome outcome)
        {
            written.AddRange(outcome.Pts);
            if (outcome.SeekFallback)
                warnings.Add("a keyframe did not decode cleanly after seeking; those frames were decoded from the start of the file instead");
            if (outcome.DecodeErrors > 0)
            {
                var w = $"the video has damaged data: the decoder concealed {outcome.DecodeErrors} error(s); affected frames may show artefacts";
                if (!warnings.Contains(w)) warnings.Add(w);
            }
        }
    }

    private static void Validate(FrameExtractionOptions o)
    {
        switch (o.Selector)
        {
            case FrameSelector.Every { N: < 1 }: throw new JobInputException("--every must be 1 or more", isUsage: true);
            case FrameSelector.Count { N: < 1 or > 10_000 }: throw new JobInputException("--count must be between 1 and 10000", isUsage: true);
            case FrameSelector.Rate r when !r.FramesPerSecond.IsPositive || r.FramesPerSecond.ToDouble() > 240: throw new JobInputException("--fps must be above 0 and at most 240", isUsage: true);
            case FrameSelector.Interval { IntervalUs: <= 0 }: throw new JobInputException("--interval must be above 0", isUsage: true);
            case FrameSelector.At { TimesUs.Count: 0 }: throw new JobInputException("--at needs at least one time", isUsage: true);
        }
        if (o.Quality is < 1 or > 100) throw new JobInputException("--quality must be between 1 and 100", isUsage: true);
        if (o.Width is < 16 or > 8192) throw new JobInputException("--width must be between 16 and 8192 pixels", isUsage: true);
        if (o.StartUs is < 0 || o.EndUs is < 0) throw new JobInputException("--start and --end must not be negative", isUsage: true);
        if (o.StartUs is { } s && o.EndUs is { } e && e <= s) throw new JobInputException("--end must be after --start", isUsage: true);
    }

    /// <summary>The frame indices wanted by a time-based selector, sorted and distinct.</summary>
    private static List<int> TargetFrames(FrameSelector selector, MediaInfo info, PacketIndex index, FrameRange range)
    {
        var durationUs = (info.DurationMs ?? 0) * 1000;
        switch (selector)
        {
            case FrameSelector.At at:
                var frames = new List<int>();
                foreach (var t in at.TimesUs)
                {
                    if (t >= durationUs)
                        throw new JobInputException($"--at {MediaTime.ToClock(MediaTime.UsToMs(t))} is beyond the end of the video ({MediaTime.ToClock(info.DurationMs ?? 0)})");
                    frames.Add(index.FrameAt(info.StartTimeUs + t));
                }
                return frames.Distinct().Order().ToList();
            case FrameSelector.Interval iv:
                var list = new List<int>();
                var from = range.StartUs;
                for (var t = from; t < range.EndUs; t += iv.IntervalUs)
                {
                    list.Add(index.FrameAt(t));
                    if (list.Count > 100_000) throw new JobInputException("--interval is too small: more than 100000 frames", isUsage: true);
                }
                return list.Distinct().Order().ToList();
            case FrameSelector.Count c:
                var n = range.FrameCount;
                if (c.N > n) throw new JobInputException($"--count {c.N} asks for more frames than the range has ({n})");
                return Enumerable.Range(0, c.N).Select(i => range.FirstFrame + (int)((i + 0.5) * n / c.N)).Distinct().ToList();
            default:
                throw new ArgumentOutOfRangeException(nameof(selector));
        }
    }

    /// <summary>
    /// Groups wanted frames into decode windows: a window starts at the keyframe before its first
    /// frame; the next frame joins it unless its keyframe lies more than <paramref name="seekGapFrames"/>
    /// past the window's last frame (then a seek is cheaper than decoding through).
    /// </summary>
    internal static List<(int Start, List<int> Frames)> PlanWindows(PacketIndex index, IReadOnlyList<int> targets, int seekGapFrames)
    {
        var windows = new List<(int, List<int>)>();
        foreach (var f in targets)
        {
            var key = index.KeyframeAtOrBefore(f);
            if (windows.Count > 0 && key - windows[^1].Item2[^1] <= seekGapFrames) windows[^1].Item2.Add(f);
            else windows.Add((key, [f]));
        }
        return windows;
    }
}
