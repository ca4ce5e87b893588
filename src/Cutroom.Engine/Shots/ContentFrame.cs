namespace Cutroom.Engine.Shots;

/// <summary>
/// One downscaled frame as the shot detector sees it: its pixels in HSV (hue 0-179, saturation
/// and value 0-255, the ranges OpenCV uses, so that thresholds compare with PySceneDetect's) and
/// its luma (BT.709 weights, 0-255). Instances are reused: <see cref="Load"/> overwrites them.
/// </summary>
internal sealed class ContentFrame
{
    public ContentFrame(int width, int height)
    {
        Width = width; Height = height;
        var n = width * height;
        Hue = new byte[n]; Saturation = new byte[n]; Value = new byte[n]; Luma = new byte[n];
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Hue { get; }
    public byte[] Saturation { get; }
    public byte[] Value { get; }
    public byte[] Luma { get; }

    /// <summary>Mean luma 0-255.</summary>
    public double MeanLuma { get; private set; }

    /// <summary>Fills the planes from packed RGB24 pixels (<c>Width × Height × 3</c> bytes).</summary>
    public void Load(ReadOnlySpan<byte> rgb)
    {
        var n = Hue.Length;
        if (rgb.Length < n * 3) throw new ArgumentException("frame smaller than its size", nameof(rgb));
        long lumaSum = 0;
        for (int i = 0, p = 0; i < n; i++, p += 3)
        {
            int r = rgb[p], g = rgb[p + 1], b = rgb[p + 2];
            var max = Math.Max(r, Math.Max(g, b));
            var min = Math.Min(r, Math.Min(g, b));
            var diff = max - min;
            Value[i] = (byte)max;
            Saturation[i] = max == 0 ? (byte)0 : (byte)(255 * diff / max);
            int hue;
            if (diff == 0) hue = 0;
            else if (max == r) hue = 60 * (g - b) / diff;
            else if (max == g) hue = 120 + 60 * (b - r) / diff;
            else hue = 240 + 60 * (r - g) / diff;
            if (hue < 0) hue += 360;
            Hue[i] = (byte)(hue / 2);
            // BT.709 luma in 1/1024 steps: 0.2126, 0.7152, 0.0722.
            var y = (218 * r + 732 * g + 74 * b) >> 10;
            Luma[i] = (byte)y;
            lumaSum += y;
        }
        MeanLuma = (double)lumaSum / n;
    }

    /// <summary>
    /// The content difference of two frames: the mean absolute difference of hue, saturation and
    /// value, averaged over the three (PySceneDetect's ContentDetector "content_val" with its
    /// default weights 1, 1, 1, 0, except that hue wraps around). 0 = identical; a hard cut is typically above 30.
    /// </summary>
    public static double ContentDelta(ContentFrame a, ContentFrame b) =>
        (HueDiff(a.Hue, b.Hue) + MeanAbsDiff(a.Saturation, b.Saturation) + MeanAbsDiff(a.Value, b.Value)) / 3;

    /// <summary>Mean hue difference on the colour circle (0-90 in OpenCV units: red 0 and red 179 are neighbours; PySceneDetect does not wrap).</summary>
    private static double HueDiff(byte[] a, byte[] b)
    {
        long sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = Math.Abs(a[i] - b[i]);
            sum += d > 90 ? 180 - d : d;
        }
        return (double)sum / a.Length;
    }

    /// <summary>Mean absolute luma difference (0-255): the motion energy between two frames.</summary>
    public static double LumaDelta(ContentFrame a, ContentFrame b) => MeanAbsDiff(a.Luma, b.Luma);

    private static double MeanAbsDiff(byte[] a, byte[] b)
    {
        long sum = 0;
        for (var i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return (double)sum / a.Length;
    }
}
