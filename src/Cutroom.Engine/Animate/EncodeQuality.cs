using Cutroom.Contract.Output;
using System.Globalization;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Engine.Animate;

/// <summary>Output quality presets of <c>cutroom animate</c>, each an x264 preset and CRF.</summary>
public enum EncodeQuality
{
    /// <summary>x264 <c>veryfast</c>, CRF 28: small files, quick previews.</summary>
    Low,
    /// <summary>x264 <c>fast</c>, CRF 23: the default, good for posting.</summary>
    Medium,
    /// <summary>x264 <c>medium</c>, CRF 19: visually lossless for most photos.</summary>
    High,
}

/// <summary>
/// The x264 settings of each <see cref="EncodeQuality"/>. CRF 23 is x264's own default; 18-19 is the
/// usual "visually lossless" point and 28 a preview (x264 documentation and the FFmpeg H.264 wiki).
/// Ken Burns clips are smooth global motion that x264's motion search handles well, so the preset
/// one step faster than x264's default costs little at the same CRF.
/// </summary>
public static class EncodeQualitySettings
{
    /// <summary>The x264 preset (<c>-preset</c>).</summary>
    public static string X264Preset(this EncodeQuality quality) => quality switch
    {
        EncodeQuality.Low => "veryfast",
        EncodeQuality.High => "medium",
        _ => "fast",
    };

    /// <summary>The x264 constant rate factor (<c>-crf</c>; lower is better, 0-51).</summary>
    public static int Crf(this EncodeQuality quality) => quality switch
    {
        EncodeQuality.Low => 28,
        EncodeQuality.High => 19,
        _ => 23,
    };

    /// <summary>The CRF as an ffmpeg argument.</summary>
    public static string CrfArgument(this EncodeQuality quality) => quality.Crf().ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses <c>low</c>, <c>medium</c> or <c>high</c> (case-insensitive).</summary>
    /// <exception cref="JobInputException">For any other text (a usage error).</exception>
    public static EncodeQuality Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "medium" => EncodeQuality.Medium,
        "low" => EncodeQuality.Low,
        "high" => EncodeQuality.High,
        _ => throw new JobInputException($"unknown quality '{text}'; use low, medium or high", isUsage: true),
    };

    /// <summary>The lower-case name.</summary>
    public static string Name(this EncodeQuality quality) => quality.ToString().ToLowerInvariant();
}
