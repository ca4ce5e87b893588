using Cutroom.Engine.Animate;
using Cutroom.Engine.Render.Motion;

namespace Cutroom.Engine.Tests.Render.Motion;

/// <summary>The in-process Ken Burns resampler on pictures whose every pixel value is known.</summary>
[Trait("Tier", "Fast")]
public class KenBurnsResamplerTests
{
    private const int W = 64, H = 32;

    [Fact]
    public void The_whole_picture_at_zoom_1_is_the_picture_itself()
    {
        var picture = Ramps(W, H);
        var frame = new byte[KenBurnsResampler.FrameBytes(W, H)];
        new KenBurnsResampler(picture, W, H, W, H).Draw(new CameraWindow(1, 0.5, 0.5), frame);
        Assert.Equal(picture, frame);
    }

    [Fact]
    public void A_view_at_zoom_2_magnifies_its_quarter_with_sub_pixel_positions()
    {
        // Luma is a horizontal ramp of 4 per pixel: the view of the top-left quarter (centre 0.25, 0.25) shows
        // picture column u = (x + 0.5) / 2 - 0.5 at output column x, so the value 4u (clamped at the left edge).
        var picture = Ramps(W, H);
        var frame = new byte[KenBurnsResampler.FrameBytes(W, H)];
        new KenBurnsResampler(picture, W, H, W, H).Draw(new CameraWindow(2, 0.25, 0.25), frame);
        for (var x = 1; x < W; x++)
        {
            var expected = 4 * (((x + 0.5) / 2) - 0.5);
            Assert.InRange(frame[(5 * W) + x], expected - 1, expected + 1);
        }
        Assert.Equal(0, frame[5 * W]);       // u = -0.25 is clamped to the picture's first column
        Assert.Equal(1, frame[(5 * W) + 1]); // u = 0.25: a quarter of the way from 0 to 4
    }

    [Fact]
    public void A_pan_moves_the_view_by_its_fraction_of_the_picture()
    {
        // A view shifted right by 1/16 of the width (4 luma pixels at zoom 1.0) starts 4 pixels later on the ramp.
        var picture = Ramps(W, H);
        var frame = new byte[KenBurnsResampler.FrameBytes(W, H)];
        new KenBurnsResampler(picture, W, H, W, H).Draw(new CameraWindow(1, 0.5 + (1.0 / 16), 0.5), frame);
        Assert.Equal(16, frame[3 * W]);          // column 0 shows column 4
        Assert.Equal(4 * 40, frame[(3 * W) + 36]);
    }

    [Fact]
    public void A_picture_that_is_not_one_frame_of_its_size_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new KenBurnsResampler(new byte[100], W, H, W, H));
        Assert.Throws<ArgumentException>(() => new KenBurnsResampler(Ramps(W, H), W, H, 63, 32));
    }

    /// <summary>yuv420p: Y = 4x (a horizontal ramp), U = 2y, V = 128.</summary>
    private static byte[] Ramps(int w, int h)
    {
        var p = new byte[KenBurnsResampler.FrameBytes(w, h)];
        for (var y = 0; y < h; y++) for (var x = 0; x < w; x++) p[(y * w) + x] = (byte)(4 * x);
        for (var y = 0; y < h / 2; y++) for (var x = 0; x < w / 2; x++)
        {
            p[(w * h) + (y * w / 2) + x] = (byte)(2 * y);
            p[(w * h) + (w * h / 4) + (y * w / 2) + x] = 128;
        }
        return p;
    }
}
