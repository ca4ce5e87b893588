using System.Globalization;

namespace Cutroom.Engine.Animate;

/// <summary>
/// The view onto the picture at one moment: <see cref="Zoom"/> (1 = the whole covered canvas, 1.2 =
/// a window 1/1.2 of it in each direction) centred at (<see cref="CenterX"/>, <see cref="CenterY"/>),
/// as fractions of the canvas width and height (0.5, 0.5 = the middle).
/// </summary>
/// <param name="Zoom">Magnification, at least 1.</param>
/// <param name="CenterX">Centre of the view, fraction of the width (0-1).</param>
/// <param name="CenterY">Centre of the view, fraction of the height (0-1).</param>
public readonly record struct CameraWindow(double Zoom, double CenterX, double CenterY);

/// <summary>
/// A Ken Burns camera path: the view moves in a straight line from <see cref="Start"/> to
/// <see cref="End"/>, zoom and centre interpolated linearly in the frame index, so that a point of
/// the picture moves by the same amount every frame (constant speed; no easing, so that clips cut
/// or cross-faded mid-move never stop and start). Pans hold <see cref="PanZoom"/> and travel from
/// one edge of the covered canvas to the other.
/// </summary>
/// <param name="Start">The view on the first frame.</param>
/// <param name="End">The view on the last frame.</param>
public sealed record CameraPath(CameraWindow Start, CameraWindow End)
{
    /// <summary>How far zoom-in/zoom-out push in: 1.2x (a gentle move, the usual Ken Burns range of 1.1-1.3).</summary>
    public const double ZoomAmount = 1.2;

    /// <summary>The constant magnification of the pans (1.15x: 13 % of the picture's width or height to travel).</summary>
    public const double PanZoom = 1.15;

    /// <summary>The largest zoom on the path: the supersampling factor that keeps the most magnified frame at 1:1 or sharper.</summary>
    public double MaxZoom => Math.Max(Start.Zoom, End.Zoom);

    /// <summary>The path of <paramref name="motion"/>.</summary>
    public static CameraPath For(KenBurnsMotion motion)
    {
        var edge = 0.5 / PanZoom;   // the view's half-size: its centre can go from edge to 1 - edge
        return motion switch
        {
            KenBurnsMotion.ZoomIn => new(new(1, 0.5, 0.5), new(ZoomAmount, 0.5, 0.5)),
            KenBurnsMotion.ZoomOut => new(new(ZoomAmount, 0.5, 0.5), new(1, 0.5, 0.5)),
            KenBurnsMotion.PanLeft => new(new(PanZoom, 1 - edge, 0.5), new(PanZoom, edge, 0.5)),
            KenBurnsMotion.PanRight => new(new(PanZoom, edge, 0.5), new(PanZoom, 1 - edge, 0.5)),
            KenBurnsMotion.PanUp => new(new(PanZoom, 0.5, 1 - edge), new(PanZoom, 0.5, edge)),
            KenBurnsMotion.PanDown => new(new(PanZoom, 0.5, edge), new(PanZoom, 0.5, 1 - edge)),
            _ => throw new ArgumentOutOfRangeException(nameof(motion)),
        };
    }

    /// <summary>The view at progress <paramref name="progress"/> (0 = first frame, 1 = last).</summary>
    public CameraWindow At(double progress) => new(
        Start.Zoom + ((End.Zoom - Start.Zoom) * progress),
        Start.CenterX + ((End.CenterX - Start.CenterX) * progress),
        Start.CenterY + ((End.CenterY - Start.CenterY) * progress));

    /// <summary>
    /// The <c>perspective</c> corner expressions (x0, y0, x1, y1, x2, y2, x3, y3) that show this path on a
    /// <paramref name="width"/> x <paramref name="height"/> frame over <paramref name="frames"/> frames.
    /// The filter's <c>in</c> variable is the 1-based input frame number, so progress is <c>(in-1+first)/(frames-1)</c>, clipped to 0-1.
    /// Corners are the view's edges in source pixels, with fractional values: sampling is sub-pixel.
    /// </summary>
    /// <param name="width">Frame width, pixels.</param>
    /// <param name="height">Frame height, pixels.</param>
    /// <param name="frames">Frames of the whole move.</param>
    /// <param name="firstFrame">The frame of the move the filter's first input frame shows (0 from the start; a render
    /// window that begins inside the move starts later on the same path).</param>
    public IReadOnlyList<string> PerspectiveCorners(int width, int height, long frames, long firstFrame = 0)
    {
        // clip(): should a later ffmpeg count `in` from 0, the first frame still starts exactly on Start.
        var at = firstFrame > 0 ? $"in-1+{N(firstFrame)}" : "in-1";
        var p = frames > 1 ? $"clip(({at})/{N(frames - 1)},0,1)" : "0";
        var zoom = Start.Zoom == End.Zoom ? N(Start.Zoom) : $"({N(Start.Zoom)}+{N(End.Zoom - Start.Zoom)}*{p})";
        string Center(double from, double to, int size) =>
            from == to ? N(from * size) : $"({N(from * size)}+{N((to - from) * size)}*{p})";
        var cx = Center(Start.CenterX, End.CenterX, width);
        var cy = Center(Start.CenterY, End.CenterY, height);
        var left = $"{cx}-{N(width / 2.0)}/{zoom}";
        var right = $"{cx}+{N(width / 2.0)}/{zoom}";
        var top = $"{cy}-{N(height / 2.0)}/{zoom}";
        var bottom = $"{cy}+{N(height / 2.0)}/{zoom}";
        return [left, top, right, top, left, bottom, right, bottom];
    }

    private static string N(double v) => v.ToString("0.#########", CultureInfo.InvariantCulture);
    private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);
}
