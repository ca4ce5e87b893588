using System.Globalization;
using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Render;

/// <summary>
/// Where overlays (logos) and texts sit: <c>m.x</c>/<c>m.y</c> (centre as fractions of the canvas)
/// or <c>m.pos</c> (top, center, bottom and the four corners) with <c>m.margin</c> pixels from the
/// edges (default 4 % of the canvas's short side). Returned as ffmpeg expressions of the overlay
/// filter (<c>W,H</c> main, <c>w,h</c> overlay) or of drawtext (<c>w,h</c> frame, <c>text_w,text_h</c>).
/// </summary>
internal static class Placement
{
    public static double DefaultMargin(int width, int height) => Math.Round(Math.Min(width, height) * 0.04);

    /// <summary>Overlay x/y expressions; overlays default to the bottom-right corner (a watermark's usual place).</summary>
    public static (string X, string Y) OverlayXY(SegmentMeta m, int width, int height) =>
        XY(m, width, height, "W", "H", "w", "h", "bottom-right");

    /// <summary>drawtext x/y expressions; texts default to the centre.</summary>
    public static (string X, string Y) TextXY(SegmentMeta m, int width, int height) =>
        XY(m, width, height, "w", "h", "text_w", "text_h", Positions.Center);

    private static (string, string) XY(SegmentMeta m, int width, int height, string cw, string ch, string ow, string oh, string fallback)
    {
        var margin = N(m.Margin ?? DefaultMargin(width, height));
        if (m.X is { } fx || m.Y is { })
        {
            var x = m.X ?? 0.5;
            var y = m.Y ?? 0.5;
            return ($"{cw}*{N(x)}-{ow}/2", $"{ch}*{N(y)}-{oh}/2");
        }
        var centreX = $"({cw}-{ow})/2";
        var centreY = $"({ch}-{oh})/2";
        return (m.Position ?? fallback) switch
        {
            Positions.Top => (centreX, margin),
            Positions.Bottom => (centreX, $"{ch}-{oh}-{margin}"),
            "top-left" => (margin, margin),
            "top-right" => ($"{cw}-{ow}-{margin}", margin),
            "bottom-left" => (margin, $"{ch}-{oh}-{margin}"),
            "bottom-right" => ($"{cw}-{ow}-{margin}", $"{ch}-{oh}-{margin}"),
            _ => (centreX, centreY),
        };
    }

    private static string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
