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

    /// <summary>
    /// The preset for a draft render (render, export, create) to <paramref name="format"/> at <paramref name="quality"/>:
    /// MP4 and MOV use <see cref="RenderH264"/>, chosen on the slideshow Cutroom renders most (photos with Ken Burns
    /// motion, crossfades, a logo and a title) as the fastest x264 settings that keep SSIM against a lossless render
    /// of the same draft at each level's bar (docs/benchmarks.md, "export settings (issue 15)"); WebM and GIF are
    /// as <see cref="For"/>. Trim, convert and highlights keep <see cref="For"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For an undefined enum value.</exception>
    public static OutputSpec ForRender(OutputFormat format, OutputQuality quality = OutputQuality.Medium) => format switch
    {
        OutputFormat.Mp4 or OutputFormat.Mov => new OutputSpec(format, quality, RenderH264(quality), AudioCodecPreset.Aac(AacKbps(quality))),
        _ => For(format, quality),
    };

    /// <summary>
    /// The H.264 settings of a draft render for <paramref name="quality"/> (SSIM of the create slideshow against its
    /// lossless render, bench/encode-settings.sh, 2026-12-07; x264 CPU for the 30 s 1080p video): Low superfast CRF 26
    /// (0.983, 12.0 s), Medium superfast CRF 22 (0.989, 13.7 s: the fastest with a margin over 0.985; ultrafast stays
    /// under 0.985 at every CRF from 20; x264 fast CRF 23 gave 0.990 in about 55 s), High veryfast CRF 18 (0.992,
    /// 22.8 s; medium CRF 18 gains 0.002 for 3.3x the CPU). No <c>-tune</c>: film, animation and stillimage changed
    /// SSIM by at most 0.0015 and none was faster.
    /// </summary>
    public static X264Preset RenderH264(OutputQuality quality) => quality switch
    {
        OutputQuality.Low => new X264Preset { Crf = 26, Speed = "superfast" },
        OutputQuality.Medium => new X264Preset { Crf = 22, Speed = "superfast" },
        OutputQuality.High => new X264Preset { Crf = 18, Speed = "veryfast" },
        _ => throw new ArgumentOutOfRangeException(nameof(quality)),
    };

    /// <summary>
    /// The spec of a draft's live preview (a low-resolution render made after every edit): MP4, x264
    /// superfast CRF 28, AAC 96 kbit/s. Speed first: a preview is watched once and replaced by the next. Measured on the
    /// create slideshow scaled to 640x360 (bench/encode-settings.sh): superfast costs 15 % more CPU than ultrafast
    /// (3.1 s against 2.7 s for 900 frames, scaling included) for a file 3.7x smaller and SSIM 0.958 against 0.941.
    /// </summary>
    public static OutputSpec Preview { get; } = new(OutputFormat.Mp4, OutputQuality.Low,
        new X264Preset { Crf = 28, Speed = "superfast" }, AudioCodecPreset.Aac(96));

    private static int AacKbps(OutputQuality q) => q switch { OutputQuality.Low => 96, OutputQuality.Medium => 128, _ => 192 };

    private static int OpusKbps(OutputQuality q) => q switch { OutputQuality.Low => 64, OutputQuality.Medium => 96, _ => 128 };
}
