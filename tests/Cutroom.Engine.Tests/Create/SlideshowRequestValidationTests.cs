using Cutroom.Contract.Errors;
using Cutroom.Contract.Time;
using Cutroom.Engine.Create;

namespace Cutroom.Engine.Tests.Create;

/// <summary>The slideshow request's own checks: fast, no ffmpeg, no file read.</summary>
public sealed class SlideshowRequestValidationTests
{
    private static readonly SlideshowRequest Good = new() { Items = ["/media/a.jpg", "/media/b.jpg"] };

    public static TheoryData<string, SlideshowRequest, string, string> BadRequests => new()
    {
        { "no items", Good with { Items = [] }, JobErrorCodes.Required, JobFields.Input },
        { "201 items", Good with { Items = [.. Enumerable.Repeat("/media/a.jpg", SlideshowRequest.MaxItems + 1)] }, JobErrorCodes.OverLimit, JobFields.Input },
        { "0.5 s", Good with { Duration = MediaTime.FromMilliseconds(500) }, JobErrorCodes.OutOfRange, JobFields.Duration },
        { "over an hour", Good with { Duration = MediaTime.FromMilliseconds(SlideshowRequest.MaxDurationMs + 1) }, JobErrorCodes.OverLimit, JobFields.Duration },
        { "4:3", Good with { Aspect = "4:3" }, JobErrorCodes.UnknownValue, "aspect" },
        { "29.97 fps", Good with { FrameRate = new Rational(30000, 1001) }, JobErrorCodes.OutOfRange, "fps" },
        { "0 fps", Good with { FrameRate = new Rational(0, 1) }, JobErrorCodes.OutOfRange, "fps" },
        { "61 fps", Good with { FrameRate = new Rational(61, 1) }, JobErrorCodes.OutOfRange, "fps" },
        { "a spin", Good with { Transition = "spin" }, JobErrorCodes.UnknownValue, "transition" },
        { "a wobble", Good with { Motion = "wobble" }, JobErrorCodes.UnknownValue, "motion" },
        { "a stretch", Good with { Fit = "stretch" }, JobErrorCodes.UnknownValue, "fit" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void A_bad_request_names_its_code_and_field_without_any_interface_wording(string why, SlideshowRequest request, string code, string field)
    {
        var errors = request.Validate();
        Assert.True(errors.Count > 0, why);
        Assert.Equal((code, field), (errors[0].Code, errors[0].Field));
        Assert.All(errors, e => Assert.DoesNotContain("--", e.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("crossfade")]
    [InlineData(null)]
    public void Cuts_and_known_transitions_are_accepted(string? transition) =>
        Assert.Empty((Good with { Transition = transition, Aspect = "4:5", Motion = "pan-up" }).Validate());

    [Fact]
    public async Task The_builder_refuses_a_bad_request_before_probing_anything()
    {
        var e = await Assert.ThrowsAsync<JobInputException>(() =>
            new SlideshowBuilder(Engine.Context).RunAsync(Good with { Items = ["/nowhere/x.jpg"], Fit = "stretch" }, null, default));
        Assert.Equal((JobErrorCodes.UnknownValue, "fit"), (e.Code, e.Error.Field));
    }
}
