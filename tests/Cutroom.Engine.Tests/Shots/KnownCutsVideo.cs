using System.Globalization;

namespace Cutroom.Engine.Tests.Shots;

/// <summary>
/// A generated video of 20 shots of 2-6 s from different lavfi sources and real clips, joined by
/// hard cuts at frames written down while generating (25 fps, H.264). Sources with fast motion
/// (mandelbrot zoom, game of life, moving gradients, a handheld real clip) make sure motion is
/// not mistaken for cuts.
/// </summary>
public static class KnownCutsVideo
{
    public const int Rate = 25;

    /// <summary>(source, seconds): a lavfi graph at any size, or "real:NAME@START" for a real clip.</summary>
    private static readonly (string Source, double Seconds)[] Shots =
    [
        ("testsrc2", 3), ("mandelbrot=end_scale=0.05", 4), ("smptebars", 2), ("real:video/cockatoo.mp4@0", 4),
        ("cellauto=rule=30", 3), ("gradients=speed=0.08:n=4", 5), ("rgbtestsrc", 2), ("life=mold=10:ratio=0.4:life_color=yellow:death_color=navy", 4),
        ("real:video/tour-screencast.mp4@2", 3), ("sierpinski=type=carpet", 3), ("yuvtestsrc", 2), ("real:video/cockatoo.mp4@7", 5),
        ("colorspectrum=type=all", 2), ("testsrc2=alpha=0", 3), ("real:video/blupi-history2.mkv@1", 4), ("gradients=speed=0.2:c0=red:c1=blue", 3),
        ("pal75bars", 2), ("mandelbrot=start_scale=1.5:end_scale=0.3:outer=normalized_iteration_count", 6), ("real:video/blupi-history2.mkv@7", 3), ("life=ratio=0.2:mold=25", 3),
    ];

    /// <summary>The first frame of every shot after the first.</summary>
    public static IReadOnlyList<int> CutFrames { get; } = ComputeCuts();

    /// <summary>Total frames.</summary>
    public static int FrameCount => (int)Shots.Sum(s => Math.Round(s.Seconds * Rate));

    private static List<int> ComputeCuts()
    {
        var cuts = new List<int>();
        var at = 0;
        foreach (var (_, seconds) in Shots.SkipLast(1)) { at += (int)Math.Round(seconds * Rate); cuts.Add(at); }
        return cuts;
    }

    /// <summary>
    /// The video at <paramref name="width"/> x <paramref name="height"/> (generated once per test process).
    /// x264's <c>ultrafast</c> preset gives no B-frames and a keyframe every 250 frames; <c>veryfast</c>
    /// gives B-frames and keyframes at most cuts (its scene-cut detection).
    /// </summary>
    public static string Get(int width = 320, int height = 240, string preset = "ultrafast") =>
        TestMedia.Generate($"known-cuts-{width}x{height}{(preset == "ultrafast" ? "" : "-" + preset)}.mp4", Arguments(width, height, preset));

    /// <summary>The ffmpeg arguments that generate the video (before the output path).</summary>
    public static string[] Arguments(int width, int height, string preset = "ultrafast")
    {
        var args = new List<string>();
        var chains = new List<string>();
        for (var i = 0; i < Shots.Length; i++)
        {
            var (source, seconds) = Shots[i];
            var frames = (int)Math.Round(seconds * Rate);
            var span = (seconds + 1).ToString(CultureInfo.InvariantCulture);
            if (source.StartsWith("real:", StringComparison.Ordinal))
            {
                var (name, start) = (source[5..].Split('@')[0], source.Split('@')[1]);
                args.AddRange(["-ss", start, "-t", span, "-i", TestMedia.Real(name)]);
            }
            else
            {
                var sep = source.Contains('=') ? ":" : "=";
                args.AddRange(["-f", "lavfi", "-t", span, "-i", $"{source}{sep}size={width}x{height}:rate={Rate}"]);
            }
            chains.Add($"[{i}:v]fps={Rate},scale={width}:{height},setsar=1,format=yuv420p,trim=end_frame={frames},setpts=PTS-STARTPTS[s{i}]");
        }
        var graph = string.Join(';', chains) + ";" + string.Concat(Enumerable.Range(0, Shots.Length).Select(i => $"[s{i}]")) + $"concat=n={Shots.Length}:v=1:a=0[out]";
        args.AddRange(["-filter_complex", graph, "-map", "[out]", "-c:v", "libx264", "-preset", preset, "-pix_fmt", "yuv420p"]);
        return [.. args];
    }
}
