using Cutroom.Engine.Common;
using Cutroom.Engine.Shots;
using Cutroom.Engine.Thumbnails;
using Cutroom.FFmpeg.Probe;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Analysis;

/// <summary>
/// The second half of the fast analysis: the keyframe pass knows only that a shot changed
/// somewhere between two keyframes, so before a job cuts near such a change, the GOP that holds it
/// is decoded frame by frame and the change is placed on its exact frame. Only the GOPs near the
/// times asked about are decoded, so a 30-minute video costs a few GOPs, not 54,000 frames.
/// </summary>
internal sealed class BoundaryRefiner
{
    private readonly EngineContext _ctx;

    /// <summary>The packet index of the media refined last: jobs refine in rounds, and a 30-minute file's scan is not free.</summary>
    private PacketIndex? _index;
    private string? _indexPath;

    /// <summary>Creates the refiner over an engine context.</summary>
    public BoundaryRefiner(EngineContext ctx) => _ctx = ctx;

    /// <summary>
    /// Returns <paramref name="record"/> with every keyframe-level shot change within
    /// <paramref name="reachMs"/> of one of <paramref name="aroundMs"/> moved to its exact frame
    /// (an exact record, or one without such changes, comes back as it is).
    /// </summary>
    /// <param name="info">The probed media the record describes.</param>
    /// <param name="record">A fast-mode analysis of it.</param>
    /// <param name="aroundMs">Times (ms) a job is about to cut at.</param>
    /// <param name="reachMs">How far from those times a shot change matters (ms).</param>
    /// <param name="ct">Stops ffmpeg.</param>
    /// <returns>The record with refined shots, and how many changes were placed exactly.</returns>
    /// <exception cref="FFmpeg.Errors.FFmpegException">ffmpeg failed.</exception>
    public async Task<(AnalysisRecord Record, int Refined)> RefineAsync(MediaInfo info, AnalysisRecord record, IReadOnlyCollection<long> aroundMs, long reachMs, CancellationToken ct)
    {
        if (record.Mode != AnalysisMode.Fast || info.Video is not { } video || record.Shots.Count < 2) return (record, 0);
        var near = Enumerable.Range(1, record.Shots.Count - 1)
            .Where(s => aroundMs.Any(t => Math.Abs(record.Shots[s].StartMs - t) <= reachMs)).ToList();
        if (near.Count == 0) return (record, 0);

        if (_index is null || _indexPath != info.Path)
        {
            _index = await _ctx.Prober.ScanPacketsAsync(info, cancellationToken: ct);
            _indexPath = info.Path;
        }
        var index = _index;
        var shots = record.Shots.ToList();
        var refined = 0;
        foreach (var s in near)
        {
            var key = Math.Min(shots[s].StartFrame, index.Count - 1);
            var previousKey = index.KeyframeAtOrBefore(key - 1);
            if (key <= previousKey + 1) continue;   // the keyframe before is the frame before: already exact
            var exact = await FindCutAsync(info, video, index, previousKey, key, ct);
            if (exact is not { } frame || frame == shots[s].StartFrame) continue;
            var ms = Math.Clamp(MediaTime.FromMicroseconds(index.PtsUs(frame) - info.StartTimeUs).ToMilliseconds(), 0, record.DurationMs);
            if (ms <= shots[s - 1].StartMs) continue;
            shots[s - 1] = shots[s - 1] with { EndFrame = frame, EndMs = ms };
            shots[s] = shots[s] with { StartFrame = frame, StartMs = ms };
            refined++;
        }
        return (record with { Shots = shots }, refined);
    }

    /// <summary>Decodes frames [<paramref name="from"/>, <paramref name="to"/>] and returns the frame where the picture changes most (null when it cannot tell).</summary>
    private async Task<int?> FindCutAsync(MediaInfo info, VideoStreamInfo video, PacketIndex index, int from, int to, CancellationToken ct)
    {
        var options = new ShotDetectorOptions { MinShotFrames = 1 };
        var window = VideoSegmentPlan.Window(index, info.StartTimeUs, from, to + 1);
        var spec = new VideoPassSpec(window, KeyframesOnly: false, Threads: _ctx.Limits.Threads, AccurateSeek: true,
            MediaAnalyzer.FrameWidth, ThumbnailPicker.EvenHeight(video, MediaAnalyzer.FrameWidth),
            YuvToRgb.For(video.ColorSpace, video.Height), options, SharpnessEvery: int.MaxValue);
        var pass = await AnalysisPass.RunAsync(_ctx, info, spec, audio: false, progress: null, ct);
        var frames = pass.Frames;
        if (frames.Count < 2) return null;
        var firstPts = index.Packets[from].Pts;
        if (frames[0].Pts != firstPts) return null;   // the seek did not land on the window's keyframe

        var cuts = ShotDetector.Detect(frames, options).Where(b => b.Kind == TransitionKind.Cut).ToList();
        var ordinal = cuts.Count > 0 ? cuts.MaxBy(c => c.Score)!.Frame
            : Enumerable.Range(1, frames.Count - 1).MaxBy(i => frames[i].Content);
        if (frames[ordinal].Content < options.StillMinContent) return null;
        var pts = frames[ordinal].Pts;
        for (var i = from; i <= to; i++) if (index.Packets[i].Pts == pts) return i;
        return null;
    }
}
