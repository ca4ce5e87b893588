namespace Cutroom.Contract.Output;

/// <summary>The containers Cutroom writes video to, each with one fixed pair of codecs, or no sound for GIF (see <see cref="OutputSpecs"/>).</summary>
public enum OutputFormat
{
    /// <summary>MP4 (ISO BMFF): H.264 High + AAC, <c>+faststart</c>. The default: plays everywhere.</summary>
    Mp4,
    /// <summary>WebM (Matroska subset): VP9 + Opus.</summary>
    Webm,
    /// <summary>QuickTime MOV: H.264 High + AAC, <c>+faststart</c> (for editors that prefer .mov).</summary>
    Mov,
    /// <summary>Animated GIF: a 256-colour palette, no sound (<see cref="GifPreset"/>). Drafts render to it; other jobs write video.</summary>
    Gif,
}

/// <summary>Facts about each <see cref="OutputFormat"/>.</summary>
public static class OutputFormatInfo
{
    /// <summary>The file extension with its dot (<c>.mp4</c>, <c>.webm</c>, <c>.mov</c>).</summary>
    public static string Extension(this OutputFormat format) => format switch
    {
        OutputFormat.Mp4 => ".mp4",
        OutputFormat.Webm => ".webm",
        OutputFormat.Mov => ".mov",
        OutputFormat.Gif => ".gif",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>Whether the format carries sound (every format but GIF).</summary>
    public static bool HasAudio(this OutputFormat format) => format != OutputFormat.Gif;

    /// <summary>The ffmpeg muxer forced with <c>-f</c>, so the temporary output name never decides the format.</summary>
    public static string Muxer(this OutputFormat format) => format switch
    {
        OutputFormat.Mp4 => "mp4",
        OutputFormat.Webm => "webm",
        OutputFormat.Mov => "mov",
        OutputFormat.Gif => "gif",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
