using System.Text.Json.Serialization;
using Cutroom.Engine.Frames;
using Cutroom.Engine.Common;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Highlights;

/// <summary>How highlight clips are cut.</summary>
[JsonConverter(typeof(Analysis.LowerCaseEnumConverter<ClipMode>))]
public enum ClipMode
{
    /// <summary>
    /// Stream copy of the video from the keyframe at or before the start (no re-encode); the MP4's
    /// edit list starts presentation at the start time; audio is re-encoded to AAC from the start
    /// time exactly, so the sound never begins mid-word. Needs H.264 video (else exact is used).
    /// </summary>
    Fast,
    /// <summary>Re-encoded H.264 + AAC with <see cref="HighlightsRequest.ClipSpec"/>, frame-exact.</summary>
    Exact,
}

/// <summary>One clip to cut: [<paramref name="Start"/>, <paramref name="End"/>) of <paramref name="InputPath"/> (from the start of the file) into an MP4.</summary>
/// <param name="InputPath">The source media.</param>
/// <param name="Start">Start, from the start of the file.</param>
/// <param name="End">End (exclusive), from the start of the file.</param>
/// <param name="OutputPath">The MP4 to write (the caller stages it).</param>
/// <remarks>The same shape as the trim job's <c>TrimRequest</c>, so that the two can be swapped.</remarks>
public sealed record ClipRequest(string InputPath, MediaTime Start, MediaTime End, string OutputPath)
{
    /// <summary>Fast (stream copy) or exact (re-encode).</summary>
    public ClipMode Mode { get; init; } = ClipMode.Fast;
}

/// <summary>
/// A small clip writer for the highlights job, written while the trim job (branch trim-convert)
/// was in progress; it follows the same approach (input seek; fast = <c>-c:v copy</c> with an edit
/// list and AAC audio re-encoded from the cut; exact = re-encode after an accurate seek) and takes a
/// request of the same shape, so the lead can swap in <c>TrimJob</c>. Unlike the trim job it does
/// not retry from the start of the file when a keyframe does not decode after a seek.
/// </summary>
internal sealed class ClipCutter
{
    private readonly EngineContext _ctx;

    public ClipCutter(EngineContext ctx) => _ctx = ctx;

    /// <summary>True when fast mode can copy this video into MP4.</summary>
    public static bool CanCopy(MediaInfo info) => info.Video is { Codec: "h264" };

    /// <summary>Cuts one clip; returns the mode actually used.</summary>
    /// <exception cref="FFmpegException">ffmpeg failed.</exception>
    public async Task<ClipMode> CutAsync(MediaInfo info, ClipRequest request, IProgress<double>? progress, CancellationToken ct)
    {
        var mode = request.Mode == ClipMode.Fast && !CanCopy(info) ? ClipMode.Exact : request.Mode;
        var duration = request.End - request.Start;
        var spec = HighlightsRequest.ClipSpec;
        var videoOrdinal = info.Video is null ? -1 : info.Streams.OfType<VideoStreamInfo>().ToList().IndexOf(info.Video);
        List<string> options = [];
        if (videoOrdinal >= 0) options.AddRange(["-map", $"0:v:{videoOrdinal}"]);
        if (info.Audio is not null) options.AddRange(["-map", "0:a:0"]);
        options.AddRange(["-t", duration.ToFFmpeg()]);
        if (videoOrdinal >= 0)
        {
            if (mode == ClipMode.Fast) options.AddRange(["-c:v", "copy"]);
            else options.AddRange(spec.Video.Arguments(_ctx.Limits.Threads));
        }
        if (info.Audio is not null) options.AddRange(spec.AudioArguments());
        options.AddRange(["-sn", "-dn", "-map_metadata", "-1", .. spec.ContainerArguments()]);

        var builder = new FFmpegCommandBuilder()
            .Overwrite()
            .ExpectDuration(duration.ToMicroseconds())
            .Input(info.Path, new InputOptions
            {
                Demuxer = info.Container.Demuxer(),
                Threads = _ctx.Limits.Threads,
                SeekUs = request.Start.IsPositive ? request.Start.ToMicroseconds() : null,
            });
        // 4:2:0 needs even sizes.
        if (videoOrdinal >= 0 && mode == ClipMode.Exact)
            builder.VideoFilter(FilterChain.Of(Filters.Scale("trunc(iw/2)*2", "trunc(ih/2)*2")).ToString());
        var command = builder.Output(request.OutputPath, [.. options]).Build();
        await _ctx.Runner.RunAsync(command, new FFmpegRunOptions
        {
            Timeout = _ctx.Limits.FFmpegTimeout,
            Purpose = mode == ClipMode.Fast ? "cutting a clip (stream copy)" : "cutting a clip (re-encoding)",
            Progress = progress is null ? null : new InlineProgress<FFmpegProgress>(p => progress.Report(p.Fraction ?? 0)),
        }, ct);
        return mode;
    }
}
