using Cutroom.Engine.Shots;

namespace Cutroom.Engine.Tests.Shots;

[Trait("Tier", "Fast")]
public class FrameMeasurementTests
{
    /// <summary>One 16x8 yuv420p frame of a single colour.</summary>
    private static byte[] Flat(byte y, byte u, byte v, int w = 16, int h = 8)
    {
        var frame = new byte[w * h * 3 / 2];
        frame.AsSpan(0, w * h).Fill(y);
        frame.AsSpan(w * h, w * h / 4).Fill(u);
        frame.AsSpan(w * h * 5 / 4).Fill(v);
        return frame;
    }

    [Theory]
    // BT.709 limited-range code values of pure colours (Y, Cb, Cr) and their HSV in OpenCV units.
    [InlineData(63, 102, 240, 0, 255, 255)]      // red
    [InlineData(173, 42, 26, 60, 255, 255)]      // green (hue 120° / 2)
    [InlineData(32, 240, 118, 120, 255, 255)]    // blue
    [InlineData(126, 128, 128, 0, 0, 128)]       // mid grey
    public void Yuv_colours_become_the_hsv_opencv_gives(byte y, byte u, byte v, int hue, int saturation, int value)
    {
        var frame = new ContentFrame(16, 8, YuvToRgb.Bt709);
        frame.LoadYuv420(Flat(y, u, v));
        Assert.InRange(frame.Hue[0], hue - 2, hue + 2);
        Assert.InRange(frame.Saturation[0], saturation - 4, saturation);
        Assert.InRange(frame.Value[0], value - 3, value + 3);
    }

    [Fact]
    public void Black_share_counts_pixels_at_or_below_blackdetects_threshold()
    {
        var frame = new ContentFrame(16, 8, YuvToRgb.Bt709);
        var yuv = Flat(16, 128, 128);
        yuv.AsSpan(0, 32).Fill(YuvToRgb.BlackCodeValue + 1);   // a quarter of the 128 pixels just above it
        frame.LoadYuv420(yuv);
        Assert.Equal(0.75, frame.BlackShare, 3);
        Assert.True(frame.MeanLuma < 10);
    }

    [Fact]
    public void The_vector_sums_equal_the_plain_loops_at_every_length()
    {
        var random = new Random(7);
        foreach (var length in new[] { 0, 1, 15, 16, 17, 100, 14400 })
        {
            var a = new byte[length]; var b = new byte[length];
            random.NextBytes(a); random.NextBytes(b);
            var hueA = a.Select(x => (byte)(x % 180)).ToArray();
            var hueB = b.Select(x => (byte)(x % 180)).ToArray();
            Assert.Equal(a.Zip(b, (x, y) => (long)Math.Abs(x - y)).Sum(), PlaneMath.SumAbsDiff(a, b));
            Assert.Equal(hueA.Zip(hueB, (x, y) => { var d = Math.Abs(x - y); return (long)Math.Min(d, 180 - d); }).Sum(), PlaneMath.SumHueDiff(hueA, hueB));
        }
    }

    [Fact]
    public void A_one_frame_flash_is_measured_against_the_frames_around_it()
    {
        var options = new ShotDetectorOptions();
        var x = new FeatureExtractor(16, 8, YuvToRgb.Bt709, options, sharpnessEvery: 1);
        var grey = Flat(126, 128, 128);
        var white = Flat(235, 128, 128);
        foreach (var f in new[] { grey, grey, white, grey, grey, grey }) x.Add(f);
        var frames = x.Frames;

        Assert.True(frames[2].Content > 40);                    // into the flash: value 128 -> 255, a third of it
        Assert.Equal(0, frames[2].After(1));                     // the frame before it matches the one after it
        Assert.True(float.IsNaN(frames[1].After(1)));           // not a candidate: not measured
        Assert.True(frames[3].Content > 40);                    // out of the flash
        Assert.Equal(0, frames[3].Before(1));                    // matches the frame before the flash
        Assert.Empty(ShotDetector.Detect(frames, options));
        Assert.All(frames, f => Assert.False(float.IsNaN(f.Sharpness)));
    }
}
