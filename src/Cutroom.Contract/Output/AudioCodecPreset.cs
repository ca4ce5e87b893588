using System.Globalization;

namespace Cutroom.Contract.Output;

/// <summary>
/// How the audio of an output is encoded: an encoder at a fixed bitrate, resampled to
/// <see cref="SampleRateHz"/> (48 kHz: the rate of video production and the only one Opus codes).
/// Channel layout is kept as the source has it.
/// </summary>
/// <param name="Encoder">The ffmpeg encoder (<c>aac</c>, <c>libopus</c>).</param>
/// <param name="Codec">The codec as ffprobe names it in the output (<c>aac</c>, <c>opus</c>).</param>
/// <param name="BitrateKbps">Target bitrate in kbit/s.</param>
/// <param name="SampleRateHz">Output sample rate in Hz.</param>
public sealed record AudioCodecPreset(string Encoder, string Codec, int BitrateKbps, int SampleRateHz = 48_000)
{
    /// <summary>AAC-LC with ffmpeg's native encoder (FFmpeg's AAC guide: about 128 kbit/s stereo is transparent for most material).</summary>
    public static AudioCodecPreset Aac(int bitrateKbps) => new("aac", "aac", bitrateKbps);

    /// <summary>Opus with libopus (the Opus project recommends 64-128 kbit/s for stereo music).</summary>
    public static AudioCodecPreset Opus(int bitrateKbps) => new("libopus", "opus", bitrateKbps);

    /// <summary>The ffmpeg output options: encoder, bitrate and sample rate.</summary>
    public IReadOnlyList<string> Arguments() =>
    [
        "-c:a", Encoder,
        "-b:a", BitrateKbps.ToString(CultureInfo.InvariantCulture) + "k",
        "-ar", SampleRateHz.ToString(CultureInfo.InvariantCulture),
    ];
}
