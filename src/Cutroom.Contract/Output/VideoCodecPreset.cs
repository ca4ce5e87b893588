using System.Globalization;

namespace Cutroom.Contract.Output;

/// <summary>
/// How the video of an output is encoded: the encoder, its constant-quality setting and speed,
/// and the pixel format every player can show (8-bit 4:2:0). Turned into ffmpeg output options
/// by <see cref="Arguments"/>.
/// </summary>
public abstract record VideoCodecPreset
{
    /// <summary>The codec as ffprobe names it in the output (<c>h264</c>, <c>vp9</c>).</summary>
    public abstract string Codec { get; }

    /// <summary>The ffmpeg encoder (<c>libx264</c>, <c>libvpx-vp9</c>).</summary>
    public abstract string Encoder { get; }

    /// <summary>The pixel format of the output (<c>yuv420p</c>): 8-bit 4:2:0, the only one all browsers and phones decode.</summary>
    public string PixelFormat { get; init; } = "yuv420p";

    /// <summary>The ffmpeg output options for this encoder, in order (codec, quality, speed, pixel format, threads).</summary>
    /// <param name="threads">Encoder threads (<c>-threads</c>); null leaves ffmpeg's default.</param>
    public abstract IReadOnlyList<string> Arguments(int? threads);

    /// <summary>Formats an integer for an ffmpeg argument (invariant culture).</summary>
    protected static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The <c>-threads N</c> pair, or nothing.</summary>
    protected static IEnumerable<string> Threads(int? threads) =>
        threads is { } t and > 0 ? ["-threads", Num(t)] : [];
}

/// <summary>
/// H.264 with libx264 in the High profile: the codec of MP4 and MOV outputs.
/// CRF and preset meanings: x264's documentation and FFmpeg's H.264 encoding guide
/// (trac.ffmpeg.org/wiki/Encode/H.264): CRF 23 is x264's default, about 18 looks visually lossless,
/// and each +6 roughly halves the bitrate; slower presets give smaller files at the same CRF.
/// </summary>
public sealed record X264Preset : VideoCodecPreset
{
    /// <inheritdoc/>
    public override string Codec => "h264";

    /// <inheritdoc/>
    public override string Encoder => "libx264";

    /// <summary>Constant rate factor, 0-51: lower is better quality and larger files.</summary>
    public required int Crf { get; init; }

    /// <summary>The x264 preset (speed/size trade-off): <c>ultrafast</c> ... <c>veryslow</c>.</summary>
    public required string Speed { get; init; }

    /// <summary>The H.264 profile as given to x264 (<c>high</c>); ffprobe reports it as <see cref="ProbedProfile"/>.</summary>
    public string Profile { get; init; } = "high";

    /// <summary>The profile name as ffprobe reports it in the output (<c>High</c>).</summary>
    public string ProbedProfile => Profile switch { "high" => "High", "main" => "Main", "baseline" => "Constrained Baseline", _ => Profile };

    /// <summary>
    /// The x264 tuning (<c>-tune</c>: <c>film</c>, <c>animation</c>, <c>stillimage</c>, ...) applied over the preset,
    /// or null for none (x264's own defaults for the preset; no <c>-tune</c> option is written).
    /// </summary>
    public string? Tune { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Arguments(int? threads) =>
    [
        "-c:v", Encoder, "-preset", Speed, .. Tune is { } tune ? ["-tune", tune] : Array.Empty<string>(),
        "-crf", Num(Crf), "-profile:v", Profile, "-pix_fmt", PixelFormat,
        .. Threads(threads),
    ];
}

/// <summary>
/// VP9 with libvpx in constant-quality mode (<c>-crf N -b:v 0</c>): the codec of WebM outputs.
/// Settings follow FFmpeg's VP9 encoding guide (trac.ffmpeg.org/wiki/Encode/VP9) and Google's VP9
/// VOD recommendations (CRF about 31 for 1080p; <c>-deadline good</c> with <c>-cpu-used</c> 0-5,
/// higher is faster; <c>-row-mt 1</c> for threading).
/// </summary>
public sealed record Vp9Preset : VideoCodecPreset
{
    /// <inheritdoc/>
    public override string Codec => "vp9";

    /// <inheritdoc/>
    public override string Encoder => "libvpx-vp9";

    /// <summary>Constant rate factor, 0-63: lower is better quality and larger files.</summary>
    public required int Crf { get; init; }

    /// <summary>libvpx <c>-cpu-used</c> (0 slowest/best ... 5 fastest with <c>-deadline good</c>).</summary>
    public required int CpuUsed { get; init; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Arguments(int? threads) =>
    [
        "-c:v", Encoder, "-crf", Num(Crf), "-b:v", "0", "-deadline", "good", "-cpu-used", Num(CpuUsed), "-row-mt", "1",
        "-pix_fmt", PixelFormat, .. Threads(threads),
    ];
}
