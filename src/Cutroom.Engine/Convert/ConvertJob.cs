using Cutroom.Contract.Output;
using Cutroom.Engine.Common;
using Cutroom.Engine.Encoding;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Convert;

/// <summary>
/// <c>cutroom convert</c>: re-encodes a whole video with an <see cref="OutputSpec"/> (MP4/MOV:
/// H.264 High 4:2:0 + AAC 48 kHz with <c>+faststart</c>; WebM: VP9 + Opus), scaled to a height
/// with the aspect ratio kept (<see cref="OutputSize"/>), rotation applied by ffmpeg's autorotate
/// (so the output has no display matrix and is stored upright), and every source frame kept with
/// its timestamp (<c>-fps_mode passthrough</c>), so the frame rate is the source's.
/// The output is written under a temporary name and renamed when complete.
/// </summary>
public sealed class ConvertJob : IJob<ConvertRequest, ConvertResult>
{
    private readonly EngineContext _ctx;

    /// <summary>Creates the job over an engine context.</summary>
    public ConvertJob(EngineContext context) => _ctx = context;

    /// <summary>Runs the conversion.</summary>
    /// <param name="request">What to convert and how.</param>
    /// <param name="progress">Receives progress 0..1 (from ffmpeg's output time against the source duration); may be null.</param>
    /// <param name="cancellationToken">Stops ffmpeg; the temporary output is deleted.</param>
    /// <returns>The output as probed.</returns>
    /// <exception cref="JobInputException">When the request is invalid (<see cref="ConvertRequest.Validate"/>), the input is a still image, or the size is over the limit (<c>over_limit</c>, field <c>height</c>).</exception>
    /// <exception cref="MediaProbeException">When the input is missing, not media, has no video, or is beyond the limits.</exception>
    /// <exception cref="FFmpegException">When ffmpeg fails.</exception>
    public async Task<ConvertResult> RunAsync(ConvertRequest request, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.ThrowIfInvalid();
        var format = request.ResolvedFormat;
        var info = await _ctx.Prober.ProbeAsync(request.InputPath, measureFrames: false, cancellationToken).ConfigureAwait(false);
        var video = MediaGuard.RequireVideo(info, _ctx.Limits);
        if (info.IsStillImage) throw new JobInputException(JobErrorCodes.UnsupportedMedia, JobFields.Input, $"'{Path.GetFileName(info.Path)}' is a still image, not a video");
        var duration = MediaGuard.RequireDuration(info);
        var size = OutputSize.Compute(video, request.Height, request.Upscale, _ctx.Limits.MaxDimension);
        var preset = OutputSpecs.For(format, request.Quality);

        using var staging = OutputStaging.ForFile(request.OutputPath);
        var errors = new DecodeErrorTally();
        await _ctx.Runner.RunAsync(BuildCommand(info, size, preset, staging.TempPath, duration, _ctx.Limits.Threads), new FFmpegRunOptions
        {
            Timeout = _ctx.Limits.FFmpegTimeout,
            Progress = new EncodeProgress(JobProgress.Fractions(progress, "converting")),
            OnStderrLine = errors.Observe,
            Purpose = "converting",
        }, cancellationToken).ConfigureAwait(false);

        var output = await _ctx.Prober.ProbeAsync(staging.TempPath, measureFrames: true, cancellationToken).ConfigureAwait(false);
        var outVideo = output.Video ?? throw FFmpegException.InvalidOutput("converting wrote no video stream");
        var warnings = new List<string>();
        if (size.UpscaleRefused)
            warnings.Add($"the source is only {video.DisplayHeight} px high; kept that height instead of upscaling to {request.Height} (allow upscaling to enlarge)");
        if (errors.Count > 0)
            warnings.Add($"the source is damaged: ffmpeg concealed {errors.Count} decode error(s) (first: \"{errors.Messages[0]}\"); the output may show glitches there");
        staging.Commit();
        return new ConvertResult
        {
            OutputPath = staging.FinalPath,
            Format = format,
            Quality = request.Quality,
            SourceWidth = video.DisplayWidth,
            SourceHeight = video.DisplayHeight,
            RotationApplied = video.RotationDegrees,
            UpscaleRefused = size.UpscaleRefused,
            Width = outVideo.DisplayWidth,
            Height = outVideo.DisplayHeight,
            FrameRate = outVideo.FrameRate,
            FrameCount = outVideo.FrameCount ?? 0,
            DurationMs = output.DurationMs ?? outVideo.DurationMs ?? 0,
            VideoCodec = outVideo.Codec,
            AudioCodec = output.Audio?.Codec,
            SizeBytes = new FileInfo(staging.FinalPath).Length,
            Warnings = warnings,
        };
    }

    /// <summary>Builds the ffmpeg command: scale, square pixels, the preset's pixel format; audio mapped as is and encoded by the preset.</summary>
    internal static FFmpegCommand BuildCommand(MediaInfo info, OutputSize size, OutputSpec preset, string outputPath, MediaTime duration, int threads)
    {
        var graph = new FilterGraph();
        var videoOrdinal = info.Streams.OfType<VideoStreamInfo>().ToList().IndexOf(info.Video!);
        var v = graph.InputVideo(0, videoOrdinal)
            .Then(Filters.Scale(size.Width, size.Height, size.Height > (info.Video!.DisplayHeight) ? "lanczos" : null))
            .Then(Filters.SetSar())
            .Then(Filters.Format(preset.Video.PixelFormat));
        graph.Output(v, "v");
        var hasAudio = info.Audio is not null;
        List<string> options =
        [
            "-map", "[v]", .. hasAudio ? ["-map", "0:a:0"] : Array.Empty<string>(),
            "-fps_mode", "passthrough",
            .. preset.OutputArguments(threads, hasAudio),
        ];
        return new FFmpegCommandBuilder()
            .Overwrite()
            .ExpectDuration(duration.ToMicroseconds())
            .Input(info.Path, new InputOptions { Demuxer = info.Container.Demuxer(), Threads = threads })
            .FilterComplex(graph.Render())
            .Output(outputPath, [.. options])
            .Build();
    }
}
