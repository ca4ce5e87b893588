using Cutroom.Engine.Common;
using Cutroom.Engine.Frames;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Thumbnails;

/// <summary>
/// Picks the best representative frame of a video — not black, not blurred, not in a fade — and
/// writes it at full resolution. Candidates come from ffmpeg's <c>thumbnail</c> filter (per batch,
/// the frame whose colour histogram is closest to the batch's mean) run on downscaled frames; each
/// candidate is then scored by <see cref="FrameQuality"/> and the winner is decoded again at full size.
/// </summary>
public sealed class ThumbnailPicker : IJob<ThumbnailRequest, ThumbnailResult>
{
    /// <summary>Number of batches (candidates) the video is divided into.</summary>
    public const int CandidateCount = 24;

    /// <summary>The smallest batch ffmpeg's <c>thumbnail</c> filter takes (its <c>n</c> is 2 or more): a short video has fewer candidates.</summary>
    internal const int MinBatch = 2;

    /// <summary>Width (pixels) of the luma planes the candidates are scored on.</summary>
    internal const int ScoreWidth = 256;

    /// <summary>Above this many frames only keyframes are candidates (decoding a long video in full is not worth it for a thumbnail).</summary>
    internal const int FullDecodeFrameLimit = 18_000;

    private readonly EngineContext _ctx;

    /// <summary>Creates the job over an engine context.</summary>
    public ThumbnailPicker(EngineContext ctx) => _ctx = ctx;

    /// <summary>Picks the best frame of the request's video and writes it at full resolution to its output (.jpg, .png or .webp).</summary>
    /// <param name="request">Input, output image, quality.</param>
    /// <param name="progress">Progress 0..1.</param>
    /// <param name="cancellationToken">Stops ffmpeg; nothing is left behind.</param>
    /// <returns>The image written, the frame chosen and its measured quality.</returns>
    /// <exception cref="JobInputException">The request is invalid (<see cref="ThumbnailRequest.Validate"/>); the output is a folder (<c>output_exists</c>).</exception>
    /// <exception cref="MediaProbeException">The input is missing, not media, or has no video; no frame could be decoded (<c>media_unreadable</c>).</exception>
    /// <exception cref="FFmpegException">ffmpeg failed.</exception>
    public async Task<ThumbnailResult> RunAsync(ThumbnailRequest request, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        request.ThrowIfInvalid();
        var input = request.InputPath;
        var format = request.Format;
        var fractions = JobProgress.Fractions(progress);
        var info = await _ctx.Prober.ProbeAsync(input, measureFrames: false, cancellationToken);
        var video = MediaGuard.RequireVideo(info, _ctx.Limits);
        var index = await _ctx.Prober.ScanPacketsAsync(info, cancellationToken: cancellationToken);
        if (index.Count == 0) throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{Path.GetFileName(input)}' has no video frames");

        var keyframesOnly = index.Count > FullDecodeFrameLimit;
        var pool = keyframesOnly ? index.Keyframes.Count() : index.Count;
        var batch = Math.Max(MinBatch, pool / CandidateCount);
        var work = Path.Combine(Path.GetTempPath(), "cutroom-thumb-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        try
        {
            // 1. Candidates: downscaled, one per batch, as raw luma planes, with their pts.
            var height = EvenHeight(video, ScoreWidth);
            var raw = Path.Combine(work, "candidates.gray");
            var reader = new ShowInfoReader();
            var command = new FFmpegCommandBuilder()
                .LogLevel("info").Overwrite().Global("-copyts")
                .Input(info.Path, new InputOptions { Demuxer = info.Container.Demuxer(), Threads = _ctx.Limits.Threads, SkipNonKeyFrames = keyframesOnly })
                .VideoFilter(FilterChain.Of(
                    Filters.Scale(ScoreWidth, height, "bilinear"),
                    Filters.Thumbnail(batch),
                    Filters.ShowInfo(),
                    Filters.Format("gray")).ToString())
                .Output(raw, "-map", "0:v:0", "-an", "-sn", "-dn", "-fps_mode", "passthrough", "-f", "rawvideo")
                .ExpectDuration(info.DurationMs is { } ms ? MediaTime.FromMilliseconds(ms).ToMicroseconds() : null)
                .Build();
            var scan = await _ctx.Runner.RunAsync(command, new FFmpegRunOptions
            {
                Timeout = _ctx.Limits.FFmpegTimeout,
                Purpose = "scanning for a thumbnail",
                OnStderrLine = reader.Feed,
                Progress = fractions is null ? null : new InlineProgress<FFmpegProgress>(p => fractions.Report(0.9 * (p.Fraction ?? 0))),
            }, cancellationToken);

            var planes = await File.ReadAllBytesAsync(raw, cancellationToken);
            var planeSize = ScoreWidth * height;
            var pts = reader.Pts;
            var count = Math.Min(pts.Count, planes.Length / planeSize);
            if (count == 0) throw new MediaProbeException(JobErrorCodes.MediaUnreadable, $"no frame of '{Path.GetFileName(input)}' could be decoded");
            var best = -1;
            FrameQuality? bestQuality = null;
            for (var i = 0; i < count; i++)
            {
                var q = FrameQuality.Measure(planes.AsSpan(i * planeSize, planeSize), ScoreWidth, height);
                if (bestQuality is null || q.Score > bestQuality.Score) { best = i; bestQuality = q; }
            }

            // 2. The winner at full resolution, decoded from its keyframe (or from the start if that keyframe is broken).
            var winnerPts = pts[best];
            var frameIndex = index.FrameOfPts(winnerPts);
            var run = new FrameDecodeRun(_ctx, info);
            var key = index.KeyframeAtOrBefore(frameIndex);
            var produced = Path.Combine(work, "000000." + FrameFileNames.Extension(format));
            var outcome = await run.RunAsync(key == 0 ? null : index.PtsTime(key), index.PtsTime(frameIndex) + MediaTime.FromMicroseconds(1),
                [Filters.SelectPts([winnerPts])], false, new FrameDecodeRun.ImageOutput(format, request.Quality), work, 0, null, cancellationToken);
            if ((outcome.Pts.Count == 0 || !File.Exists(produced)) && key != 0)
                // The seek to the keyframe missed the frame (AVI with B-frames: timestamps made up by the demuxer): decode from the start.
                outcome = await run.RunAsync(null, index.PtsTime(frameIndex) + MediaTime.FromMicroseconds(1),
                    [Filters.SelectPts([winnerPts])], false, new FrameDecodeRun.ImageOutput(format, request.Quality), work, 0, null, cancellationToken);
            if (outcome.Pts.Count == 0 || !File.Exists(produced)) throw new MediaProbeException(JobErrorCodes.MediaUnreadable, $"the chosen frame of '{Path.GetFileName(input)}' could not be decoded again");

            using var staging = OutputStaging.ForFile(request.OutputPath);
            File.Move(produced, staging.TempPath, overwrite: true);
            var image = await _ctx.Prober.ProbeAsync(staging.TempPath, measureFrames: false, cancellationToken);
            staging.Commit();
            fractions?.Report(1);

            var warnings = new List<string>();
            if (scan.DecodeErrors > 0 || outcome.DecodeErrors > 0) warnings.Add("the video has damaged data; the decoder concealed errors");
            if (keyframesOnly) warnings.Add($"the video is long ({index.Count} frames): only keyframes were considered");
            var ptsMs = (index.TimeOf(winnerPts) - MediaTime.FromMicroseconds(info.StartTimeUs)).ToMilliseconds();
            return new ThumbnailResult(staging.FinalPath, frameIndex, ptsMs, image.Video?.Width ?? 0, image.Video?.Height ?? 0, bestQuality!, count, warnings);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The even height of a <paramref name="width"/>-wide picture of the video's displayed aspect.</summary>
    internal static int EvenHeight(VideoStreamInfo video, int width)
    {
        var displayW = video.DisplayWidth * video.SampleAspectRatio.ToDouble();
        var h = (int)Math.Round(width * video.DisplayHeight / Math.Max(1, displayW) / 2) * 2;
        return Math.Clamp(h, 4, 4 * width);
    }
}
