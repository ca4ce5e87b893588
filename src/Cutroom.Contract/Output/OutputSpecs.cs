namespace Cutroom.Contract.Output;

/// <summary>
/// The table of output presets: for each <see cref="OutputFormat"/> and <see cref="OutputQuality"/>,
/// the codec settings (docs/trim-and-convert.md prints the same table). MP4 and MOV use H.264 High
/// 4:2:0 + AAC 48 kHz; WebM uses VP9 4:2:0 + Opus 48 kHz; GIF has one palette per output and no sound
/// (<see cref="GifPreset"/>, the same at every quality). The speeds are chosen for small servers
/// (2 cores): x264 <c>veryfast</c>/<c>fast</c>/<c>medium</c>; the sources of the CRF values are
/// named on <see cref="X264Preset"/> and <see cref="Vp9Preset"/>.
/// </summary>
public static class OutputSpecs
{
    /// <summary>The preset for <paramref name="format"/> at <paramref name="quality"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an undefined enum value.</exception>
    public static OutputSpec For(OutputFormat format, OutputQuality quality = OutputQuality.Medium) => format switch
    {
        OutputFormat.Mp4 or OutputFormat.Mov => new OutputSpec(format, quality, H264(quality), AudioCodecPreset.Aac(AacKbps(quality))),
        OutputFormat.Webm => new OutputSpec(format, quality, Vp9(quality), AudioCodecPreset.Opus(OpusKbps(quality))),
        OutputFormat.Gif => new OutputSpec(format, quality, new GifPreset(), null),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The H.264 settings for <paramref name="quality"/>: CRF 28/23/18 at presets veryfast/fast/medium.</summary>
    public static X264Preset H264(OutputQuality quality) => quality switch
    {
        OutputQuality.Low => new X264Preset { Crf = 28, Speed = "veryfast" },
        OutputQuality.Medium => new X264Preset { Crf = 23, Speed = "fast" },
        OutputQuality.High => new X264Preset { Crf = 18, Speed = "medium" },
        _ => throw new ArgumentOutOfRangeException(nameof(quality)),
    };

    /// <summary>The VP9 settings for <paramref name="quality"/>: CRF 40/33/28 at cpu-used 5/4/2.</summary>
    public static Vp9Preset Vp9(OutputQuality quality) => quality switch
    {
        OutputQuality.Low => new Vp9Preset { Crf = 40, CpuUsed = 5 },
        OutputQuality.Medium => new Vp9Preset { Crf = 33, CpuUsed = 4 },
        OutputQuality.High => new Vp9Preset { Crf = 28, CpuUsed = 2 },
        _ => throw new ArgumentOutOfRangeException(nameof(quality)),
    };

    private static int AacKbps(OutputQuality q) => q switch { OutputQuality.Low => 96, OutputQuality.Medium => 128, _ => 192 };

    private static int OpusKbps(OutputQuality q) => q switch { OutputQuality.Low => 64, OutputQuality.Medium => 96, _ => 128 };
}
