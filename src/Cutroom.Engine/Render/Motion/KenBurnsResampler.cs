using Cutroom.Engine.Animate;

namespace Cutroom.Engine.Render.Motion;

/// <summary>
/// Draws the frames of a Ken Burns move in process: each frame is the <see cref="CameraWindow"/>'s view
/// of a picture held in memory (one yuv420p frame, BT.709 limited range, as <see cref="PreparedStills"/>
/// writes it), resampled bilinearly with sub-pixel precision into a <see cref="Width"/> x <see cref="Height"/>
/// yuv420p frame.
/// <para>
/// A Ken Burns view is an axis-aligned scale plus a translation, so the 2-D resampling is separable: per
/// output row, a vertical blend of two picture rows over the columns the view covers, then a horizontal
/// blend of two of those per output pixel, both with 8 fractional bits (as ffmpeg's <c>perspective</c>
/// filter's linear interpolation, <c>SUB_PIXEL_BITS</c> = 8). Sample positions are pixel centres:
/// <c>u = left + (x + 0.5) · (viewWidth / outputWidth) − 0.5</c>, clamped to the picture. Each plane is
/// resampled in its own pixels (chroma at half size). It draws the same view as the one-pass render's
/// <c>perspective</c> (<see cref="CameraPath.PerspectiveCorners"/>), for about half its CPU
/// (docs/benchmarks.md, "Ken Burns stills path": 8–10 ms per 1080p frame on one core).
/// </para>
/// Not thread-safe: one resampler per writer.
/// </summary>
internal sealed class KenBurnsResampler
{
    private readonly byte[] _picture;
    private readonly Plane[] _source;
    private readonly Plane[] _target;
    private readonly int[] _columns;
    private readonly int[] _columnWeights;
    private readonly int[] _row;

    /// <summary>Creates a resampler over <paramref name="picture"/>.</summary>
    /// <param name="picture">One yuv420p frame of <paramref name="pictureWidth"/> x <paramref name="pictureHeight"/> (Y, then U, then V; no padding).</param>
    /// <param name="pictureWidth">Picture width, pixels (even).</param>
    /// <param name="pictureHeight">Picture height, pixels (even).</param>
    /// <param name="width">Frame width, pixels (even).</param>
    /// <param name="height">Frame height, pixels (even).</param>
    /// <exception cref="ArgumentException">When a size is odd or below 2, or the picture is not exactly one frame.</exception>
    public KenBurnsResampler(byte[] picture, int pictureWidth, int pictureHeight, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(picture);
        foreach (var v in new[] { pictureWidth, pictureHeight, width, height })
            if (v < 2 || v % 2 != 0) throw new ArgumentException($"frame sizes must be even and at least 2 (got {pictureWidth}x{pictureHeight} -> {width}x{height})");
        if (picture.Length != FrameBytes(pictureWidth, pictureHeight))
            throw new ArgumentException($"the picture has {picture.Length} bytes, not one {pictureWidth}x{pictureHeight} yuv420p frame ({FrameBytes(pictureWidth, pictureHeight)})", nameof(picture));
        _picture = picture;
        _source = Planes(pictureWidth, pictureHeight);
        _target = Planes(width, height);
        Width = width;
        Height = height;
        _columns = new int[width];
        _columnWeights = new int[width];
        _row = new int[pictureWidth + 1];
    }

    /// <summary>Frame width, pixels.</summary>
    public int Width { get; }

    /// <summary>Frame height, pixels.</summary>
    public int Height { get; }

    /// <summary>Bytes of one yuv420p frame of <paramref name="width"/> x <paramref name="height"/> (even sizes).</summary>
    public static int FrameBytes(int width, int height) => checked(width * height * 3 / 2);

    /// <summary>Draws <paramref name="view"/> into <paramref name="frame"/>.</summary>
    /// <param name="view">The view: zoom at least 1, centre as fractions of the picture.</param>
    /// <param name="frame">At least <see cref="FrameBytes"/>(<see cref="Width"/>, <see cref="Height"/>) bytes.</param>
    /// <exception cref="ArgumentException">When <paramref name="frame"/> is too small.</exception>
    public void Draw(CameraWindow view, byte[] frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Length < FrameBytes(Width, Height)) throw new ArgumentException("the frame buffer is smaller than one frame", nameof(frame));
        var zoom = Math.Max(view.Zoom, 1e-6);
        for (var p = 0; p < 3; p++)
        {
            var s = _source[p];
            var d = _target[p];
            double viewWidth = s.Width / zoom, viewHeight = s.Height / zoom;
            var left = (view.CenterX * s.Width) - (viewWidth / 2);
            var top = (view.CenterY * s.Height) - (viewHeight / 2);
            double stepX = viewWidth / d.Width, stepY = viewHeight / d.Height;
            for (var x = 0; x < d.Width; x++)
            {
                var at = Fixed(left + ((x + 0.5) * stepX) - 0.5, s.Width);
                _columns[x] = at >> 8;
                _columnWeights[x] = at & 255;
            }
            Resample(s, d, frame, top, stepY);
        }
    }

    /// <summary>A position in 8-bit fixed point, clamped so that it and its right (lower) neighbour are inside the plane.</summary>
    private static int Fixed(double position, int size) => (int)Math.Round(Math.Clamp(position, 0, size - 1.001) * 256);

    private unsafe void Resample(Plane s, Plane d, byte[] frame, double top, double stepY)
    {
        fixed (byte* src = _picture, dst = frame)
        fixed (int* row = _row, cols = _columns, weights = _columnWeights)
        {
            int first = cols[0], last = Math.Min(s.Width - 1, cols[d.Width - 1] + 1);
            for (var y = 0; y < d.Height; y++)
            {
                var at = Fixed(top + ((y + 0.5) * stepY) - 0.5, s.Height);
                var fy = at & 255;
                byte* a = src + s.Offset + ((at >> 8) * s.Width);
                byte* b = a + s.Width;
                // Vertical blend of rows a and b over the columns the view covers (16.8 fixed point).
                if (fy == 0)
                    for (var c = first; c <= last; c++) row[c] = a[c] << 8;
                else
                    for (var c = first; c <= last; c++) row[c] = (a[c] << 8) + ((b[c] - a[c]) * fy);
                // Horizontal blend of two of them per output pixel, rounded to 8 bits.
                byte* o = dst + d.Offset + (y * d.Width);
                for (var x = 0; x < d.Width; x++)
                {
                    var k = cols[x];
                    int p = row[k], q = row[k + 1];
                    o[x] = (byte)(((p << 8) + ((q - p) * weights[x]) + 32768) >> 16);
                }
            }
        }
    }

    private static Plane[] Planes(int width, int height)
    {
        var luma = width * height;
        return [new Plane(0, width, height), new Plane(luma, width / 2, height / 2), new Plane(luma + (luma / 4), width / 2, height / 2)];
    }

    private readonly record struct Plane(int Offset, int Width, int Height);
}
