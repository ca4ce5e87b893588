
namespace Cutroom.Contract.Output;

/// <summary>
/// Everything about how one output file is encoded: container, video and audio codec settings,
/// quality (preset, CRF, bitrates), audio sample rate, faststart and pixel format. The one place
/// that decides them is <see cref="OutputSpecs"/> (<see cref="OutputSpecs.For"/> for jobs on media,
/// <see cref="OutputSpecs.ForRender"/> for draft renders, <see cref="OutputSpecs.Preview"/>); every job that
/// writes media gets its spec there and adds the options of <see cref="OutputArguments"/> after its own <c>-map</c> options.
/// </summary>
/// <param name="Format">The container.</param>
/// <param name="Quality">The quality level it was made for.</param>
/// <param name="Video">The video encoder settings.</param>
/// <param name="Audio">The audio encoder settings; null for a format without sound (GIF).</param>
public sealed record OutputSpec(OutputFormat Format, OutputQuality Quality, VideoCodecPreset Video, AudioCodecPreset? Audio)
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

    /// <summary>The audio options (encoder, bitrate, sample rate) of a format that has sound.</summary>
    /// <exception cref="InvalidOperationException">For a format without sound (GIF): a caller bug.</exception>
    public IReadOnlyList<string> AudioArguments() =>
        Audio?.Arguments() ?? throw new InvalidOperationException($"{Format} outputs have no sound");

    /// <summary>The audio settings of a format that has sound.</summary>
    /// <exception cref="InvalidOperationException">For a format without sound (GIF): a caller bug.</exception>
    public AudioCodecPreset RequireAudio() =>
        Audio ?? throw new InvalidOperationException($"{Format} outputs have no sound");

    /// <summary>Video, audio and container options, in that order.</summary>
    /// <param name="threads">Video encoder threads; null leaves ffmpeg's default.</param>
    /// <param name="withAudio">False for an output without audio (no audio options are added; a format without sound never has them).</param>
    public IReadOnlyList<string> OutputArguments(int? threads, bool withAudio = true) =>
        [.. Video.Arguments(threads), .. withAudio && Audio is { } audio ? audio.Arguments() : [], .. ContainerArguments()];
}
