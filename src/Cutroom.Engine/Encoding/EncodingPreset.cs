using Cutroom.FFmpeg.Graph;

namespace Cutroom.Engine.Encoding;

/// <summary>
/// Everything about how one output file is encoded: container, video and audio codec settings.
/// Get one from <see cref="EncodingPresets.For"/>; jobs (trim, convert, the timeline renderer)
/// add the options from <see cref="OutputArguments"/> after their own <c>-map</c> options.
/// </summary>
/// <param name="Format">The container.</param>
/// <param name="Quality">The quality level it was made for.</param>
/// <param name="Video">The video encoder settings.</param>
/// <param name="Audio">The audio encoder settings.</param>
public sealed record EncodingPreset(OutputFormat Format, OutputQuality Quality, VideoCodecPreset Video, AudioCodecPreset Audio)
{
    /// <summary>
    /// The container options: the forced muxer and, for MP4 and MOV, <c>-movflags +faststart</c>
    /// (the index is moved to the front so that playback can start before the download ends).
    /// </summary>
    public IReadOnlyList<string> ContainerArguments() => Format switch
    {
        OutputFormat.Mp4 or OutputFormat.Mov => ["-movflags", "+faststart", "-f", Format.Muxer()],
        _ => ["-f", Format.Muxer()],
    };

    /// <summary>
    /// The filter that converts frames to the encoder's pixel format, for the end of a video chain
    /// (doing it in the graph keeps the conversion in one visible place, before the encoder).
    /// </summary>
    public Filter PixelFormatFilter() => Filters.Format(Video.PixelFormat);

    /// <summary>Video, audio and container options, in that order.</summary>
    /// <param name="threads">Video encoder threads; null leaves ffmpeg's default.</param>
    /// <param name="withAudio">False for an output without audio (no audio options are added).</param>
    public IReadOnlyList<string> OutputArguments(int? threads, bool withAudio = true) =>
        [.. Video.Arguments(threads), .. withAudio ? Audio.Arguments() : [], .. ContainerArguments()];
}
