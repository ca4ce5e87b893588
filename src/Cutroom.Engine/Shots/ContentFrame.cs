using System.Runtime.CompilerServices;

namespace Cutroom.Engine.Shots;

/// <summary>
/// One downscaled frame as the shot detector sees it: its pixels in HSV (hue 0-179, saturation
/// and value 0-255, the ranges OpenCV uses, so that thresholds compare with PySceneDetect's) and
/// its luma (0-255, full range). Instances are reused: <see cref="LoadYuv420"/> overwrites them.
/// </summary>
internal sealed class ContentFrame
{
    private readonly YuvToRgb _matrix;

    /// <summary>Creates an empty frame of <paramref name="width"/> x <paramref name="height"/> pixels (both even).</summary>
    public ContentFrame(int width, int height, YuvToRgb matrix)
    {
        if (width % 2 != 0 || height % 2 != 0) throw new ArgumentException("4:2:0 frames have even sizes");
        Width = width; Height = height; _matrix = matrix;
        var n = width * height;
        Hue = new byte[n]; Saturation = new byte[n]; Value = new byte[n]; Luma = new byte[n];
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Hue { get; }
    public byte[] Saturation { get; }
    public byte[] Value { get; }
    public byte[] Luma { get; }

    /// <summary>Bytes of one planar YUV 4:2:0 frame of this size (Y, then U and V at half width and height).</summary>
    public int Yuv420Bytes => Width * Height * 3 / 2;

    /// <summary>Mean luma 0-255.</summary>
    public double MeanLuma { get; private set; }

    /// <summary>Share of pixels (0-1) at or below <see cref="YuvToRgb.BlackCodeValue"/>, as ffmpeg's <c>blackdetect</c> counts them.</summary>
    public double BlackShare { get; private set; }

    /// <summary>Fills the planes from one 8-bit limited-range <c>yuv420p</c> frame (<see cref="Yuv420Bytes"/> bytes).</summary>
    /// <exception cref="ArgumentException">The buffer is shorter than a frame.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void LoadYuv420(ReadOnlySpan<byte> yuv)
    {
        if (yuv.Length < Yuv420Bytes) throw new ArgumentException("frame smaller than its size", nameof(yuv));
        int w = Width, h = Height, cw = w / 2;
        var yPlane = yuv[..(w * h)];
        var uPlane = yuv.Slice(w * h, cw * (h / 2));
        var vPlane = yuv.Slice(w * h + cw * (h / 2), cw * (h / 2));
        var m = _matrix;
        long lumaSum = 0, black = 0;
        for (var row = 0; row < h; row++)
        {
            var c = (row / 2) * cw;
            var p = row * w;
            for (var x = 0; x < w; x++, p++)
            {
                int u = uPlane[c + x / 2], v = vPlane[c + x / 2], y = yPlane[p];
                var yy = m.Y[y];
                var r = Clamp((yy + m.Rv[v]) >> 10);
                var g = Clamp((yy - m.Gu[u] - m.Gv[v]) >> 10);
                var b = Clamp((yy + m.Bu[u]) >> 10);
                SetHsv(p, r, g, b);
                var l = m.Luma[y];
                Luma[p] = l;
                lumaSum += l;
                if (y <= YuvToRgb.BlackCodeValue) black++;
            }
        }
        var n = w * h;
        MeanLuma = (double)lumaSum / n;
        BlackShare = (double)black / n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetHsv(int i, int r, int g, int b)
    {
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var diff = max - min;
        Value[i] = (byte)max;
        if (diff == 0) { Saturation[i] = 0; Hue[i] = 0; return; }
        // x / d as (x · ⌈2^16 / d⌉) >> 16, within one unit of the division (a distance measure does not mind).
        var inv = Reciprocal[diff];
        Saturation[i] = (byte)((255 * diff * Reciprocal[max]) >> 16);
        int hue;
        if (max == r) hue = (60 * (g - b) * inv) >> 16;
        else if (max == g) hue = 120 + ((60 * (b - r) * inv) >> 16);
        else hue = 240 + ((60 * (r - g) * inv) >> 16);
        if (hue < 0) hue += 360;
        Hue[i] = (byte)(hue >> 1);
    }

    /// <summary>⌈65536 / d⌉ for d = 1..255 (index 0 unused).</summary>
    private static readonly int[] Reciprocal = Enumerable.Range(0, 256).Select(d => d == 0 ? 0 : (65536 + d - 1) / d).ToArray();

    private static int Clamp(int v) => v < 0 ? 0 : v > 255 ? 255 : v;

    /// <summary>
    /// The content difference of two frames: the mean absolute difference of hue, saturation and
    /// value, averaged over the three (PySceneDetect's ContentDetector "content_val" with its
    /// default weights 1, 1, 1, 0, except that hue wraps around). 0 = identical; a hard cut is typically above 30.
    /// </summary>
    public static double ContentDelta(ContentFrame a, ContentFrame b) =>
        (double)(PlaneMath.SumHueDiff(a.Hue, b.Hue) + PlaneMath.SumAbsDiff(a.Saturation, b.Saturation) + PlaneMath.SumAbsDiff(a.Value, b.Value)) / (3.0 * a.Hue.Length);

    /// <summary>Mean absolute difference of value (brightness) alone, 0-255.</summary>
    public static double ValueDelta(ContentFrame a, ContentFrame b) => (double)PlaneMath.SumAbsDiff(a.Value, b.Value) / a.Value.Length;

    /// <summary>Mean absolute luma difference (0-255): the motion energy between two frames.</summary>
    public static double LumaDelta(ContentFrame a, ContentFrame b) => (double)PlaneMath.SumAbsDiff(a.Luma, b.Luma) / a.Luma.Length;
}
