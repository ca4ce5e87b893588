using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Time;
using Cutroom.Engine.Common;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;

namespace Cutroom.Engine.Frames;

/// <summary>
/// Extracts frames of a video as images (the "Free Video Frames" job): every Nth frame, a rate,
/// given times, an interval, keyframes, or N evenly spread — into a folder with a
/// <c>frames.json</c> manifest. The folder appears complete or not at all.
/// </summary>
public sealed class FrameExtractor : IJob<FramesRequest, FrameExtractionResult>
{
    /// <summary>Above this gap (in frames) between wanted frames, decoding restarts with a seek instead of decoding through.</summary>
    internal const int SeekGapFrames = 600;

    /// <summary>The most frames one decode window selects: its select expression stays a few tens of kB.</summary>
    internal const int MaxWindowFrames = 2000;

    private readonly EngineContext _ctx;
    private readonly int _seekGapFrames;
    private readonly bool _checkCapUpFront;

    /// <summary>Creates the job over an engine context.</summary>
    public FrameExtractor(EngineContext ctx) : this(ctx, SeekGapFrames) { }

    /// <summary>
    /// Creates the job with another seek threshold (tests force seeking with 0) and, for tests of the
    /// cap ffmpeg enforces, without the up-front frame limit check (as when a packet index under-reports).
    /// </summary>
    internal FrameExtractor(EngineContext ctx, int seekGapFrames, bool checkCapUpFront = true)
    {
        _ctx = ctx;
        _seekGapFrames = seekGapFrames;
        _checkCapUpFront = checkCapUpFront;
    }

    /// <summary>Extracts the frames the request selects into its output folder.</summary>
    /// <param name="request">Input, output folder, selector, format, quality, width, range.</param>
    /// <param name="progress">Progress 0..1.</param>
    /// <param name="cancellationToken">Stops ffmpeg; nothing is left behind.</param>
    /// <returns>The frames written, in time order.</returns>
    /// <exception cref="JobInputException">
    /// The request is invalid (<see cref="FramesRequest.Validate"/>); a time beyond the end (<c>out_of_range</c>);
    /// a selector that matches nothing (<c>nothing_selected</c>); an interval selecting more than
    /// <see cref="FramesRequest.MaxIntervalFrames"/> frames (<c>over_limit</c>); a non-empty output folder (<c>output_exists</c>).
    /// </exception>
    /// <exception cref="MediaProbeException">The input is missing, not media, or has no video.</exception>
    /// <exception cref="FFmpegException">ffmpeg failed.</exception>
    public async Task<FrameExtractionResult> RunAsync(FramesRequest request, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        request.ThrowIfInvalid();
        var sw = Stopwatch.StartNew();
        var fractions = JobProgress.Fractions(progress);
        var input = request.InputPath;
        var info = await _ctx.Prober.ProbeAsync(input, measureFrames: false, cancellationToken);
        MediaGuard.RequireVideo(info, _ctx.Limits);
        var index = await _ctx.Prober.ScanPacketsAsync(info, cancellationToken: cancellationToken);
        if (index.Count == 0) throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{Path.GetFileName(input)}' has no video frames");

        var range = FrameRange.Resolve(info, index, request.Start, request.End);
        var fileStart = MediaTime.FromMicroseconds(info.StartTimeUs);
        var targets = TargetFrames(request.Selector, info, index, range);   // before staging: a bad time leaves nothing behind
        var cap = Math.Max(1, _ctx.Limits.MaxFramesPerRequest);
        var selected = SelectedCount(request.Selector, index, range, targets);
        if (_checkCapUpFront && selected > cap) throw new FrameLimitException(FieldOf(request.Selector), selected, cap);
        using var staging = OutputStaging.ForDirectory(request.OutputDirectory);
        var run = new FrameDecodeRun(_ctx, info);
        var image = new FrameDecodeRun.ImageOutput(request.Format, request.Quality, request.Width);
        var warnings = new List<string>();
        var written = new List<long>();

        switch (request.Selector)
        {
            case FrameSelector.Every e:
                await SinglePass([range.PtsFilter(), Filters.SelectEveryNth(e.N)], false);
                break;
            case FrameSelector.Rate r:
                await SinglePass([range.PtsFilter(), Filters.SelectRate(r.FramesPerSecond, index.PtsTime(range.FirstFrame))], false);
                break;
            case FrameSelector.Keyframes:
                await SinglePass([range.PtsFilter()], true);
                break;
            default:
                await TargetPasses(targets!);
                break;
        }

        if (written.Count >= cap && selected != written.Count)
            warnings.Add($"stopped at the limit of {cap} frames per request: the video has more frames than its index showed");
        if (written.Count == 0)
            throw new JobInputException(JobErrorCodes.NothingSelected, JobFields.Request,
                $"no frame matched {request.Selector.Describe()} in '{Path.GetFileName(input)}'{range.Describe(info)}");

        // Name the numbered files by frame index and time, and write the manifest.
        var ptsToIndex = new Dictionary<long, int>();
        for (var i = 0; i < index.Count; i++) ptsToIndex.TryAdd(index.Packets[i].Pts, i);   // one pass, not FrameOfPts per frame
        var frames = new List<ExtractedFrame>(written.Count);
        var ext = FrameFileNames.Extension(request.Format);
        for (var i = 0; i < written.Count; i++)
        {
            var pts = written[i];
            var time = index.TimeOf(pts);
            var frameIndex = ptsToIndex.TryGetValue(pts, out var fi) ? fi : index.FrameAt(time.ToMicroseconds());
            var ptsMs = (time - fileStart).ToMilliseconds();
            var name = FrameFileNames.For(frameIndex, ptsMs, request.Format);
            File.Move(Path.Combine(staging.TempPath, i.ToString("D6", CultureInfo.InvariantCulture) + "." + ext), Path.Combine(staging.TempPath, name));
            frames.Add(new ExtractedFrame(frameIndex, ptsMs, name));
        }
        var manifest = new FrameManifest(Path.GetFileName(input), request.Selector.Describe(), ext,
            frames.Select(f => new FrameManifestEntry(f.Index, f.PtsMs, f.File)).ToList());
        await File.WriteAllTextAsync(Path.Combine(staging.TempPath, "frames.json"),
            JsonSerializer.Serialize(manifest, FrameManifestJson.Default.FrameManifest), cancellationToken);
        staging.Commit();
        fractions?.Report(1);
        return new FrameExtractionResult(staging.FinalPath, request.Selector.Describe(), frames, warnings, sw.ElapsedMilliseconds);

        async Task SinglePass(IReadOnlyList<Filter> selects, bool keyframesOnly)
        {
            MediaTime? seek = range.FirstFrame == 0 ? null : index.PtsTime(index.KeyframeAtOrBefore(range.FirstFrame));
            var outcome = await run.RunAsync(seek, range.End, selects, keyframesOnly, image with { MaxImages = Capped(cap) }, staging.TempPath, 0, fractions, cancellationToken);
            Collect(outcome);
        }

        async Task TargetPasses(IReadOnlyList<int> wanted)
        {
            var windows = PlanWindows(index, wanted, _seekGapFrames);
            for (var w = 0; w < windows.Count && written.Count < cap; w++)
            {
                var (start, frameList) = windows[w];
                MediaTime? seek = start == 0 ? null : index.PtsTime(start);
                var end = index.PtsTime(frameList[^1]) + MediaTime.FromMicroseconds(1);
                var baseFraction = (double)w / windows.Count;
                var sub = fractions is null ? null : new InlineProgress<double>(f => fractions.Report(baseFraction + f / windows.Count));
                var outcome = await run.RunAsync(seek, end, [Filters.SelectPts(frameList.Select(f => index.Packets[f].Pts))], false,
                    image with { MaxImages = Capped(cap - written.Count) }, staging.TempPath, written.Count, sub, cancellationToken);
                Collect(outcome);
            }
        }

        void Collect(FrameDecodeRun.Outcome outcome)
        {
            // showinfo also reports frames the filter passed after ffmpeg's -frames:v stopped writing
            written.AddRange(outcome.Pts.Take(Math.Max(0, cap - written.Count)));
            if (outcome.SeekFallback)
                warnings.Add("a keyframe did not decode cleanly after seeking; those frames were decoded from the start of the file instead");
            if (outcome.DecodeErrors > 0)
            {
                var w = $"the video has damaged data: the decoder concealed {outcome.DecodeErrors} error(s); affected frames may show artefacts";
                if (!warnings.Contains(w)) warnings.Add(w);
            }
        }
    }

    /// <summary>How many frames <paramref name="selector"/> selects in <paramref name="range"/>, from the packet index (before any decoding).</summary>
    internal static long SelectedCount(FrameSelector selector, PacketIndex index, FrameRange range, List<int>? targets)
    {
        if (targets is not null) return targets.Count;
        switch (selector)
        {
            case FrameSelector.Every e:
                return (range.FrameCount + e.N - 1) / e.N;
            case FrameSelector.Rate r:
                var seconds = (index.PtsTime(range.LastFrame) - index.PtsTime(range.FirstFrame)).TotalSeconds + 1e-9;
                return Math.Min(range.FrameCount, (long)Math.Floor(seconds * r.FramesPerSecond.ToDouble()) + 1);
            case FrameSelector.Keyframes:
                long keys = 0;
                for (var i = range.FirstFrame; i <= range.LastFrame; i++) if (index.Packets[i].IsKeyframe) keys++;
                return keys;
            default:
                return range.FrameCount;
        }
    }

    /// <summary>The image cap of one ffmpeg run: null (no <c>-frames:v</c>) when there is no cap.</summary>
    private static int? Capped(int remaining) => remaining >= int.MaxValue / 2 ? null : remaining;

    /// <summary>The request field of a selector, where a refusal of its frame count points.</summary>
    private static string FieldOf(FrameSelector selector) => selector switch
    {
        FrameSelector.Every => FramesRequest.EveryField,
        FrameSelector.Rate => FramesRequest.FpsField,
        FrameSelector.Keyframes => FramesRequest.KeyframesField,
        FrameSelector.At => FramesRequest.AtField,
        FrameSelector.Interval => FramesRequest.IntervalField,
        FrameSelector.Count => FramesRequest.CountField,
        _ => JobFields.Request,
    };

    /// <summary>The frame indices wanted by a time-based selector, sorted and distinct; null for the selectors that pass frames in one run.</summary>
    /// <exception cref="JobInputException">A time beyond the end, too many frames for an interval, a count over the range's frames.</exception>
    private static List<int>? TargetFrames(FrameSelector selector, MediaInfo info, PacketIndex index, FrameRange range)
    {
        var duration = MediaTime.FromMilliseconds(info.DurationMs ?? 0);
        var fileStart = MediaTime.FromMicroseconds(info.StartTimeUs);
        switch (selector)
        {
            case FrameSelector.At at:
                var frames = new List<int>();
                foreach (var t in at.Times)
                {
                    if (t >= duration)
                        throw new JobInputException(JobErrorCodes.OutOfRange, FramesRequest.AtField, $"{t.ToClock()} is beyond the end of the video ({duration.ToClock()})");
                    frames.Add(index.FrameAt((fileStart + t).ToMicroseconds()));
                }
                return frames.Distinct().Order().ToList();
            case FrameSelector.Interval iv:
                var list = new List<int>();
                for (var t = range.Start; t < range.End; t += iv.Spacing)
                {
                    list.Add(index.FrameAt(t.ToMicroseconds()));
                    if (list.Count > FramesRequest.MaxIntervalFrames)
                        throw new JobInputException(JobErrorCodes.OverLimit, FramesRequest.IntervalField,
                            $"is too small: it selects more than {FramesRequest.MaxIntervalFrames} frames");
                }
                return list.Distinct().Order().ToList();
            case FrameSelector.Count c:
                var n = range.FrameCount;
                if (c.N > n) throw new JobInputException(JobErrorCodes.OutOfRange, FramesRequest.CountField, $"asks for {c.N} frames but the range has {n}");
                return Enumerable.Range(0, c.N).Select(i => range.FirstFrame + (int)((i + 0.5) * n / c.N)).Distinct().ToList();
            default:
                return null;
        }
    }

    /// <summary>
    /// Groups wanted frames into decode windows: a window starts at the keyframe before its first
    /// frame; the next frame joins it unless its keyframe lies more than <paramref name="seekGapFrames"/>
    /// past the window's last frame (then a seek is cheaper than decoding through), or the window
    /// already holds <paramref name="maxFrames"/> frames.
    /// </summary>
    internal static List<(int Start, List<int> Frames)> PlanWindows(PacketIndex index, IReadOnlyList<int> targets, int seekGapFrames, int maxFrames = MaxWindowFrames)
    {
        var windows = new List<(int, List<int>)>();
        foreach (var f in targets)
        {
            var key = index.KeyframeAtOrBefore(f);
            if (windows.Count > 0 && key - windows[^1].Item2[^1] <= seekGapFrames && windows[^1].Item2.Count < maxFrames) windows[^1].Item2.Add(f);
            else windows.Add((key, [f]));
        }
        return windows;
    }
}
