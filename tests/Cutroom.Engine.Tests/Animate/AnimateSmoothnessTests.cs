using Cutroom.Contract.Time;
using Cutroom.Contract.Output;
using Cutroom.Engine.Animate;
using Xunit.Abstractions;

namespace Cutroom.Engine.Tests.Animate;

public sealed class AnimateSmoothnessTests(ITestOutputHelper log)
{
    private const int W = 640, H = 360;

    // The marker sits right of and below the centre, inside the view at every moment of every motion.
    private static readonly string Marker = AnimateKit.MarkerImage(1088, 600);

    [Theory]
    [InlineData("zoom-in", +1, +1)]     // away from the centre
    [InlineData("zoom-out", -1, -1)]    // towards the centre
    [InlineData("pan-left", +1, 0)]     // the view goes left, the picture slides right
    [InlineData("pan-right", -1, 0)]
    [InlineData("pan-up", 0, +1)]
    [InlineData("pan-down", 0, -1)]
    public void A_tracked_marker_moves_forward_by_even_steps_every_frame(string motion, int dirX, int dirY)
    {
        using var dir = new TempDir();
        var output = dir.File("clip.mp4");
        AnimateKit.Render(new AnimateRequest
        {
            ImagePath = Marker, OutputPath = output, Duration = MediaTime.FromMicroseconds(2_000_000), Motion = KenBurnsMotionNames.Parse(motion),
            Canvas = new CanvasSize(W, H), Quality = OutputQuality.High, SilentAudio = false,
        });

        var centroids = AnimateKit.GrayFrames(output, W, H).Select(f => AnimateKit.Centroid(f, W, H)).ToList();
        Assert.Equal(60, centroids.Count);
        AnimateKit.AssertMovesSmoothly(centroids, motion, dirX, dirY, log.WriteLine);
    }

    [Fact]
    public void Plain_zoompan_on_the_same_picture_fails_the_same_smoothness_check()
    {
        // The check above must be able to fail: zoompan rounds its window to whole pixels, which shakes.
        using var dir = new TempDir();
        var raw = dir.File("zoompan.nut");
        TestMedia.Ffmpeg("-loop", "1", "-i", Marker, "-vf",
            $"zoompan=z='1+0.2*on/59':x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2':d=1:s={W}x{H}:fps=30",
            "-frames:v", "60", "-c:v", "ffv1", raw);
        var xs = AnimateKit.GrayFrames(raw, W, H).Select(f => AnimateKit.Centroid(f, W, H).X).ToList();
        var (smooth, detail) = AnimateKit.CheckSmooth(xs);
        log.WriteLine("zoompan x: " + detail);
        Assert.False(smooth, "zoompan unexpectedly passed: " + detail);
    }
}
