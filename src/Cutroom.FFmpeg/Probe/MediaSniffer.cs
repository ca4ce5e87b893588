using System.Text;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.FFmpeg.Probe;

/// <summary>
/// Decides a file's container from its first bytes, before ffmpeg sees it, and refuses text
/// indirections that would make ffmpeg open other files or the network: HLS playlists
/// (<c>#EXTM3U</c>), <c>ffconcat</c> lists, DASH manifests (<c>&lt;MPD</c>), SDP files, and
/// any other text. Background: CVE-2016-1897 and CVE-2017-9993 (a playlist named <c>.mp4</c>
/// or <c>.avi</c> that made ffmpeg read <c>/etc/passwd</c> into the output).
/// </summary>
public static class MediaSniffer
{
    private const int HeaderBytes = 4096;

    /// <summary>Sniffs the file at <paramref name="path"/>.</summary>
    /// <returns>The container format.</returns>
    /// <exception cref="MediaProbeException">When the file is missing, empty, a playlist/indirection, or of no accepted format.</exception>
    public static ContainerFormat Sniff(string path)
    {
        if (Directory.Exists(path)) throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{Path.GetFileName(path)}' is a folder, not a media file");
        if (!File.Exists(path)) throw new MediaProbeException(JobErrorCodes.NotFound, $"'{Path.GetFileName(path)}' was not found (no such file)");
        byte[] head;
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            head = new byte[Math.Min(HeaderBytes, fs.Length)];
            fs.ReadExactly(head);
        }
        // A dangling symbolic link "exists" for File.Exists (it looks at the link): its target is missing.
        catch (FileNotFoundException e) { throw new MediaProbeException(JobErrorCodes.NotFound, $"'{Path.GetFileName(path)}' was not found (no such file)", e); }
        catch (DirectoryNotFoundException e) { throw new MediaProbeException(JobErrorCodes.NotFound, $"'{Path.GetFileName(path)}' was not found (no such file)", e); }
        catch (IOException e) { throw new MediaProbeException(JobErrorCodes.MediaUnreadable, $"cannot read '{Path.GetFileName(path)}': {PathRedaction.Redact(e.Message, [path, Path.GetFullPath(path)])}", e); }
        catch (UnauthorizedAccessException e) { throw new MediaProbeException(JobErrorCodes.MediaUnreadable, $"cannot read '{Path.GetFileName(path)}': permission denied", e); }
        if (head.Length == 0) throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{Path.GetFileName(path)}' is empty (0 bytes)");
        return Sniff(head, Path.GetFileName(path));
    }

    /// <summary>Sniffs a file header (the first few KiB).</summary>
    /// <param name="head">The first bytes of the file.</param>
    /// <param name="name">The file name, for messages.</param>
    /// <exception cref="MediaProbeException">When the header is an indirection or of no accepted format.</exception>
    public static ContainerFormat Sniff(ReadOnlySpan<byte> head, string name)
    {
        if (FindIndirection(head) is { } kind)
            throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{name}' is {kind}, not a media file; refused because it could make ffmpeg open other files");

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8)) return ContainerFormat.Mp4;
        if (head.Length >= 8 && (head[4..8].SequenceEqual("moov"u8) || head[4..8].SequenceEqual("mdat"u8) ||
                                 head[4..8].SequenceEqual("wide"u8) || head[4..8].SequenceEqual("free"u8))) return ContainerFormat.Mp4;
        if (head.StartsWith(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 })) return ContainerFormat.Matroska;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8))
        {
            var kindBytes = head[8..12];
            if (kindBytes.SequenceEqual("AVI "u8)) return ContainerFormat.Avi;
            if (kindBytes.SequenceEqual("WAVE"u8)) return ContainerFormat.Wav;
            if (kindBytes.SequenceEqual("WEBP"u8)) return ContainerFormat.WebP;
        }
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return ContainerFormat.Jpeg;
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return ContainerFormat.Png;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return ContainerFormat.Gif;
        if (head.StartsWith("OggS"u8)) return ContainerFormat.Ogg;
        if (head.StartsWith("fLaC"u8)) return ContainerFormat.Flac;
        if (head.StartsWith("ID3"u8)) return ContainerFormat.Mp3;
        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xF6) == 0xF0) return ContainerFormat.Aac;   // ADTS: 12-bit sync, layer 00
        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0) return ContainerFormat.Mp3;   // MPEG audio frame sync
        if (head.Length >= 377 && head[0] == 0x47 && head[188] == 0x47 && head[376] == 0x47) return ContainerFormat.MpegTs;
        throw new MediaProbeException(JobErrorCodes.UnsupportedMedia, $"'{name}' is not a supported media file (accepted: mp4, mov, m4a, mkv, webm, avi, wav, mp3, aac, ogg, flac, ts, jpg, png, webp, gif)");
    }

    private static string? FindIndirection(ReadOnlySpan<byte> head)
    {
        var start = head.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? head[3..] : head;
        var text = Encoding.ASCII.GetString(start[..Math.Min(start.Length, 512)]).TrimStart();
        if (text.StartsWith("#EXTM3U", StringComparison.OrdinalIgnoreCase)) return "an HLS playlist";
        if (text.StartsWith("ffconcat", StringComparison.OrdinalIgnoreCase)) return "an ffconcat list";
        if (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<MPD", StringComparison.OrdinalIgnoreCase))
            return text.Contains("<MPD", StringComparison.OrdinalIgnoreCase) ? "a DASH manifest" : "an XML document";
        if (text.StartsWith("v=0", StringComparison.Ordinal)) return "an SDP session description";
        if (text.StartsWith("file ", StringComparison.Ordinal) || text.StartsWith("file '", StringComparison.Ordinal)) return "a concat list";
        // The other indirections are text; media containers are binary from their first bytes on.
        return null;
    }
}
