using System.Globalization;
using Cutroom.Engine.Common;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Frames;

/// <summary>
/// One ffmpeg run that decodes a stretch of a video and writes the frames a <c>select</c>
/// expression passes as numbered images, reporting each written frame's pts.
/// Timestamps are kept as they are in the file (<c>-copyts</c>), so selection by pts is exact
/// wherever decoding starts. When it starts at a keyframe after a seek and the decoder then
/// reports errors (a broken keyframe, as in <c>cockatoo.mp4</c>), the run is repeated from the
/// start of the file: seeking is never trusted blindly.
/// </summary>
internal sealed class FrameDecodeRun
{
    private readonly EngineContext _ctx;
    private readonly MediaInfo _info;

    public FrameDecodeRun(EngineContext ctx, MediaInfo info) { _ctx = ctx; _info = info; }

    /// <summary>How far past the last needed time a run reads (B-frame reordering delivers frames late).</summary>
    private static readonly MediaTime ReadMargin = MediaTime.FromMilliseconds(2000);

    /// <summary>The images a run writes.</summary>
    /// <param name="Format">Image format.</param>
    /// <param name="Quality">Quality 1-100 (JPEG, WebP).</param>
    /// <param name="Width">Width in pixels (height keeps the aspect ratio); null keeps the size.</param>
    /// <param name="MaxImages">The most images this run may write (ffmpeg stops there: <c>-frames:v</c>); null for no cap.</param>
    public sealed record ImageOutput(ImageFormat Format, int Quality, int? Width = null, int? MaxImages = null);

    private MediaTime FileStart => MediaTime.FromMicroseconds(_info.StartTimeUs);

    /// <summary>What a run produced.</summary>
    /// <param name="Pts">The pts (stream time base) of each image written, in file order.</param>
    /// <param name="DecodeErrors">Decoder errors ffmpeg concealed.</param>
    /// <param name="Warnings">ffmpeg's warnings.</param>
    /// <param name="SeekFallback">True when the seek was abandoned for a decode from the start.</param>
    public sealed record Outcome(IReadOnlyList<long> Pts, int DecodeErrors, IReadOnlyList<string> Warnings, bool SeekFallback);

    /// <summary>Runs the decode.</summary>
    /// <param name="seek">Absolute time (stream clock) of the keyframe to start decoding at; null or ≤ file start = from the start.</param>
    /// <param name="readEnd">Absolute time (stream clock) after which nothing is needed; reading stops a margin after it. Null = to the end.</param>
    /// <param name="selects">The select filters, in order (by pts, then by n...).</param>
    /// <param name="keyframesOnly">Decode keyframes only (<c>-skip_frame nokey</c>).</param>
    /// <param name="image">Format, quality, width of the images.</param>
    /// <param name="directory">Where the numbered images go.</param>
    /// <param name="startNumber">The number of the first image file.</param>
    /// <param name="progress">Progress 0..1 of this run.</param>
    /// <param name="ct">Cancels the run.</param>
    public async Task<Outcome> RunAsync(MediaTime? seek, MediaTime? readEnd, IReadOnlyList<Filter> selects, bool keyframesOnly,
        ImageOutput image, string directory, int startNumber, IProgress<double>? progress, CancellationToken ct)
    {
        var first = await RunOnceAsync(seek, readEnd, selects, keyframesOnly, image, directory, startNumber, progress, ct);
        if (first.DecodeErrors == 0 || seek is not { } s || s <= FileStart) return first;

        // The seek landed on a keyframe that does not decode cleanly: start again from frame 0.
        // Remove this run's images (earlier runs' images, numbered below startNumber, stay).
        foreach (var f in Directory.EnumerateFiles(directory, "*", SearchOption.TopDirectoryOnly))
            if (int.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= startNumber)
                File.Delete(f);
        var again = await RunOnceAsync(null, readEnd, selects, keyframesOnly, image, directory, startNumber, progress, ct);
        return again with { SeekFallback = true };
    }

    private async Task<Outcome> RunOnceAsync(MediaTime? seek, MediaTime? readEnd, IReadOnlyList<Filter> selects, bool keyframesOnly,
        ImageOutput image, string directory, int startNumber, IProgress<double>? progress, CancellationToken ct)
    {
        var video = _info.Video!;
        var from = seek ?? FileStart;
        MediaTime? seekRel = seek is { } s && s > FileStart ? s - FileStart : null;
        // Read a margin past the last needed time: B-frame reordering delivers frames late.
        MediaTime? readFor = readEnd is { } e ? e - from + ReadMargin : null;

        var chain = new List<Filter>(selects) { Filters.ShowInfo() };
        if (video.SampleAspectRatio != new Rational(1, 1))
        {
            // Make pixels square so that the image shows the picture as players do.
            chain.Add(Filters.Scale("trunc(iw*sar/2)*2", "ih"));
            chain.Add(Filters.SetSar());
        }
        if (image.Width is { } w) chain.Add(Filters.Scale(w, -2, "bicubic"));

        // The image2 muxer reads '%' as a pattern: escape the folder's own, keep the number's.
        var pattern = Path.Combine(directory.Replace("%", "%%", StringComparison.Ordinal), "%06d." + FrameFileNames.Extension(image.Format));
        var builder = new FFmpegCommandBuilder()
            .LogLevel("info")
            .Overwrite()
            .Global("-copyts")
            .Input(_info.Path, new InputOptions
            {
                Demuxer = _info.Container.Demuxer(),
                Threads = _ctx.Limits.Threads,
                SkipNonKeyFrames = keyframesOnly,
                SeekUs = seekRel?.ToMicroseconds(),
                AccurateSeek = false,
                DurationUs = readFor?.ToMicroseconds(),
            })
            .VideoFilter(FilterChain.Of([.. chain]).ToString())
            .Output(pattern, [
                "-map", "0:v:0", "-an", "-sn", "-dn", "-fps_mode", "passthrough",
                .. ImageEncoding.Arguments(image.Format, image.Quality),
                .. (image.MaxImages is { } cap ? (string[])["-frames:v", Math.Max(0, cap).ToString(CultureInfo.InvariantCulture)] : []),
                "-f", "image2", "-start_number", startNumber.ToString(CultureInfo.InvariantCulture)]);
        var command = builder.Build();

        var reader = new ShowInfoReader();
        var fromUs = from.ToMicroseconds();
        var toUs = (readEnd ?? FileStart + MediaTime.FromMilliseconds(_info.DurationMs ?? 0)).ToMicroseconds();
        var span = Math.Max(1, toUs - fromUs);
        var result = await _ctx.Runner.RunAsync(command, new FFmpegRunOptions
        {
            Timeout = _ctx.Limits.FFmpegTimeout,
            Purpose = "extracting frames",
            OnStderrLine = reader.Feed,
            Progress = progress is null ? null : new InlineProgress<FFmpegProgress>(p =>
                progress.Report(p.IsEnd ? 1 : Math.Clamp((double)(p.OutTimeUs - fromUs) / span, 0, 1))),
        }, ct);
        return new Outcome(reader.Pts, result.DecodeErrors, result.Warnings, false);
    }
}

/// <summary>An <see cref="IProgress{T}"/> that reports synchronously on the caller's thread.</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
