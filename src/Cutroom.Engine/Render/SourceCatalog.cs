using Cutroom.Contract.Errors;
using Cutroom.Engine.Common;
using Cutroom.Engine.Stills;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Probe;
using Cutroom.Timeline.Model;
using Cutroom.Timeline.Validation;

namespace Cutroom.Engine.Render;

/// <summary>
/// The media a draft refers to: each <c>src</c> resolved to a file and probed once, and checked
/// against the track rule (<see cref="TrackMedia"/>) and the engine's limits where it is placed.
/// </summary>
internal sealed class SourceCatalog
{
    private readonly Dictionary<string, MediaInfo> _bySrc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StillImage> _stills = new(StringComparer.Ordinal);

    public MediaInfo this[string src] => _bySrc[src];

    /// <summary>The photos decoded once and composed at the canvas size for this render (set by the renderer before its passes).</summary>
    public PreparedStills Prepared { get; set; } = PreparedStills.None;

    /// <summary>The still picture behind <paramref name="src"/> (with its EXIF orientation), or null when it is not a still.</summary>
    public StillImage? Still(string src) => _stills.GetValueOrDefault(src);

    /// <summary>Probes remembered by file (path, size, modification time): a session renders the same media again after every edit.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Path, long Size, DateTime Modified), MediaInfo> Probes = new();

    /// <summary>At most this many probes are remembered (the memory is cleared when full).</summary>
    private const int MaxRememberedProbes = 2_000;

    private static async Task<MediaInfo> ProbeAsync(EngineContext ctx, string file, CancellationToken ct)
    {
        var fi = new FileInfo(file);
        if (!fi.Exists) return await ctx.Prober.ProbeAsync(file, measureFrames: false, ct);   // the prober says what is wrong
        var key = (fi.FullName, fi.Length, fi.LastWriteTimeUtc);
        if (Probes.TryGetValue(key, out var known)) return known;
        var info = await ctx.Prober.ProbeAsync(file, measureFrames: false, ct);
        if (Probes.Count >= MaxRememberedProbes) Probes.Clear();
        Probes[key] = info;
        return info;
    }

    /// <summary>Resolves and probes every <c>src</c> of the draft, in document order (a file probed before, unchanged, is not probed again).</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="resolveMedia">Maps a <c>src</c> to a local file; null when unknown.</param>
    /// <param name="ctx">The prober and limits.</param>
    /// <param name="ct">Cancels.</param>
    /// <exception cref="RenderInputException">At the first <c>src</c> whose media id is unknown (<c>not_found</c>), whose file is missing or
    /// not media, over a limit, or cannot be on its track (<c>unsupported_media</c>).</exception>
    public static async Task<SourceCatalog> LoadAsync(Draft draft, Func<string, string?> resolveMedia, EngineContext ctx, CancellationToken ct)
    {
        var catalog = new SourceCatalog();
        foreach (var placement in TrackMedia.Placements(draft))
        {
            var (src, path) = (placement.Src, placement.Path);
            if (!catalog._bySrc.TryGetValue(src, out var info))
            {
                var file = resolveMedia(src) ?? throw new RenderInputException(path, $"unknown media '{src}'", JobErrorCodes.NotFound);
                try { info = await ProbeAsync(ctx, file, ct); }
                catch (MediaProbeException e) { throw new RenderInputException(path, e.Error.Message, e.Code); }
                catalog._bySrc[src] = info;
                if (info.IsStillImage && info.Video is { } v)
                    catalog._stills[src] = new StillImage
                    {
                        Path = info.Path, Container = info.Container, StoredWidth = v.Width, StoredHeight = v.Height,
                        Orientation = ExifOrientation.Read(info.Path),
                    };
            }
            var facts = new MediaFacts(Path.GetFileName(info.Path), HasPicture: info.Video is not null, HasSound: info.Audio is not null,
                DurationMs: info.IsStillImage ? null : info.DurationMs);
            if (TrackMedia.Check(placement, facts) is { } wrong) throw new RenderInputException([wrong]);
            if (placement.TrackType == TrackType.Video)
            {
                try { MediaGuard.RequireVideo(info, ctx.Limits); }
                catch (MediaProbeException e) { throw new RenderInputException(path, e.Error.Message, e.Code); }
            }
        }
        return catalog;
    }
}
