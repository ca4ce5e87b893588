using System.Globalization;
using Cutroom.Agent.Sessions;
using Cutroom.Engine.Common;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Probe;
using Cutroom.Server.Storage;
using Cutroom.Timeline.Model;

namespace Cutroom.Server.Uploads;

/// <summary>A received file that passed every check: what it is, decided by its content.</summary>
/// <param name="File">The received file.</param>
/// <param name="Format">The sniffed container (the demuxer forced on every later call).</param>
/// <param name="Description">What the probe found (kind, size, duration, rate, codecs).</param>
/// <param name="Mime">Content-Type of downloads.</param>
/// <param name="Extension">The stored file's extension (<c>.mp4</c>).</param>
public sealed record CheckedMedia(ReceivedFile File, ContainerFormat Format, SessionMedia Description, string Mime, string Extension);

/// <summary>The outcome of checking one file: the media, or why it was refused.</summary>
/// <param name="Media">The accepted media, or null.</param>
/// <param name="Reason">Why it was refused (no paths), or null.</param>
public sealed record MediaVerdict(CheckedMedia? Media, string? Reason);

/// <summary>
/// Decides what an uploaded file is from its content, never its name (contract §5,
/// docs/security.md §1, §5): the sniffer refuses playlists, concat lists, manifests and text, and
/// names the one container whose demuxer ffprobe is then forced to use; only the contract's
/// formats pass (mp4/mov/m4a, mkv/webm, avi; jpeg, png, gif, webp; mp3, wav, aac); then the
/// probe's facts are held to the limits (8192 px a side, 40 MP, 120 fps, 4 h, 16 streams).
/// </summary>
/// <param name="engine">The prober and the frame-size limits.</param>
public sealed class MediaAcceptance(EngineContext engine)
{
    private static readonly HashSet<ContainerFormat> Accepted =
    [
        ContainerFormat.Mp4, ContainerFormat.Matroska, ContainerFormat.Avi,
        ContainerFormat.Jpeg, ContainerFormat.Png, ContainerFormat.Gif, ContainerFormat.WebP,
        ContainerFormat.Mp3, ContainerFormat.Wav, ContainerFormat.Aac,
    ];

    /// <summary>Checks <paramref name="file"/>.</summary>
    /// <param name="file">A received file.</param>
    /// <param name="cancellationToken">Cancels (and kills ffprobe).</param>
    public async Task<MediaVerdict> CheckAsync(ReceivedFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ContainerFormat format;
        MediaInfo info;
        try
        {
            format = MediaSniffer.Sniff(file.TempPath);
            if (!Accepted.Contains(format)) return Refuse($"'{file.Name}' is {Article(format)} file, which is not among the accepted formats");
            info = await engine.Prober.ProbeAsync(file.TempPath, measureFrames: false, cancellationToken);
        }
        catch (MediaProbeException e)
        {
            return Refuse(Clean(e.Message, file));
        }
        if (Beyond(info, file.Name) is { } limit) return Refuse(limit);
        var description = FolderSession.Describe("pending", info) with { Name = file.Name, Path = null, SizeBytes = file.SizeBytes };
        if (description.Kind != MediaKind.Image && description.DurationMs is not > 0)
            return Refuse($"'{file.Name}' has no known duration; it may be damaged");
        var (mime, extension) = MimeOf(format, info, file.TempPath);
        return new MediaVerdict(new CheckedMedia(file, format, description, mime, extension), null);
    }

    private string? Beyond(MediaInfo info, string name)
    {
        if (info.Streams.Count > UploadLimits.MaxStreams)
            return $"'{name}' has {info.Streams.Count} streams, more than the limit of {UploadLimits.MaxStreams}";
        if (info.Video is { } v)
        {
            try { MediaGuard.RequireVideo(info, engine.Limits); }
            catch (MediaProbeException e) { return e.Message.Replace($"'{Path.GetFileName(info.Path)}'", $"'{name}'", StringComparison.Ordinal); }
            if (!info.IsStillImage && v.FrameRate.IsPositive && v.FrameRate.ToDouble() > UploadLimits.MaxFps)
                return string.Create(CultureInfo.InvariantCulture, $"'{name}' runs at {v.FrameRate.ToDouble():0.###} fps, more than the limit of {UploadLimits.MaxFps} fps");
        }
        if (info.DurationMs is { } ms && ms > UploadLimits.MaxDuration.TotalMilliseconds)
            return $"'{name}' lasts {Clock(TimeSpan.FromMilliseconds(ms))}, longer than the limit of {Clock(UploadLimits.MaxDuration)}";
        return null;
    }

    /// <summary>The Content-Type and extension: <see cref="ContentTypes.Of(ContainerFormat, bool)"/>, told apart further for QuickTime, M4A and WebM.</summary>
    private static (string Mime, string Extension) MimeOf(ContainerFormat format, MediaInfo info, string path)
    {
        var hasVideo = info.Video is not null;
        if (format == ContainerFormat.Mp4)
        {
            if (!hasVideo) return ("audio/mp4", ".m4a");
            if (info.Tags.TryGetValue("major_brand", out var brand) && brand.Trim() == "qt") return ("video/quicktime", ".mov");
        }
        if (format == ContainerFormat.Matroska && IsWebM(path)) return hasVideo ? ("video/webm", ".webm") : ("audio/webm", ".webm");
        return ContentTypes.Of(format, hasVideo);
    }

    /// <summary>Whether the EBML header's DocType is <c>webm</c> (it sits in the first few dozen bytes).</summary>
    private static bool IsWebM(string path)
    {
        Span<byte> head = stackalloc byte[64];
        using var fs = File.OpenRead(path);
        var n = fs.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..n].IndexOf("webm"u8) >= 0;
    }

    private static string Clock(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{(long)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}");

    private static string Article(ContainerFormat format) => format switch
    {
        ContainerFormat.Ogg => "an Ogg",
        ContainerFormat.Flac => "a FLAC",
        ContainerFormat.MpegTs => "an MPEG transport stream",
        _ => "a " + format.ToString().ToUpperInvariant(),
    };

    /// <summary>A prober message about the temp file, told about the client's name instead (no server paths), without the sniffer's own format list.</summary>
    private static string Clean(string message, ReceivedFile file)
    {
        var text = message.Replace(Path.GetFullPath(file.TempPath), file.Name, StringComparison.Ordinal)
            .Replace(Path.GetFileName(file.TempPath), file.Name, StringComparison.Ordinal);
        var cut = text.IndexOf(" (accepted:", StringComparison.Ordinal);
        return cut > 0 ? text[..cut] : text;
    }

    private static MediaVerdict Refuse(string reason) => new(null, reason);
}
