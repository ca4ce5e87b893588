using Cutroom.Engine.Common;
using Cutroom.Engine.Stills;
using Cutroom.FFmpeg.Process;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Animate;

/// <summary>
/// Runs <c>cutroom animate</c>: checks the request, opens the still, renders the clip with ONE ffmpeg
/// run (see <see cref="AnimatePlan"/>) into a staged temp file and moves it into place only when complete.
/// </summary>
public sealed class AnimateJob
{
    private readonly EngineContext _context;

    /// <summary>Creates the job over an engine context.</summary>
    public AnimateJob(EngineContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>Renders the clip.</summary>
    /// <param name="request">What to render.</param>
    /// <param name="progress">Receives 0..1 while encoding.</param>
    /// <param name="cancellationToken">Stops ffmpeg; nothing is left behind.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="Cutroom.Contract.Errors.JobInputException">When the request is out of range or the input is not a still picture.</exception>
    /// <exception cref="Cutroom.FFmpeg.Errors.MediaProbeException">When the image is missing, unreadable or beyond the size limits.</exception>
    /// <exception cref="Cutroom.FFmpeg.Errors.FFmpegException">When ffmpeg fails.</exception>
    /// <exception cref="OperationCanceledException">When cancelled.</exception>
    public async Task<AnimateResult> RunAsync(AnimateRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var still = await StillImage.LoadAsync(request.ImagePath, _context, cancellationToken).ConfigureAwait(false);

        using var staging = OutputStaging.ForFile(request.OutputPath, request.Overwrite);
        var command = AnimatePlan.Build(request, still, staging.TempPath);
        var run = await _context.Runner.RunAsync(command, new FFmpegRunOptions
        {
            Timeout = _context.Limits.FFmpegTimeout,
            Progress = progress is null ? null : new FractionProgress(progress),
            Purpose = "animating the picture",
        }, cancellationToken).ConfigureAwait(false);
        staging.Commit();
        progress?.Report(1);

        return new AnimateResult(
            staging.FinalPath, still.Path, request.Motion.Name(), request.Fit.Name(), request.Canvas.Width, request.Canvas.Height,
            request.FrameRate.ToString(), request.FrameCount, MediaTime.UsToMs(request.ClipDurationUs), request.Quality.Name(),
            request.SilentAudio ? "silent aac" : "none", still.Orientation, new FileInfo(staging.FinalPath).Length,
            (long)run.Elapsed.TotalMilliseconds);
    }

    private sealed class FractionProgress(IProgress<double> target) : IProgress<FFmpegProgress>
    {
        public void Report(FFmpegProgress value)
        {
            if (value.Fraction is { } f) target.Report(f);
        }
    }
}
