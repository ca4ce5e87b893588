// The in-process Ken Burns compositor measured by bench/kenburns.sh (issue 15), and the smoothness
// check of AnimateSmoothnessTests over raw grey frames (so that the script can judge ffmpeg graphs too).
//
//   draw   --image P --width W --height H --frames N --motion zoom-in|pan-right|... [--sampling linear|cubic]
//          [--supersample canvas|max] [--format rgba|yuv420p] [--out -|null]
//          Decodes P once (EXIF orientation applied), lays it onto a cover canvas once (canvas size, or
//          canvas x the path's largest zoom), then draws each frame with one transform matrix along
//          Cutroom's CameraPath and writes raw frames to stdout (rgba, or yuv420p BT.709 limited range
//          converted here). Timings go to stderr.
//   resample --in F --in-width CW --in-height CH --width W --height H --frames N --motion M [--out -|null] [--threads T]
//          Reads ONE yuv420p picture of CW x CH (the still composed once by ffmpeg, as StillCanvas does) and
//          writes N yuv420p frames of W x H along the same CameraPath, each plane resampled with a separable
//          bilinear filter in plain C# (a Ken Burns view is an axis-aligned scale + translation): per
//          frame, each output column and row gets a source position with 8 fractional bits.
//   smooth --width W --height H --dir-x S --dir-y S
//          Reads raw grey frames from stdin and applies the smoothness check of AnimateKit.CheckSmooth to
//          the marker's centroid (S = +1/-1 along the motion, 0 = must not drift). Prints one line.
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Cutroom.Engine.Animate;
using SkiaSharp;

var opts = new Dictionary<string, string>();
for (var i = 1; i + 1 < args.Length; i += 2) opts[args[i].TrimStart('-')] = args[i + 1];
string Opt(string k, string d) => opts.TryGetValue(k, out var v) ? v : d;
int IntOpt(string k) => int.Parse(opts[k], CultureInfo.InvariantCulture);

return args.FirstOrDefault() switch
{
    "draw" => Draw(),
    "smooth" => Smooth(),
    "resample" => Resample(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: KenBurnsSkia draw|smooth --option value ... (see Program.cs)");
    return 2;
}

int Draw()
{
    var ColorType = Opt("color", "rgba") == "bgra" ? SKColorType.Bgra8888 : SKColorType.Rgba8888;
    int w = IntOpt("width"), h = IntOpt("height"), n = IntOpt("frames");
    var path = CameraPath.For(KenBurnsMotionNames.Parse(Opt("motion", "zoom-in")));
    var toYuv = Opt("format", "rgba") == "yuv420p";
    var toNull = Opt("out", "-") == "null";
    var ss = Opt("supersample", "canvas") == "max" ? path.MaxZoom : 1.0;
    var sw = Stopwatch.StartNew();

    // 1. Decode once, at the smallest JPEG scale (libjpeg's M/8 DCT scaling) that still covers the composed canvas.
    int cw = Even(w * ss), ch = Even(h * ss);
    using var codec = SKCodec.Create(Opt("image", ""));
    var origin = codec.EncodedOrigin;
    var swapped = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
    var stored = codec.Info;
    int dispW = swapped ? stored.Height : stored.Width, dispH = swapped ? stored.Width : stored.Height;
    var need = Math.Max((double)cw / dispW, (double)ch / dispH);
    var decodeSize = codec.GetScaledDimensions((float)Math.Min(1, need));
    if (decodeSize.Width * need * dispW / decodeSize.Width < cw - 0.5) decodeSize = stored.Size;   // never below the need
    using var decoded = SKBitmap.Decode(codec, new SKImageInfo(decodeSize.Width, decodeSize.Height, ColorType, SKAlphaType.Premul))
        ?? throw new InvalidOperationException("cannot decode " + Opt("image", ""));
    var decodeMs = sw.Elapsed.TotalMilliseconds;

    // 2. Compose once: turn upright, scale to cover cw x ch (Mitchell cubic), centre crop.
    using var composedSurface = SKSurface.Create(new SKImageInfo(cw, ch, ColorType, SKAlphaType.Premul));
    {
        var c = composedSurface.Canvas;
        int uw = swapped ? decoded.Height : decoded.Width, uh = swapped ? decoded.Width : decoded.Height;
        var scale = Math.Max((double)cw / uw, (double)ch / uh);
        c.Translate(cw / 2f, ch / 2f);
        c.Scale((float)scale);
        c.Concat(Orientation(origin));
        c.Translate(-decoded.Width / 2f, -decoded.Height / 2f);
        using var img = SKImage.FromBitmap(decoded);
        c.DrawImage(img, 0, 0, new SKSamplingOptions(SKCubicResampler.Mitchell), null);
    }
    using var composed = composedSurface.Snapshot().ToRasterImage(true);
    var composeMs = sw.Elapsed.TotalMilliseconds - decodeMs;

    // 3. Each frame: one matrix from the view window (zoom, centre as fractions of the composed canvas) to the output.
    var rgba = new byte[w * h * 4];
    var yuv = new byte[w * h * 3 / 2];
    var handle = GCHandle.Alloc(rgba, GCHandleType.Pinned);
    using var frame = SKSurface.Create(new SKImageInfo(w, h, ColorType, SKAlphaType.Premul), handle.AddrOfPinnedObject(), w * 4);
    var samplingName = Opt("sampling", "linear");
    var sampling = samplingName switch
    {
        "cubic" => new SKSamplingOptions(SKCubicResampler.CatmullRom),
        "nearest" => new SKSamplingOptions(SKFilterMode.Nearest, SKMipmapMode.None),
        _ => new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None),
    };
    // Src: every output pixel is covered, so nothing is blended with the previous frame.
    using var paint = new SKPaint { BlendMode = SKBlendMode.Src };
    using var stdout = Console.OpenStandardOutput();
    double drawMs = 0, convertMs = 0, writeMs = 0;
    for (var i = 0; i < n; i++)
    {
        var t0 = sw.Elapsed.TotalMilliseconds;
        var view = path.At(n > 1 ? (double)i / (n - 1) : 0);
        var srcW = cw / view.Zoom;
        var srcH = ch / view.Zoom;
        var left = (view.CenterX * cw) - (srcW / 2);
        var top = (view.CenterY * ch) - (srcH / 2);
        var canvas = frame.Canvas;
        canvas.SetMatrix(SKMatrix.CreateScaleTranslation((float)(w / srcW), (float)(h / srcH), (float)(-left * w / srcW), (float)(-top * h / srcH)));
        canvas.DrawImage(composed, 0, 0, sampling, paint);
        canvas.Flush();
        var t1 = sw.Elapsed.TotalMilliseconds;
        drawMs += t1 - t0;
        if (toYuv) Yuv420(rgba, yuv, w, h);
        var t2 = sw.Elapsed.TotalMilliseconds;
        convertMs += t2 - t1;
        if (!toNull) stdout.Write(toYuv ? yuv : rgba);
        writeMs += sw.Elapsed.TotalMilliseconds - t2;
    }
    handle.Free();
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"skia: decode {decodeMs:0} ms ({decodeSize.Width}x{decodeSize.Height} of {stored.Width}x{stored.Height}), compose {composeMs:0} ms ({cw}x{ch}), " +
        $"draw {drawMs / n:0.00} ms/frame, convert {convertMs / n:0.00} ms/frame, write {writeMs / n:0.00} ms/frame, total {sw.Elapsed.TotalSeconds:0.00} s, {n} frames"));
    return 0;
}

int Smooth()
{
    int w = IntOpt("width"), h = IntOpt("height");
    int dx = IntOpt("dir-x"), dy = IntOpt("dir-y");
    using var stdin = Console.OpenStandardInput();
    var buf = new byte[w * h];
    var xs = new List<double>();
    var ys = new List<double>();
    while (true)
    {
        var read = 0;
        while (read < buf.Length) { var r = stdin.Read(buf, read, buf.Length - read); if (r == 0) break; read += r; }
        if (read < buf.Length) break;
        double sum = 0, sx = 0, sy = 0;
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                var v = buf[(y * w) + x] - 0x40 - 12;   // the test's threshold over the 0x40 background
                if (v <= 0) continue;
                sum += v; sx += v * x; sy += v * y;
            }
        xs.Add(sx / sum); ys.Add(sy / sum);
    }
    var ok = true;
    var parts = new List<string>();
    foreach (var (axis, sign, pos) in new[] { ("x", dx, xs), ("y", dy, ys) })
    {
        if (sign == 0)
        {
            var drift = pos.Max() - pos.Min();
            ok &= drift < 0.3;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{axis} drift {drift:0.00} px"));
            continue;
        }
        var steps = pos.Zip(pos.Skip(1), (a, b) => (b - a) * sign).OrderBy(s => s).ToList();
        var median = steps[steps.Count / 2];
        var smooth = median > 0 && steps[0] > 0 && steps[^1] <= 2 * median && steps[0] >= median / 2;
        ok &= smooth;
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{axis} steps median {median:0.000} min {steps[0]:0.000} max {steps[^1]:0.000}"));
    }
    Console.WriteLine($"{(ok ? "smooth" : "JITTER")} ({xs.Count} frames; {string.Join("; ", parts)})");
    return 0;
}

int Resample()
{
    int cw = IntOpt("in-width"), ch = IntOpt("in-height"), w = IntOpt("width"), h = IntOpt("height"), n = IntOpt("frames");
    var threads = int.Parse(Opt("threads", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
    var path = CameraPath.For(KenBurnsMotionNames.Parse(Opt("motion", "zoom-in")));
    var toNull = Opt("out", "-") == "null";
    var src = File.ReadAllBytes(Opt("in", ""));
    if (src.Length != cw * ch * 3 / 2) throw new InvalidOperationException($"expected {cw * ch * 3 / 2} bytes, got {src.Length}");
    var planes = new[] { (Off: 0, W: cw, H: ch), (Off: cw * ch, W: cw / 2, H: ch / 2), (Off: (cw * ch) + (cw * ch / 4), W: cw / 2, H: ch / 2) };
    var outPlanes = new[] { (Off: 0, W: w, H: h), (Off: w * h, W: w / 2, H: h / 2), (Off: (w * h) + (w * h / 4), W: w / 2, H: h / 2) };
    var dst = new byte[w * h * 3 / 2];
    var sw = Stopwatch.StartNew();
    double drawMs = 0, writeMs = 0;
    using var stdout = Console.OpenStandardOutput();
    var opt = new ParallelOptions { MaxDegreeOfParallelism = threads };
    for (var i = 0; i < n; i++)
    {
        var t0 = sw.Elapsed.TotalMilliseconds;
        var view = path.At(n > 1 ? (double)i / (n - 1) : 0);
        for (var p = 0; p < 3; p++)
        {
            var (so, sW, sH) = planes[p];
            var (dOff, dW, dH) = outPlanes[p];
            // The view in this plane's pixels: width sW/zoom, centred at CenterX * sW; pixel centres at +0.5.
            double scaleX = sW / view.Zoom / dW, scaleY = sH / view.Zoom / dH;
            double left = (view.CenterX * sW) - (sW / view.Zoom / 2), top = (view.CenterY * sH) - (sH / view.Zoom / 2);
            var col = new int[dW];
            var fx = new int[dW];
            for (var x = 0; x < dW; x++)
            {
                var u = Math.Clamp(left + ((x + 0.5) * scaleX) - 0.5, 0, sW - 1.001);
                var fixedU = (int)Math.Round(u * 256);
                col[x] = fixedU >> 8; fx[x] = fixedU & 255;
            }
            Parallel.For(0, threads, opt, part => ResampleRows(src, dst, so, sW, sH, dOff, dW, col, fx, top, scaleY, dH * part / threads, dH * (part + 1) / threads));
        }
        var t1 = sw.Elapsed.TotalMilliseconds;
        drawMs += t1 - t0;
        if (!toNull) stdout.Write(dst);
        writeMs += sw.Elapsed.TotalMilliseconds - t1;
    }
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"resample: {cw}x{ch} -> {w}x{h}, {threads} threads, draw {drawMs / n:0.00} ms/frame (wall), write {writeMs / n:0.00} ms/frame, total {sw.Elapsed.TotalSeconds:0.00} s, {n} frames"));
    return 0;
}

// One plane's output rows [from, to): a vertical blend of two source rows over the columns the view
// touches (8 fractional bits), then a horizontal gather (8 more), rounded. Pointers: no bounds checks.
static unsafe void ResampleRows(byte[] src, byte[] dst, int so, int sW, int sH, int dOff, int dW, int[] col, int[] fx, double top, double scaleY, int from, int to)
{
    var row = new int[sW + 1];
    fixed (byte* s = src, d = dst)
    fixed (int* r = row, cx = col, wx = fx)
    {
        int c0 = cx[0], c1 = Math.Min(sW - 1, cx[dW - 1] + 1);
        for (var y = from; y < to; y++)
        {
            var v = Math.Clamp(top + ((y + 0.5) * scaleY) - 0.5, 0, sH - 1.001);
            var fixedV = (int)Math.Round(v * 256);
            int fy = fixedV & 255;
            byte* a = s + so + ((fixedV >> 8) * sW), b = a + sW;
            for (var c = c0; c <= c1; c++) r[c] = (a[c] << 8) + ((b[c] - a[c]) * fy);
            byte* o = d + dOff + (y * dW);
            for (var x = 0; x < dW; x++)
            {
                var k = cx[x];
                int p = r[k], q = r[k + 1];
                o[x] = (byte)(((p << 8) + ((q - p) * wx[x]) + 32768) >> 16);
            }
        }
    }
}

static int Even(double v) => Math.Max(2, (int)Math.Round(v / 2, MidpointRounding.AwayFromZero) * 2);

// The matrix that turns a picture stored with EXIF orientation `o` upright, about its centre (the caller centres it).
static SKMatrix Orientation(SKEncodedOrigin o) => o switch
{
    SKEncodedOrigin.TopRight => SKMatrix.CreateScale(-1, 1),
    SKEncodedOrigin.BottomRight => SKMatrix.CreateRotationDegrees(180),
    SKEncodedOrigin.BottomLeft => SKMatrix.CreateScale(1, -1),
    SKEncodedOrigin.LeftTop => SKMatrix.CreateScale(-1, 1).PostConcat(SKMatrix.CreateRotationDegrees(-90)),
    SKEncodedOrigin.RightTop => SKMatrix.CreateRotationDegrees(90),
    SKEncodedOrigin.RightBottom => SKMatrix.CreateScale(-1, 1).PostConcat(SKMatrix.CreateRotationDegrees(90)),
    SKEncodedOrigin.LeftBottom => SKMatrix.CreateRotationDegrees(-90),
    _ => SKMatrix.Identity,
};

// RGBA (opaque) to yuv420p, BT.709 limited range (as StillCanvas converts), chroma as the mean of each 2x2 block.
// Fixed point with 16 fractional bits; row pairs split over the cores.
static void Yuv420(byte[] rgba, byte[] yuv, int w, int h)
{
    var ySize = w * h;
    var cSize = ySize / 4;
    Parallel.For(0, Environment.ProcessorCount, part =>
    {
        int pairs = h / 2, from = pairs * part / Environment.ProcessorCount, to = pairs * (part + 1) / Environment.ProcessorCount;
        for (var py = from; py < to; py++)
        {
            for (var px = 0; px < w / 2; px++)
            {
                int rs = 0, gs = 0, bs = 0;
                for (var k = 0; k < 4; k++)
                {
                    int x = (px * 2) + (k & 1), y = (py * 2) + (k >> 1);
                    var o = ((y * w) + x) * 4;
                    int r = rgba[o], g = rgba[o + 1], b = rgba[o + 2];
                    yuv[(y * w) + x] = (byte)(((11966 * r) + (40254 * g) + (4064 * b) + (16 << 16) + 32768) >> 16);
                    rs += r; gs += g; bs += b;
                }
                var c = (py * (w / 2)) + px;
                yuv[ySize + c] = (byte)(((-6596 * rs) + (-22189 * gs) + (28785 * bs) + (128 << 18) + (1 << 17)) >> 18);
                yuv[ySize + cSize + c] = (byte)(((28785 * rs) + (-26145 * gs) + (-2640 * bs) + (128 << 18) + (1 << 17)) >> 18);
            }
        }
    });
}
