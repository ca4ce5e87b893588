using Cutroom.Engine.Common;
using Cutroom.Engine.Stills;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Probe;
using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Render;

/// <summary>
/// The media a draft refers to: each <c>src</c> resolved to a file and probed once.
/// </summary>
internal sealed class SourceCatalog
{
    private readonly Dictionary<string, MediaInfo> _bySrc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StillImage> _stills = new(StringComparer.Ordinal);

    public MediaInfo this[string src] => _bySrc[src];

    /// <summary>The still picture behind <paramref name="src"/> (with its EXIF orientation), or null when it is not a still.</summary>
    public StillImage? Still(string src) => _stills.GetValueOrDefault(src);

    /// <summary>Resolves and probes every <c>src</c> of the draft.</summary>
    /// <exception cref="RenderInputException">When a media id is unknown, a file is missing or not media, or a video segment's source has no picture.</exception>
    public static async Task<SourceCatalog> LoadAsync(Draft draft, RenderOptions options, EngineContext ctx, CancellationToken ct)
    {
        var catalog = new SourceCatalog();
        for (var t = 0; t < draft.Tracks.Length; t++)
        {
            var track = draft.Tracks[t];
            for (var s = 0; s < track.Segments.Length; s++)
            {
                var seg = track.Segments[s];
                if (seg.Src is null || track.Type == TrackType.Text) continue;
                var path = $"t[{t}].sg[{s}].src";
                if (!catalog._bySrc.TryGetValue(seg.Src, out var info))
                {
                    var file = options.ResolveMedia(seg.Src) ?? throw new RenderInputException(path, $"unknown media '{seg.Src}'", JobErrorCodes.NotFound);
                    try { info = await ctx.Prober.ProbeAsync(file, measureFrames: false, ct); }
                    catch (MediaProbeException e) { throw new RenderInputException(path, e.Error.Message, e.Code); }
                    catalog._bySrc[seg.Src] = info;
                    if (info.IsStillImage && info.Video is { } v)
                        catalog._stills[seg.Src] = new StillImage
                        {
                            Path = info.Path, Container = info.Container, StoredWidth = v.Width, StoredHeight = v.Height,
                            Orientation = ExifOrientation.Read(info.Path),
                        };
                }
                if (track.Type == TrackType.Video)
                {
                    if (info.Video is null) throw new RenderInputException(path, $"'{Path.GetFileName(info.Path)}' has no picture and cannot be on a video track", JobErrorCodes.UnsupportedMedia);
                    MediaGuard.RequireVideo(info, ctx.Limits);
                }
                if (track.Type == TrackType.Audio && info.Audio is null)
                    throw new RenderInputException(path, $"'{Path.GetFileName(info.Path)}' has no sound and cannot be on an audio track", JobErrorCodes.UnsupportedMedia);
            }
        }
        return catalog;
    }
}

/// <summary>
/// A draft cannot be rendered: it is invalid or refers to media that is missing or unusable. The
/// <see cref="JobError.Field"/> of each error is a JSON path into the draft (<c>t[1].sg[0].src</c>).
/// </summary>
public sealed class RenderInputException : CutroomException
{
    /// <summary>Creates the exception for one problem.</summary>
    /// <param name="jsonPath">Where in the draft.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="code">One of <see cref="JobErrorCodes"/> (<c>not_applicable</c> when left out).</param>
    public RenderInputException(string jsonPath, string message, string code = JobErrorCodes.NotApplicable)
        : base([new JobError(code, jsonPath, message)]) { }

    /// <summary>Creates the exception for several problems.</summary>
    public RenderInputException(IReadOnlyList<JobError> errors) : base(errors) { }
}
