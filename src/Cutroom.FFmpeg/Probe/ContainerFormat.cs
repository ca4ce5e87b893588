namespace Cutroom.FFmpeg.Probe;

/// <summary>
/// The media containers Cutroom accepts, each decided from a file's first bytes (magic numbers)
/// and mapped to exactly one ffmpeg demuxer, which is then forced for every call on that file.
/// </summary>
public enum ContainerFormat
{
    /// <summary>ISO BMFF / QuickTime: mp4, mov, m4a (<c>ftyp</c> box; demuxer <c>mov</c>).</summary>
    Mp4,
    /// <summary>Matroska and WebM (EBML magic 1A 45 DF A3; demuxer <c>matroska</c>).</summary>
    Matroska,
    /// <summary>AVI (RIFF....AVI; demuxer <c>avi</c>).</summary>
    Avi,
    /// <summary>WAVE audio (RIFF....WAVE; demuxer <c>wav</c>).</summary>
    Wav,
    /// <summary>MP3 (ID3 tag or an MPEG audio frame sync; demuxer <c>mp3</c>).</summary>
    Mp3,
    /// <summary>Raw AAC in ADTS frames (demuxer <c>aac</c>).</summary>
    Aac,
    /// <summary>Ogg (Vorbis, Opus, Theora; demuxer <c>ogg</c>).</summary>
    Ogg,
    /// <summary>FLAC audio (demuxer <c>flac</c>).</summary>
    Flac,
    /// <summary>MPEG transport stream (sync byte 0x47 every 188 bytes; demuxer <c>mpegts</c>).</summary>
    MpegTs,
    /// <summary>JPEG still (FF D8 FF; demuxer <c>jpeg_pipe</c>).</summary>
    Jpeg,
    /// <summary>PNG still (demuxer <c>png_pipe</c>).</summary>
    Png,
    /// <summary>WebP still (RIFF....WEBP; demuxer <c>webp_pipe</c>).</summary>
    WebP,
    /// <summary>GIF, still or animated (demuxer <c>gif</c>).</summary>
    Gif,
}

/// <summary>Facts about each <see cref="ContainerFormat"/>.</summary>
public static class ContainerFormatInfo
{
    /// <summary>The ffmpeg demuxer forced (<c>-f</c>) for files of this format.</summary>
    public static string Demuxer(this ContainerFormat format) => format switch
    {
        ContainerFormat.Mp4 => "mov",
        ContainerFormat.Matroska => "matroska",
        ContainerFormat.Avi => "avi",
        ContainerFormat.Wav => "wav",
        ContainerFormat.Mp3 => "mp3",
        ContainerFormat.Aac => "aac",
        ContainerFormat.Ogg => "ogg",
        ContainerFormat.Flac => "flac",
        ContainerFormat.MpegTs => "mpegts",
        ContainerFormat.Jpeg => "jpeg_pipe",
        ContainerFormat.Png => "png_pipe",
        ContainerFormat.WebP => "webp_pipe",
        ContainerFormat.Gif => "gif",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>True for single still-image formats (GIF excluded: it may animate).</summary>
    public static bool IsStillImage(this ContainerFormat format) =>
        format is ContainerFormat.Jpeg or ContainerFormat.Png or ContainerFormat.WebP;
}
