using Cutroom.Contract.Output;
using Cutroom.Engine.Common;
using Cutroom.Engine.Encoding;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Trim;

/// <summary>
/// <c>cutroom trim</c>: cuts a time range out of a video into an MP4 (H.264 High 4:2:0 + AAC
/// 48 kHz, <c>+faststart</c>, the source's frame timing). See <see cref="TrimMode"/> for the modes
/// and docs/trim-and-convert.md. The output is written under a temporary name and renamed when
/// complete; on any failure nothing is left behind.
/// </summary>
public sealed class TrimJob : IJob<TrimRequest, TrimResult>
{
    private readonly EngineContext _ctx;

    /// <summary>Creates the job over an engine context.</summary>
    public TrimJob(EngineContext context) => _ctx = context;

    /// <summary>Runs the trim.</summary>
    /// <param name="request">What to cut and where to write it.</param>
    /// <param name="progress">Receives progress 0..1; may be null.</param>
    /// <param name="cancellationToken">Stops ffmpeg; the temporary output is deleted.</param>
    /// <returns>The output as probed, with the actual cut points and warnings.</returns>
    /// <exception cref="JobInputException">When the request is invalid (<see cref="TrimRequest.Validate"/>), a time is past the end of the file (<c>out_of_range</c>), the input is a still image, or fast mode cannot copy the video (<c>not_applicable</c>, field <c>mode</c>).</exception>
    /// <exception cref="MediaProbeException">When the input is missing, not media, has no video or is beyond the limits.</exception>
    /// <exception cref="FFmpegException">When ffmpeg fails.</exception>
    public async Task<TrimResult> RunAsync(TrimRequest request, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.ThrowIfInvalid();
        var fractions = JobProgress.Fractions(progress, "trimming");
        var info = await _ctx.Prober.ProbeAsync(request.InputPath, measureFrames: false, cancellationToken).ConfigureAwait(false);
        MediaGuard.RequireVideo(info, _ctx.Limits);
        if (info.IsStillImage) throw new JobInputException(JobErrorCodes.UnsupportedMedia, JobFields.Input, $"'{Path.GetFileName(info.Path)}' is a still image; there is nothing to trim");
        MediaGuard.RequireDuration(info);
        if (request.Mode == TrimMode.Fast) FastTrim.RequireCopyable(info);
        var index = await _ctx.Prober.ScanPacketsAsync(info, cancellationToken: cancellationToken).ConfigureAwait(false);
        var window = TrimWindow.Plan(info, index, request.Start, request.End);
        var preset = OutputSpecs.For(OutputFormat.Mp4, request.Quality);

        using var staging = OutputStaging.ForFile(request.OutputPath);
        var warnings = new List<string>();
        DecodeErrorTally run;
        long? decodedFromUs = null;
        if (request.Mode == TrimMode.Exact)
        {
            var outcome = await ExactTrim.RunAsync(_ctx, info, index, window, preset, staging.TempPath, fractions, cancellationToken).ConfigureAwait(false);
            run = outcome.Errors;
            decodedFromUs = outcome.DecodedFromUs ?? info.StartTimeUs;
            warnings.AddRange(outcome.Notes);
        }
        else
        {
            run = await FastTrim.RunAsync(_ctx, info, window, preset, staging.TempPath, fractions, cancellationToken).ConfigureAwait(false);
            var check = await FastTrim.CheckDecodeAsync(_ctx, staging.TempPath, cancellationToken).ConfigureAwait(false);
            if (check.Count > 0) warnings.Add(FastTrim.UndecodableWarning(window, check));
        }
        if (run.Count > 0) warnings.Add(DamageWarning(run));

        var output = await _ctx.Prober.ProbeAsync(staging.TempPath, measureFrames: true, cancellationToken).ConfigureAwait(false);
        var outVideo = output.Video ?? throw FFmpegException.InvalidOutput("trimming wrote no video stream");
        int? hidden = null;
        if (request.Mode == TrimMode.Fast)
        {
            hidden = window.FirstFrame - window.Keyframe;
            if (hidden > 0) warnings.Insert(0, FastTrim.EditListWarning(window, hidden.Value));
        }
        var durationMs = outVideo.DurationMs ?? output.DurationMs ?? 0;
        staging.Commit();
        return new TrimResult
        {
            OutputPath = staging.FinalPath,
            Mode = request.Mode,
            RequestedFromMs = request.Start.ToMilliseconds(),
            RequestedToMs = request.End.ToMilliseconds(),
            StartMs = window.ToFileMs(window.StartUs),
            EndMs = request.Mode == TrimMode.Exact ? window.ToFileMs(window.EndUs) : window.ToFileMs(window.StartUs) + durationMs,
            KeyframeMs = request.Mode == TrimMode.Fast ? window.ToFileMs(window.KeyframeUs) : null,
            HiddenFrames = hidden,
            FirstFrame = window.FirstFrame,
            DurationMs = output.DurationMs ?? durationMs,
            FrameCount = outVideo.FrameCount ?? 0,
            Width = outVideo.DisplayWidth,
            Height = outVideo.DisplayHeight,
            FrameRate = outVideo.FrameRate,
            VideoCodec = outVideo.Codec,
            AudioCodec = output.Audio?.Codec,
            DecodedFromMs = decodedFromUs is { } d ? window.ToFileMs(d) : null,
            Warnings = warnings,
        };
    }

    /// <summary>The warning for a source whose damage ffmpeg concealed while decoding it.</summary>
    internal static string DamageWarning(DecodeErrorTally errors) =>
        $"the source is damaged: ffmpeg concealed {errors.Count} decode error(s) (first: \"{errors.Messages[0]}\"); the output may show glitches there";
}
