using Cutroom.Contract.Jobs;
using Cutroom.Engine.Common;
using Cutroom.Engine.Stills;
using Cutroom.FFmpeg.Process;

namespace Cutroom.Engine.Animate;

/// <summary>
/// Turns one still picture into a Ken Burns clip: checks the request, opens the still, renders the
/// clip with ONE ffmpeg run (see <see cref="AnimatePlan"/>) into a staged temp file and moves it into
/// place only when complete.
/// </summary>
public sealed class AnimateJob : IJob<AnimateRequest, AnimateResult>
{
    private readonly EngineContext _context;

    /// <summary>Creates the job over an engine context.</summary>
    public AnimateJob(EngineContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>Renders the clip.</summary>
    /// <param name="request">What to render.</param>
    /// <param name="progress">Receives 0..1 (stage <c>encoding</c>) while ffmpeg runs, then 1.</param>
    /// <param name="cancellationToken">Stops ffmpeg; nothing is left behind.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="Cutroom.Contract.Errors.JobInputException">When the request is invalid (every problem of <see cref="AnimateRequest.Validate"/>) or the input is not a still picture (<c>unsupported_media</c>).</exception>
    /// <exception cref="Cutroom.FFmpeg.Errors.MediaProbeException">When the image is missing, unreadable or beyond the size limits.</exception>
    /// <exception cref="Cutroom.FFmpeg.Errors.FFmpegException">When ffmpeg fails.</exception>
    /// <exception cref="OperationCanceledException">When cancelled.</exception>
    public async Task<AnimateResult> RunAsync(AnimateRequest request, IProgress<JobProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.ThrowIfInvalid();
        var still = await StillImage.LoadAsync(request.ImagePath, _context, cancellationToken).ConfigureAwait(false);

        using var staging = OutputStaging.ForFile(request.OutputPath, request.Overwrite);
        var command = AnimatePlan.Build(request, still, staging.TempPath);
        var fractions = JobProgress.Fractions(progress, Stage);
        var run = await _context.Runner.RunAsync(command, new FFmpegRunOptions
        {
            Timeout = _context.Limits.FFmpegTimeout,
            Progress = fractions is null ? null : new FractionProgress(fractions),
            Purpose = "animating the picture",
        }, cancellationToken).ConfigureAwait(false);
        staging.Commit();
        fractions?.Report(1);

        return new AnimateResult(
            staging.FinalPath, still.Path, request.Motion.Name(), request.Fit.Name(), request.Canvas.Width, request.Canvas.Height,
            request.FrameRate.ToString(), request.FrameCount, request.ClipDuration.ToMilliseconds(), request.Quality.ToString().ToLowerInvariant(),
            request.SilentAudio ? "silent aac" : "none", still.Orientation, new FileInfo(staging.FinalPath).Length,
            (long)run.Elapsed.TotalMilliseconds);
    }

    private const string Stage = "encoding";

    private sealed class FractionProgress(IProgress<double> target) : IProgress<FFmpegProgress>
    {
        public void Report(FFmpegProgress value)
        {
            if (value.Fraction is { } f) target.Report(f);
        }
    }
}
