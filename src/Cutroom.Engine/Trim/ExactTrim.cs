using Cutroom.Contract.Output;
using Cutroom.Engine.Common;
using Cutroom.Engine.Encoding;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Trim;

/// <summary>
/// Exact trim: decodes the source from a keyframe at or before the cut, keeps the window's frames
/// with <c>trim</c> (bounds halfway between frames, timestamps kept with <c>-copyts</c> so that
/// they are the packet index's), shifts them to start at 0 and re-encodes with the MP4 preset;
/// audio is cut to the same span with <c>atrim</c>.
/// <para>
/// Seeking is not trusted blindly: some files (e.g. ones whose mid-file keyframes are not really
/// decodable, "A non-intra slice in an IDR NAL unit") decode garbage after an input seek. When the
/// run that seeked reports decode errors, the keyframe before is tried with a decode-only check,
/// and failing that the window is encoded again decoding from the start of the file, which is
/// what a player does. Errors in that run are the file's own damage and become a warning.
/// </para>
/// </summary>
internal static class ExactTrim
{
    /// <summary>The outcome: the last run's error tally and where decoding started (absolute µs, or null from the start).</summary>
    public sealed record Outcome(DecodeErrorTally Errors, long? DecodedFromUs, IReadOnlyList<string> Notes);

    public static async Task<Outcome> RunAsync(EngineContext ctx, MediaInfo info, PacketIndex index, TrimWindow window,
        OutputSpec preset, string outputPath, IProgress<double>? progress, CancellationToken ct)
    {
        var notes = new List<string>();
        if (window.Keyframe > 0)
        {
            var seeked = await EncodeAsync(ctx, info, window, preset, outputPath, window.KeyframeUs, progress, ct).ConfigureAwait(false);
            if (seeked.Count == 0) return new Outcome(seeked, window.KeyframeUs, notes);

            // The keyframe did not decode cleanly: try the one before it (checked by decoding only), else the start.
            var earlier = index.KeyframeAtOrBefore(window.Keyframe - 1);
            if (earlier > 0 && await DecodesCleanlyAsync(ctx, info, window, index.PtsUs(earlier), ct).ConfigureAwait(false))
            {
                notes.Add($"decoding from the keyframe at {Clock(window, window.KeyframeUs)} gave errors; decoded from the keyframe at {Clock(window, index.PtsUs(earlier))} instead");
                var fromEarlier = await EncodeAsync(ctx, info, window, preset, outputPath, index.PtsUs(earlier), progress, ct).ConfigureAwait(false);
                return new Outcome(fromEarlier, index.PtsUs(earlier), notes);
            }
            notes.Add($"decoding from the keyframe at {Clock(window, window.KeyframeUs)} gave errors; decoded from the start of the file instead");
        }
        var fromStart = await EncodeAsync(ctx, info, window, preset, outputPath, null, progress, ct).ConfigureAwait(false);
        return new Outcome(fromStart, null, notes);
    }

    /// <summary>Builds the encode command; <paramref name="seekUs"/> is an absolute keyframe time to seek to, or null to decode from the start.</summary>
    internal static FFmpegCommand BuildCommand(MediaInfo info, TrimWindow window, OutputSpec preset, string outputPath, long? seekUs, int threads)
    {
        var video = info.Video!;
        var hasAudio = info.Audio is not null;
        var graph = new FilterGraph();
        var shift = "PTS-" + MediaTime.ToFFmpeg(window.StartUs) + "/TB";
        var v = graph.InputVideo(0, VideoOrdinal(info))
            .Then(Filters.Trim(window.TrimStartUs, window.TrimEndUs))
            .Then(Filters.SetPts(shift));
        if (video.DisplayWidth % 2 != 0 || video.DisplayHeight % 2 != 0)
            v = v.Then(Filters.Scale("trunc(iw/2)*2", "trunc(ih/2)*2"));   // 4:2:0 needs even sizes
        graph.Output(v.Then(Filters.Format(preset.Video.PixelFormat)), "v");
        if (hasAudio)
            graph.Output(graph.InputAudio(0).Then(Filters.ATrim(window.StartUs, window.EndUs)).Then(Filters.ASetPts(shift)), "a");

        var builder = new FFmpegCommandBuilder()
            .Overwrite()
            .Global("-copyts")
            .ExpectDuration(window.DurationUs)
            .Input(info.Path, new InputOptions
            {
                Demuxer = info.Container.Demuxer(),
                Threads = threads,
                SeekUs = seekUs is { } s ? Math.Max(0, s - info.StartTimeUs) : null,
                AccurateSeek = false,   // the trim filter selects frames; ffmpeg must not drop any before it
            })
            .FilterComplex(graph.Render());
        List<string> outputOptions = ["-map", "[v]", .. hasAudio ? ["-map", "[a]"] : Array.Empty<string>(), "-fps_mode", "passthrough",
            .. preset.OutputArguments(threads, hasAudio)];
        return builder.Output(outputPath, [.. outputOptions]).Build();
    }

    private static async Task<DecodeErrorTally> EncodeAsync(EngineContext ctx, MediaInfo info, TrimWindow window, OutputSpec preset,
        string outputPath, long? seekUs, IProgress<double>? progress, CancellationToken ct)
    {
        var errors = new DecodeErrorTally();
        await ctx.Runner.RunAsync(BuildCommand(info, window, preset, outputPath, seekUs, ctx.Limits.Threads), new FFmpegRunOptions
        {
            Timeout = ctx.Limits.FFmpegTimeout,
            Progress = new EncodeProgress(progress),
            OnStderrLine = errors.Observe,
            Purpose = "trimming",
        }, ct).ConfigureAwait(false);
        return errors;
    }

    /// <summary>Decodes (no encode) from the keyframe at <paramref name="seekUs"/> to the end of the window and reports whether ffmpeg logged no error.</summary>
    private static async Task<bool> DecodesCleanlyAsync(EngineContext ctx, MediaInfo info, TrimWindow window, long seekUs, CancellationToken ct)
    {
        var cmd = new FFmpegCommandBuilder()
            .Input(info.Path, new InputOptions
            {
                Demuxer = info.Container.Demuxer(), Threads = ctx.Limits.Threads,
                SeekUs = Math.Max(0, seekUs - info.StartTimeUs), AccurateSeek = false,
                DurationUs = window.EndUs - seekUs,
            })
            .NullOutput("-map", $"0:v:{VideoOrdinal(info)}")
            .Build();
        var errors = new DecodeErrorTally();
        await ctx.Runner.RunAsync(cmd, new FFmpegRunOptions { Timeout = ctx.Limits.FFmpegTimeout, OnStderrLine = errors.Observe, Purpose = "checking the decode after a seek" }, ct).ConfigureAwait(false);
        return errors.Count == 0;
    }

    /// <summary>The position of the main video stream among the file's video streams (for <c>0:v:N</c>).</summary>
    internal static int VideoOrdinal(MediaInfo info) =>
        info.Streams.OfType<VideoStreamInfo>().ToList().IndexOf(info.Video!);

    private static string Clock(TrimWindow window, long absoluteUs) => MediaTime.ToClock(window.ToFileMs(absoluteUs));
}
