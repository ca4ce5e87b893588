using Cutroom.Engine.Common;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;

namespace Cutroom.Engine.Stills;

/// <summary>
/// A still picture ready for a filter graph: its container (sniffed from the bytes), its stored
/// size (what ffprobe reports) and its EXIF orientation, hence its displayed size. Cutroom decodes
/// stills with autorotate OFF and applies <see cref="ExifOrientation.UprightFilters"/> itself, so
/// the layout maths (done on <see cref="DisplayWidth"/> x <see cref="DisplayHeight"/>) and the pixels
/// agree whatever an ffmpeg version does on its own (5.1 rotates JPEGs on some paths, not PNGs).
/// </summary>
public sealed record StillImage
{
    /// <summary>Absolute path of the file.</summary>
    public required string Path { get; init; }
    /// <summary>The sniffed format (JPEG, PNG or WebP).</summary>
    public required ContainerFormat Container { get; init; }
    /// <summary>Width of the stored pixels.</summary>
    public required int StoredWidth { get; init; }
    /// <summary>Height of the stored pixels.</summary>
    public required int StoredHeight { get; init; }
    /// <summary>EXIF orientation, 1-8 (1 = upright).</summary>
    public int Orientation { get; init; } = ExifOrientation.Upright;

    /// <summary>Width as displayed (after the EXIF orientation), pixels.</summary>
    public int DisplayWidth => ExifOrientation.SwapsAxes(Orientation) ? StoredHeight : StoredWidth;
    /// <summary>Height as displayed (after the EXIF orientation), pixels.</summary>
    public int DisplayHeight => ExifOrientation.SwapsAxes(Orientation) ? StoredWidth : StoredHeight;

    /// <summary>The ffmpeg input options for this file: its demuxer forced, autorotate off (see the type's remarks).</summary>
    public InputOptions InputOptions => new() { Demuxer = Container.Demuxer(), AutoRotate = false };

    /// <summary>Turns the decoded stored pixels (<paramref name="decoded"/>) upright.</summary>
    public GraphStream Upright(GraphStream decoded)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        var s = decoded;
        foreach (var f in ExifOrientation.UprightFilters(Orientation)) s = s.Then(f);
        return s;
    }

    /// <summary>
    /// Opens <paramref name="path"/> as a still: sniffs it, probes its size, checks it against the
    /// engine's limits and reads its EXIF orientation. Animated GIFs and videos are refused.
    /// </summary>
    /// <exception cref="MediaProbeException">When the file is missing, empty, not media, not readable, or beyond the size limits.</exception>
    /// <exception cref="JobInputException">When the file is media but not a still picture (a video, audio, a GIF): <see cref="JobErrorCodes.UnsupportedMedia"/> on the input.</exception>
    public static async Task<StillImage> LoadAsync(string path, EngineContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = System.IO.Path.GetFileName(path);
        var container = MediaSniffer.Sniff(path);
        if (!container.IsStillImage())
        {
            var what = container switch
            {
                ContainerFormat.Gif => "a GIF",
                ContainerFormat.Wav or ContainerFormat.Mp3 or ContainerFormat.Aac or ContainerFormat.Flac => "audio",
                _ => "a video",
            };
            throw new JobInputException(JobErrorCodes.UnsupportedMedia, JobFields.Input, $"'{name}' is {what}, not a still picture; give a jpg, png or webp image");
        }
        var info = await context.Prober.ProbeAsync(path, measureFrames: false, cancellationToken).ConfigureAwait(false);
        var video = MediaGuard.RequireVideo(info, context.Limits);
        return new StillImage
        {
            Path = info.Path,
            Container = container,
            StoredWidth = video.Width,
            StoredHeight = video.Height,
            Orientation = ExifOrientation.Read(path),
        };
    }
}
