using Cutroom.FFmpeg.Probe;

namespace Cutroom.Server.Storage;

/// <summary>Content-Types and stored extensions, by container (decided by content) or by the extension of a file we made.</summary>
public static class ContentTypes
{
    /// <summary>The MIME type and canonical extension of a sniffed container.</summary>
    /// <param name="format">The container.</param>
    /// <param name="hasVideo">For Matroska: whether it has video (<c>video/x-matroska</c> vs audio).</param>
    public static (string Mime, string Extension) Of(ContainerFormat format, bool hasVideo = true) => format switch
    {
        ContainerFormat.Mp4 => ("video/mp4", ".mp4"),
        ContainerFormat.Matroska => (hasVideo ? "video/x-matroska" : "audio/x-matroska", ".mkv"),
        ContainerFormat.Avi => ("video/x-msvideo", ".avi"),
        ContainerFormat.Wav => ("audio/wav", ".wav"),
        ContainerFormat.Mp3 => ("audio/mpeg", ".mp3"),
        ContainerFormat.Aac => ("audio/aac", ".aac"),
        ContainerFormat.Ogg => ("audio/ogg", ".ogg"),
        ContainerFormat.Flac => ("audio/flac", ".flac"),
        ContainerFormat.MpegTs => ("video/mp2t", ".ts"),
        ContainerFormat.Jpeg => ("image/jpeg", ".jpg"),
        ContainerFormat.Png => ("image/png", ".png"),
        ContainerFormat.WebP => ("image/webp", ".webp"),
        ContainerFormat.Gif => ("image/gif", ".gif"),
        _ => ("application/octet-stream", ".bin"),
    };

    /// <summary>The Content-Type of a file Cutroom wrote, by its extension.</summary>
    /// <param name="path">The file.</param>
    public static string Of(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".mp4" or ".m4v" => "video/mp4",
        ".mov" => "video/quicktime",
        ".webm" => "video/webm",
        ".mkv" => "video/x-matroska",
        ".gif" => "image/gif",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".zip" => "application/zip",
        ".json" => "application/json",
        ".md" => "text/markdown; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".edl" or ".txt" => "text/plain; charset=utf-8",
        ".otio" => "application/json",
        ".m4a" => "audio/mp4",
        ".mp3" => "audio/mpeg",
        ".wav" => "audio/wav",
        _ => "application/octet-stream",
    };
}
