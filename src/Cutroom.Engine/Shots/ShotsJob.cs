using Cutroom.Engine.Analysis;
using Cutroom.Engine.Common;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Engine.Shots;

/// <summary>The shot list of a video.</summary>
/// <param name="Source">The input file's name.</param>
/// <param name="Mode">Exact (every frame) or fast (keyframes).</param>
/// <param name="DurationMs">The media's duration (ms).</param>
/// <param name="FrameRate">Frame rate as <c>num/den</c>.</param>
/// <param name="FrameCount">Frames in the video.</param>
/// <param name="Shots">The shots, covering the video, end-exclusive.</param>
/// <param name="ElapsedMs">Wall time of the analysis (ms; the cached time when the record was reused).</param>
/// <param name="Warnings">Problems that did not stop the job.</param>
public sealed record ShotsResult(string Source, AnalysisMode Mode, long DurationMs, string? FrameRate, int FrameCount,
    IReadOnlyList<Shot> Shots, long ElapsedMs, IReadOnlyList<string> Warnings);

/// <summary>
/// <c>cutroom shots</c>: the shot list from the analysis pass (exact mode by default: every frame
/// is looked at), with optional CSV, EDL and OTIO exports written through <see cref="OutputStaging"/>.
/// </summary>
public sealed class ShotsJob : IJob<ShotsRequest, ShotsResult>
{
    private readonly EngineContext _ctx;

    /// <summary>Creates the job over an engine context.</summary>
    public ShotsJob(EngineContext ctx) => _ctx = ctx;

    /// <summary>Detects the shots of the request's video.</summary>
    /// <param name="request">The video, the analysis mode and cache use.</param>
    /// <param name="progress">Progress 0..1; may be null.</param>
    /// <param name="cancellationToken">Stops ffmpeg.</param>
    /// <exception cref="JobInputException">An invalid request (<see cref="ShotsRequest.Validate"/>).</exception>
    /// <exception cref="MediaProbeException">The input is missing, not media, or has no video.</exception>
    /// <exception cref="FFmpegException">ffmpeg failed.</exception>
    public async Task<ShotsResult> RunAsync(ShotsRequest request, IProgress<JobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.ThrowIfInvalid();
        var info = await _ctx.Prober.ProbeAsync(request.InputPath, measureFrames: false, cancellationToken);
        MediaGuard.RequireVideo(info, _ctx.Limits);
        var record = await new MediaAnalyzer(_ctx).AnalyzeAsync(info, new AnalysisOptions { Mode = request.Mode, UseCache = request.UseCache },
            JobProgress.Fractions(progress), cancellationToken);
        var warnings = new List<string>();
        if (record.DecodeErrors > 0) warnings.Add($"the video has damaged data: the decoder concealed {record.DecodeErrors} error(s)");
        if (record.Mode == AnalysisMode.Fast) warnings.Add("fast mode: only keyframes were looked at, so each shot starts at the first keyframe after its cut");
        return new ShotsResult(record.Source, record.Mode, record.DurationMs, record.FrameRate, record.FrameCount, record.Shots, record.ElapsedMs, warnings);
    }
}
