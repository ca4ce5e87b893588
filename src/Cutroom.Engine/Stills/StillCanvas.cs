using Cutroom.FFmpeg.Graph;

namespace Cutroom.Engine.Stills;

/// <summary>
/// Lays an upright picture onto a canvas of exactly <c>width</c> x <c>height</c> pixels in one of the
/// <see cref="StillFit"/> ways, converting to yuv420p with the BT.709 matrix and limited range (what
/// players assume for HD H.264). Sizes are computed here, in integers, so that every stage's frame
/// size is known: nothing is left to <c>force_original_aspect_ratio</c> rounding.
/// </summary>
public static class StillCanvas
{
    /// <summary>The scaler for pictures: Lanczos (sharp downscaling of large photos; run once per still).</summary>
    public const string PictureScaler = "lanczos";

    /// <summary>Composes <paramref name="upright"/> (displayed size <paramref name="sourceWidth"/> x <paramref name="sourceHeight"/>) onto the canvas.</summary>
    /// <param name="graph">The graph <paramref name="upright"/> belongs to.</param>
    /// <param name="upright">The picture, already turned upright.</param>
    /// <param name="sourceWidth">Its displayed width, pixels.</param>
    /// <param name="sourceHeight">Its displayed height, pixels.</param>
    /// <param name="width">Canvas width, pixels (even).</param>
    /// <param name="height">Canvas height, pixels (even).</param>
    /// <param name="fit">How the picture fills the canvas.</param>
    /// <returns>A yuv420p stream of exactly <paramref name="width"/> x <paramref name="height"/>, square pixels.</returns>
    public static GraphStream Compose(FilterGraph graph, GraphStream upright, int sourceWidth, int sourceHeight, int width, int height, StillFit fit)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(upright);
        // Through RGB first: ffmpeg 5.1's scale does not convert the matrix between two YUV formats
        // correctly (a JPEG's full-range BT.601 yuvj420p to BT.709 yuv420p came out ~4 levels darker
        // in our tests); JPEG to RGB (BT.601, JFIF) then RGB to BT.709 is exact. Done once per still.
        var rgb = upright.Then(Filters.Format("rgb24"));
        var composed = fit switch
        {
            StillFit.Contain => Contain(rgb, sourceWidth, sourceHeight, width, height),
            StillFit.Blur => Blur(graph, rgb, sourceWidth, sourceHeight, width, height),
            _ => Cover(rgb, sourceWidth, sourceHeight, width, height, PictureScaler),
        };
        return composed.Then(Filters.SetSar());
    }

    /// <summary>The size that covers <paramref name="width"/> x <paramref name="height"/> keeping the picture's aspect ratio (each side at least the canvas side).</summary>
    public static (int Width, int Height) CoverSize(int sourceWidth, int sourceHeight, int width, int height)
    {
        var scale = Math.Max((double)width / sourceWidth, (double)height / sourceHeight);
        return (Math.Max(width, (int)Math.Ceiling(sourceWidth * scale - 1e-6)), Math.Max(height, (int)Math.Ceiling(sourceHeight * scale - 1e-6)));
    }

    /// <summary>The even size that fits inside <paramref name="width"/> x <paramref name="height"/> keeping the picture's aspect ratio.</summary>
    public static (int Width, int Height) ContainSize(int sourceWidth, int sourceHeight, int width, int height)
    {
        var scale = Math.Min((double)width / sourceWidth, (double)height / sourceHeight);
        return (Math.Clamp(Even(sourceWidth * scale), 2, width), Math.Clamp(Even(sourceHeight * scale), 2, height));
    }

    private static GraphStream Cover(GraphStream s, int sw, int sh, int width, int height, string scaler)
    {
        var (cw, ch) = CoverSize(sw, sh, width, height);
        return s.Then(ToYuv(cw, ch, scaler))
                .Then(Filters.Format("yuv420p"))
                .Then(Filters.Crop(width, height, (cw - width) / 2, (ch - height) / 2));
    }

    private static GraphStream Contain(GraphStream s, int sw, int sh, int width, int height)
    {
        var (cw, ch) = ContainSize(sw, sh, width, height);
        return s.Then(ToYuv(cw, ch, PictureScaler))
                .Then(Filters.Format("yuv420p"))
                .Then(Filters.Pad(width, height, EvenDown((width - cw) / 2), EvenDown((height - ch) / 2), "black"));
    }

    private static GraphStream Blur(FilterGraph graph, GraphStream s, int sw, int sh, int width, int height)
    {
        // Background: a quarter-size cover, box-blurred twice and scaled back up (blurring small is cheap).
        var bw = Math.Max(8, Even(width / 4.0));
        var bh = Math.Max(8, Even(height / 4.0));
        var radius = Math.Max(1, Math.Min(bw, bh) / 12);
        var background = Cover(s, sw, sh, bw, bh, "bilinear")
            .Then(Filters.BoxBlur(lumaRadius: radius, lumaPower: 2, chromaRadius: Math.Max(1, radius / 2), chromaPower: 2))
            .Then(Filters.Scale(width, height, "bilinear"));
        var (cw, ch) = ContainSize(sw, sh, width, height);
        var picture = s.Then(ToYuv(cw, ch, PictureScaler)).Then(Filters.Format("yuv420p"));
        var overlay = Filters.Overlay(EvenDown((width - cw) / 2), EvenDown((height - ch) / 2), format: "yuv420");
        return graph.Apply(overlay, background, picture)[0];
    }

    private static Filter ToYuv(int w, int h, string scaler) =>
        Filters.ScaleWithMatrix(w, h, scaler, outColorMatrix: "bt709", outRange: "tv");

    private static int Even(double v) => Math.Max(2, (int)Math.Round(v / 2, MidpointRounding.AwayFromZero) * 2);

    private static int EvenDown(int v) => v - (v & 1);
}
