using System.Diagnostics;
using System.Globalization;
using Cutroom.Contract.Jobs;
using Cutroom.Engine.Animate;
using Cutroom.Engine.Common;

namespace Cutroom.Engine.Tests.Animate;

/// <summary>Renders clips and reads them back for the animate tests.</summary>
internal static class AnimateKit
{
    public static EngineContext Context { get; } = EngineContext.CreateDefault();

    public static AnimateResult Render(AnimateRequest request, IProgress<JobProgress>? progress = null) =>
        new AnimateJob(Context).RunAsync(request, progress, default).GetAwaiter().GetResult();

    /// <summary>Collects the fractions of progress reports on the reporting thread.</summary>
    public sealed class ProgressLog : IProgress<JobProgress>
    {
        private readonly List<double> _values = [];
        public IReadOnlyList<double> Values { get { lock (_values) return _values.ToList(); } }
        public void Report(JobProgress value) { lock (_values) _values.Add(value.Fraction); }
    }

    /// <summary>A 1280x720 dark grey picture with a 16x16 white square whose centre is at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static string MarkerImage(int x, int y) =>
        TestMedia.Generate($"marker-{x}-{y}.png", "-f", "lavfi", "-i",
            $"color=c=0x404040:s=1280x720:d=1,drawbox=x={x - 8}:y={y - 8}:w=16:h=16:c=white:t=fill", "-frames:v", "1");

    /// <summary>Decodes every frame of <paramref name="path"/> as 8-bit grey, <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static List<byte[]> GrayFrames(string path, int width, int height)
    {
        var psi = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-hide_banner", "-nostdin", "-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "gray", "-" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        using var ms = new MemoryStream();
        p.StandardOutput.BaseStream.CopyTo(ms);
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"decoding {path} failed: {err}");
        var all = ms.ToArray();
        var size = width * height;
        Assert.Equal(0, all.Length % size);
        return Enumerable.Range(0, all.Length / size).Select(i => all.AsSpan(i * size, size).ToArray()).ToList();
    }

    /// <summary>The brightness-weighted centroid of the pixels clearly above the background (sub-pixel).</summary>
    public static (double X, double Y) Centroid(byte[] frame, int width, int height, int background = 0x40)
    {
        double sum = 0, sx = 0, sy = 0;
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var w = frame[(y * width) + x] - background - 12;
                if (w <= 0) continue;
                sum += w; sx += w * x; sy += w * y;
            }
        Assert.True(sum > 0, "the marker is not in the frame");
        return (sx / sum, sy / sum);
    }

    /// <summary>
    /// The smoothness check: every frame-to-frame step of <paramref name="positions"/> is forward
    /// (&gt; 0) and none is more than twice or less than half the median step.
    /// </summary>
    public static (bool Smooth, string Detail) CheckSmooth(IReadOnlyList<double> positions)
    {
        var steps = positions.Zip(positions.Skip(1), (a, b) => b - a).ToList();
        var sorted = steps.OrderBy(s => s).ToList();
        var median = sorted[sorted.Count / 2];
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"median step {median:0.000} px, min {sorted[0]:0.000}, max {sorted[^1]:0.000}; steps: {string.Join(' ', steps.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))}");
        var smooth = median > 0 && sorted[0] > 0 && sorted[^1] <= 2 * median && sorted[0] >= median / 2;
        return (smooth, detail);
    }

    /// <summary>
    /// Asserts that the marker's <paramref name="centroids"/> move along each axis in the direction given
    /// (+1, -1) by even steps (<see cref="CheckSmooth"/>), and do not drift (under 0.3 px) along an axis given 0.
    /// </summary>
    public static void AssertMovesSmoothly(IReadOnlyList<(double X, double Y)> centroids, string motion, int dirX, int dirY, Action<string> log)
    {
        foreach (var (axis, sign) in new[] { ("x", dirX), ("y", dirY) })
        {
            var positions = centroids.Select(c => (axis == "x" ? c.X : c.Y) * (sign == 0 ? 1 : sign)).ToList();
            if (sign == 0)
            {
                // A pan does not drift across its direction of travel.
                Assert.True(positions.Max() - positions.Min() < 0.3, $"{motion}: {axis} drifts from {positions.Min():0.00} to {positions.Max():0.00}");
                continue;
            }
            var (smooth, detail) = CheckSmooth(positions);
            log($"{motion} {axis}: {detail}");
            Assert.True(smooth, $"{motion} along {axis}: {detail}");
        }
    }

    /// <summary>Counts the decoded video frames and reads stream facts with ffprobe.</summary>
    public static Dictionary<string, string> ProbeVideo(string path) => ProbeStream(path, "v:0",
        "codec_name,profile,width,height,pix_fmt,r_frame_rate,nb_read_frames,sample_aspect_ratio,color_space", countFrames: true);

    /// <summary>ffprobe facts of one stream (<paramref name="select"/> like <c>a:0</c>), key to value; empty when there is no such stream.</summary>
    public static Dictionary<string, string> ProbeStream(string path, string select, string entries, bool countFrames = false)
    {
        var args = new List<string> { "-v", "error", "-select_streams", select };
        if (countFrames) args.Add("-count_frames");
        args.AddRange(["-show_entries", "stream=" + entries, "-of", "default=nw=1", path]);
        var (code, stdout, stderr) = TestMedia.Run("ffprobe", args);
        Assert.True(code == 0, stderr);
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1].Trim());
    }
}
