using Cutroom.Engine.Convert;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Probe;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Tests.Convert;

[Trait("Tier", "Fast")]
public class OutputSizeTests
{
    private static VideoStreamInfo Video(int w, int h, int rotation = 0, Rational? sar = null) =>
        new() { Index = 0, Codec = "h264", Width = w, Height = h, RotationDegrees = rotation, SampleAspectRatio = sar ?? new Rational(1, 1) };

    [Theory]
    [InlineData(1920, 1080, 720, 1280, 720)]
    [InlineData(1280, 720, 1080, 1280, 720)]   // not upscaled
    [InlineData(640, 480, 360, 480, 360)]
    [InlineData(720, 480, 241, 360, 240)]      // an odd height rounds down to even
    [InlineData(1000, 562, 300, 534, 300)]     // 533.8 rounds to the nearest even width
    [InlineData(853, 480, 480, 854, 480)]      // odd width becomes even
    public void The_width_follows_the_aspect_ratio_and_sizes_are_even(int w, int h, int height, int outW, int outH)
    {
        var size = OutputSize.Compute(Video(w, h), height, upscale: false, 8192);
        Assert.Equal((outW, outH), (size.Width, size.Height));
    }

    [Fact]
    public void A_quarter_turn_swaps_width_and_height()
    {
        var size = OutputSize.Compute(Video(1920, 1080, rotation: -90), 1280, upscale: false, 8192);
        Assert.Equal((720, 1280), (size.Width, size.Height));
    }

    [Fact]
    public void Non_square_pixels_come_out_square_at_the_displayed_aspect()
    {
        // DVD PAL widescreen: 720x576 with SAR 64:45 is shown 1024x576.
        var size = OutputSize.Compute(Video(720, 576, sar: new Rational(64, 45)), null, upscale: false, 8192);
        Assert.Equal((1024, 576), (size.Width, size.Height));
    }

    [Fact]
    public void Upscaling_happens_only_when_asked()
    {
        Assert.True(OutputSize.Compute(Video(640, 360), 1080, upscale: false, 8192).UpscaleRefused);
        var up = OutputSize.Compute(Video(640, 360), 1080, upscale: true, 8192);
        Assert.Equal((1920, 1080, false), (up.Width, up.Height, up.UpscaleRefused));
    }

    [Fact]
    public void Sizes_beyond_the_limit_or_below_two_pixels_are_usage_errors()
    {
        var tiny = Assert.Throws<JobInputException>(() => OutputSize.Compute(Video(640, 360), 1, false, 8192));
        Assert.Equal((JobErrorCodes.OutOfRange, JobFields.Height, ErrorKind.BadInput), (tiny.Code, tiny.Error.Field, tiny.Kind));
        var huge = Assert.Throws<JobInputException>(() => OutputSize.Compute(Video(640, 360), 5000, true, 8192));
        Assert.Equal((JobErrorCodes.OverLimit, JobFields.Height, ErrorKind.OverLimit), (huge.Code, huge.Error.Field, huge.Kind));
    }
}
