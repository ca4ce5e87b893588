using Cutroom.Contract.Errors;
using Cutroom.Contract.Time;
using Cutroom.Engine.Animate;
using Cutroom.Engine.Stills;

namespace Cutroom.Engine.Tests.Animate;

[Trait("Tier", "Fast")]
/// <summary>The animate request's own checks: fast, no ffmpeg, no file read.</summary>
public sealed class AnimateRequestValidationTests
{
    private static readonly AnimateRequest Good = new() { ImagePath = "/media/photo.jpg", OutputPath = "/out/clip.mp4" };

    public static TheoryData<string, AnimateRequest, string, string> BadRequests => new()
    {
        { "no picture", Good with { ImagePath = " " }, JobErrorCodes.Required, JobFields.Input },
        { "no output", Good with { OutputPath = "" }, JobErrorCodes.Required, JobFields.Output },
        { "zero duration", Good with { Duration = MediaTime.Zero }, JobErrorCodes.OutOfRange, JobFields.Duration },
        { "negative duration", Good with { Duration = MediaTime.FromMilliseconds(-1) }, JobErrorCodes.OutOfRange, JobFields.Duration },
        { "601 s", Good with { Duration = MediaTime.FromMilliseconds(601_000) }, JobErrorCodes.OverLimit, JobFields.Duration },
        { "0 fps", Good with { FrameRate = new Rational(0, 1) }, JobErrorCodes.OutOfRange, "fps" },
        { "61 fps", Good with { FrameRate = new Rational(61, 1) }, JobErrorCodes.OutOfRange, "fps" },
        { "2560 wide", Good with { Canvas = new CanvasSize(2560, 1440) }, JobErrorCodes.OutOfRange, JobFields.Width },
        { "2400 high", Good with { Canvas = new CanvasSize(1080, 2400) }, JobErrorCodes.OutOfRange, JobFields.Height },
        { "odd height", Good with { Canvas = new CanvasSize(320, 181) }, JobErrorCodes.NotEven, JobFields.Height },
        { "8 wide", Good with { Canvas = new CanvasSize(8, 180) }, JobErrorCodes.OutOfRange, JobFields.Width },
        { "webm output", Good with { OutputPath = "/out/clip.webm" }, JobErrorCodes.UnknownValue, JobFields.Output },
        { "output is the input", Good with { OutputPath = "/media/photo.mp4", ImagePath = "/media/photo.mp4" }, JobErrorCodes.OutputExists, JobFields.Output },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void A_bad_request_names_its_code_and_field_without_any_interface_wording(string why, AnimateRequest request, string code, string field)
    {
        var errors = request.Validate();
        Assert.True(errors.Count > 0, why);
        Assert.Equal((code, field), (errors[0].Code, errors[0].Field));
        Assert.All(errors, e => Assert.DoesNotContain("--", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_good_request_has_no_problem() => Assert.Empty(Good.Validate());

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = (Good with { Duration = MediaTime.Zero, FrameRate = new Rational(120, 1), Canvas = new CanvasSize(321, 180) }).Validate();
        Assert.Equal(["duration", "fps", "width"], errors.Select(e => e.Field));
    }

    [Fact]
    public void The_clip_is_a_whole_number_of_frames_at_the_rate()
    {
        var r = Good with { Duration = MediaTime.FromMilliseconds(2000), FrameRate = new Rational(30000, 1001) };
        Assert.Equal(60, r.FrameCount);
        Assert.Equal(MediaTime.FromFrames(60, new Rational(30000, 1001)), r.ClipDuration);
    }

    [Theory]
    [InlineData("16:9", 640, null, JobErrorCodes.NotApplicable, "aspect")]
    [InlineData(null, 640, null, JobErrorCodes.Required, "height")]
    [InlineData(null, null, 360, JobErrorCodes.Required, "width")]
    [InlineData("4:3", null, null, JobErrorCodes.UnknownValue, "aspect")]
    public void A_canvas_given_half_or_twice_is_refused_on_the_field_to_fix(string? aspect, int? width, int? height, string code, string field)
    {
        var e = Assert.Throws<JobInputException>(() => CanvasSize.Resolve(aspect, width, height));
        Assert.Equal((code, field), (e.Code, e.Error.Field));
    }

    [Fact]
    public void An_unknown_fit_is_an_unknown_value_of_fit()
    {
        var e = Assert.Throws<JobInputException>(() => StillFitNames.Parse("stretch"));
        Assert.Equal((JobErrorCodes.UnknownValue, "fit"), (e.Code, e.Error.Field));
    }
}
