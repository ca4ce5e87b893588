using Cutroom.Contract.Output;
using Cutroom.Engine.Common;
using Cutroom.Engine.Encoding;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Trim;

/// <summary>
/// Fast trim: an input seek to the first frame's pts with the video stream copied. ffmpeg starts
/// the copy at the keyframe at or before that time (a decoder needs it) and gives the packets
/// before the cut negative timestamps; the MP4 muxer then writes an edit list that starts
/// presentation at the cut. Players that honour edit lists show the cut exactly; players that
/// ignore them show the extra frames from the keyframe on (up to one GOP). Audio is re-encoded to
/// AAC from the cut on, so it needs no edit list. The end is cut at packet level by ffmpeg
/// (<c>-t</c>), so a few frames past it may remain when the stream has B-frames.
/// </summary>
internal static class FastTrim
{
    /// <summary>Video codecs that can be copied into MP4 as they are.</summary>
    private static readonly HashSet<string> CopyableCodecs = new(StringComparer.Ordinal) { "h264" };

    /// <summary>Checks that the source's video can be copied into MP4.</summary>
    /// <exception cref="JobInputException">Code <c>not_applicable</c>, field <c>mode</c>, when it cannot (the message suggests the exact mode).</exception>
    public static void RequireCopyable(MediaInfo info)
    {
        var codec = info.Video!.Codec;
        if (!CopyableCodecs.Contains(codec))
            throw new JobInputException(JobErrorCodes.NotApplicable, TrimRequest.ModeField,
                $"fast copies the video as it is, and '{Path.GetFileName(info.Path)}' has {codec} video, which is not H.264; use exact");
    }

    internal static FFmpegCommand BuildCommand(MediaInfo info, TrimWindow window, OutputSpec preset, string outputPath, int threads)
    {
        var hasAudio = info.Audio is not null;
        List<string> options =
        [
            "-map", $"0:v:{ExactTrim.VideoOrdinal(info)}", .. hasAudio ? ["-map", "0:a:0"] : Array.Empty<string>(),
            "-t", MediaTime.ToFFmpeg(window.DurationUs),
            "-c:v", "copy",
            .. hasAudio && preset.Audio is { } audio ? audio.Arguments() : [],
            .. preset.ContainerArguments(),
        ];
        return new FFmpegCommandBuilder()
            .Overwrite()
            .ExpectDuration(window.DurationUs)
            .Input(info.Path, new InputOptions
            {
                Demuxer = info.Container.Demuxer(),
                Threads = threads,
                SeekUs = Math.Max(0, window.StartUs - info.StartTimeUs),
            })
            .Output(outputPath, [.. options])
            .Build();
    }

    public static async Task<DecodeErrorTally> RunAsync(EngineContext ctx, MediaInfo info, TrimWindow window, OutputSpec preset,
        string outputPath, IProgress<double>? progress, CancellationToken ct)
    {
        var errors = new DecodeErrorTally();
        await ctx.Runner.RunAsync(BuildCommand(info, window, preset, outputPath, ctx.Limits.Threads), new FFmpegRunOptions
        {
            Timeout = ctx.Limits.FFmpegTimeout,
            Progress = new EncodeProgress(progress),
            OnStderrLine = errors.Observe,
            Purpose = "trimming (stream copy)",
        }, ct).ConfigureAwait(false);
        return errors;
    }

    /// <summary>
    /// Decodes the copied video (decode only, no encode: quick) and counts decode errors: a copy
    /// starts at a keyframe the container flags, which is not always decodable on its own
    /// (cockatoo's are not), and then the output shows garbage that only re-encoding avoids.
    /// </summary>
    public static async Task<DecodeErrorTally> CheckDecodeAsync(EngineContext ctx, string outputPath, CancellationToken ct)
    {
        var errors = new DecodeErrorTally();
        var cmd = new FFmpegCommandBuilder()
            .Input(outputPath, new InputOptions { Demuxer = ContainerFormat.Mp4.Demuxer(), Threads = ctx.Limits.Threads })
            .NullOutput("-map", "0:v:0")
            .Build();
        await ctx.Runner.RunAsync(cmd, new FFmpegRunOptions { Timeout = ctx.Limits.FFmpegTimeout, OnStderrLine = errors.Observe, Purpose = "checking the copied video" }, ct).ConfigureAwait(false);
        return errors;
    }

    /// <summary>The warning for a copy that does not decode cleanly.</summary>
    public static string UndecodableWarning(TrimWindow window, DecodeErrorTally errors) =>
        $"the copied video does not decode cleanly ({errors.Count} decode error(s), first: \"{errors.Messages[0]}\"): the source's keyframe at " +
        $"{MediaTime.ToClock(window.ToFileMs(window.KeyframeUs))} is not a clean starting point, so players may show garbage; the exact mode re-encodes it cleanly";

    /// <summary>The warning fast mode always gives when the copy starts before the cut.</summary>
    public static string EditListWarning(TrimWindow window, int hiddenFrames) =>
        $"fast mode copied the video from the keyframe at {MediaTime.ToClock(window.ToFileMs(window.KeyframeUs))}, " +
        $"{hiddenFrames} frame(s) before the cut at {MediaTime.ToClock(window.ToFileMs(window.StartUs))}; the MP4 hides them with an edit list, " +
        "but players that ignore edit lists show up to a GOP of extra video at the start. The exact mode makes a frame-exact file";
}
