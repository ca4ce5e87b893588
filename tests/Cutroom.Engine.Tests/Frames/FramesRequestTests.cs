using Cutroom.Contract.Errors;
using Cutroom.Contract.Time;
using Cutroom.Engine.Frames;

namespace Cutroom.Engine.Tests.Frames;

[Trait("Tier", "Fast")]
public class FramesRequestTests
{
    private static readonly FramesRequest Good = new() { InputPath = "in.mp4", OutputDirectory = "out", Selector = new FrameSelector.Every(10) };

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "every 0", JobErrorCodes.OutOfRange, "every" },
        { "count 0", JobErrorCodes.OutOfRange, "count" },
        { "count over the limit", JobErrorCodes.OverLimit, "count" },
        { "fps 0", JobErrorCodes.OutOfRange, "fps" },
        { "fps over the limit", JobErrorCodes.OutOfRange, "fps" },
        { "interval 0", JobErrorCodes.OutOfRange, "interval" },
        { "no times", JobErrorCodes.Required, "at" },
        { "a negative time", JobErrorCodes.OutOfRange, "at" },
        { "quality 0", JobErrorCodes.OutOfRange, JobFields.Quality },
        { "quality 101", JobErrorCodes.OutOfRange, JobFields.Quality },
        { "width 8", JobErrorCodes.OutOfRange, JobFields.Width },
        { "width over the limit", JobErrorCodes.OverLimit, JobFields.Width },
        { "a negative start", JobErrorCodes.OutOfRange, JobFields.Start },
        { "an end before the start", JobErrorCodes.OutOfRange, JobFields.End },
        { "no input", JobErrorCodes.Required, JobFields.Input },
        { "no output", JobErrorCodes.Required, JobFields.Output },
    };

    private static FramesRequest Make(string name) => name switch
    {
        "every 0" => Good with { Selector = new FrameSelector.Every(0) },
        "count 0" => Good with { Selector = new FrameSelector.Count(0) },
        "count over the limit" => Good with { Selector = new FrameSelector.Count(FramesRequest.MaxCount + 1) },
        "fps 0" => Good with { Selector = new FrameSelector.Rate(new Rational(0, 1)) },
        "fps over the limit" => Good with { Selector = new FrameSelector.Rate(new Rational(FramesRequest.MaxFps * 1000 + 1, 1000)) },
        "interval 0" => Good with { Selector = new FrameSelector.Interval(MediaTime.Zero) },
        "no times" => Good with { Selector = new FrameSelector.At([]) },
        "a negative time" => Good with { Selector = new FrameSelector.At([MediaTime.FromMilliseconds(-1)]) },
        "quality 0" => Good with { Quality = 0 },
        "quality 101" => Good with { Quality = 101 },
        "width 8" => Good with { Width = 8 },
        "width over the limit" => Good with { Width = FramesRequest.MaxWidth + 1 },
        "a negative start" => Good with { Start = MediaTime.FromMilliseconds(-5) },
        "an end before the start" => Good with { Start = MediaTime.FromSeconds(2), End = MediaTime.FromSeconds(2) },
        "no input" => Good with { InputPath = "" },
        "no output" => Good with { OutputDirectory = " " },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void A_bad_request_gives_one_coded_error_on_its_field(string name, string code, string field)
    {
        var errors = Make(name).Validate();
        var error = Assert.Single(errors);
        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_request_has_no_error_and_every_problem_of_a_bad_one_is_listed()
    {
        Assert.Empty(Good.Validate());
        Assert.Empty((Good with { Selector = new FrameSelector.Rate(new Rational(FramesRequest.MaxFps, 1)), Width = FramesRequest.MaxWidth }).Validate());
        var errors = (Good with { Quality = 0, Width = 1, Selector = new FrameSelector.Count(0) }).Validate();
        Assert.Equal(["count", "quality", "width"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Out_of_range_messages_fit_after_the_field_name()
    {
        Assert.Equal("must be between 1 and 10000", Assert.Single((Good with { Selector = new FrameSelector.Count(0) }).Validate()).Message);
        Assert.Equal("must be 1 or more", Assert.Single((Good with { Selector = new FrameSelector.Every(0) }).Validate()).Message);
        Assert.Equal("must be between 16 and 8192 pixels", Assert.Single((Good with { Width = 9000 }).Validate()).Message);
    }
}
