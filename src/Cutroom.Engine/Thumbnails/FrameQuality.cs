namespace Cutroom.Engine.Thumbnails;

/// <summary>
/// How good a frame is as a thumbnail, measured on its 8-bit luma plane (downscaled).
/// </summary>
/// <param name="MeanLuma">Mean luma 0-255.</param>
/// <param name="Contrast">Standard deviation of luma (0-127.5).</param>
/// <param name="Sharpness">Variance of the 4-neighbour Laplacian of luma (the "variance of Laplacian" focus measure of Pech-Pacheco et al., 2000).</param>
/// <param name="DarkShare">Share of pixels below luma 24 (0-1).</param>
/// <param name="Score">The combined score (higher is better; 0 for black, white or flat frames).</param>
public sealed record FrameQuality(double MeanLuma, double Contrast, double Sharpness, double DarkShare, double Score)
{
    /// <summary>
    /// Measures a <paramref name="width"/> x <paramref name="height"/> luma plane. The score is
    /// <c>log10(1 + sharpness) × exposure × min(1, contrast / 40) × (1 − darkShare)</c>, where exposure is 1
    /// for mean luma in [48, 208] and falls linearly to 0 at 16 (black) and 240 (white). So a black frame,
    /// a flat frame in a fade and a blurred frame all score low; a sharp, well exposed, contrasty frame wins.
    /// </summary>
    public static FrameQuality Measure(ReadOnlySpan<byte> luma, int width, int height)
    {
        if (luma.Length < width * height || width < 3 || height < 3) throw new ArgumentException("plane smaller than its size");
        double sum = 0, sumSq = 0;
        long dark = 0;
        var n = width * height;
        for (var i = 0; i < n; i++)
        {
            var v = luma[i];
            sum += v; sumSq += (double)v * v;
            if (v < 24) dark++;
        }
        var mean = sum / n;
        var contrast = Math.Sqrt(Math.Max(0, sumSq / n - mean * mean));

        double lSum = 0, lSumSq = 0;
        var count = 0;
        for (var y = 1; y < height - 1; y++)
        {
            var row = y * width;
            for (var x = 1; x < width - 1; x++)
            {
                var i = row + x;
                double lap = luma[i - 1] + luma[i + 1] + luma[i - width] + luma[i + width] - 4 * luma[i];
                lSum += lap; lSumSq += lap * lap; count++;
            }
        }
        var lMean = lSum / count;
        var sharpness = Math.Max(0, lSumSq / count - lMean * lMean);

        var exposure = mean < 48 ? Math.Clamp((mean - 16) / 32, 0, 1) : mean > 208 ? Math.Clamp((240 - mean) / 32, 0, 1) : 1;
        var darkShare = (double)dark / n;
        var score = Math.Log10(1 + sharpness) * exposure * Math.Min(1, contrast / 40) * (1 - darkShare);
        return new FrameQuality(mean, contrast, sharpness, darkShare, score);
    }
}
