using System.Globalization;

namespace Cutroom.Engine.Frames;

/// <summary>Output options of the image encoders used for frames.</summary>
internal static class ImageEncoding
{
    /// <summary>
    /// Encoder arguments for <paramref name="format"/> at <paramref name="quality"/> (1-100).
    /// JPEG: <c>mjpeg</c> with <c>-q:v</c> mapped linearly from 100→2 (best) to 1→31 (ffmpeg's qscale range), full-range 4:2:0.
    /// WebP: <c>libwebp</c> <c>-quality</c> as given. PNG: RGB, lossless.
    /// </summary>
    public static string[] Arguments(ImageFormat format, int quality) => format switch
    {
        ImageFormat.Jpg => ["-c:v", "mjpeg", "-pix_fmt", "yuvj420p", "-q:v",
            Math.Round(2 + (100 - quality) * 29.0 / 99.0).ToString(CultureInfo.InvariantCulture)],
        ImageFormat.Png => ["-c:v", "png", "-pix_fmt", "rgb24"],
        ImageFormat.Webp => ["-c:v", "libwebp", "-pix_fmt", "yuv420p", "-quality", quality.ToString(CultureInfo.InvariantCulture)],
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
