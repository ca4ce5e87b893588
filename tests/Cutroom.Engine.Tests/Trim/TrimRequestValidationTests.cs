using Cutroom.Contract.Errors;
using Cutroom.Contract.Time;
using Cutroom.Engine.Trim;

namespace Cutroom.Engine.Tests.Trim;

[Trait("Tier", "Fast")]
public class TrimRequestValidationTests
{
    private static readonly TrimRequest Good = new("in.mp4", MediaTime.FromMilliseconds(1000), MediaTime.FromMilliseconds(2000), "out.mp4");

    public static TheoryData<string, TrimRequest, string, string> BadRequests => new()
    {
        { "no input", Good with { InputPath = "" }, JobErrorCodes.Required, JobFields.Input },
        { "no output", Good with { OutputPath = " " }, JobErrorCodes.Required, JobFields.Output },
        { "a negative start", Good with { Start = MediaTime.FromMilliseconds(-1) }, JobErrorCodes.OutOfRange, JobFields.Start },
        { "a negative end", Good with { End = MediaTime.FromMilliseconds(-5) }, JobErrorCodes.OutOfRange, JobFields.End },
        { "an end before the start", Good with { End = MediaTime.FromMilliseconds(500) }, JobErrorCodes.OutOfRange, JobFields.End },
        { "an end at the start", Good with { End = MediaTime.FromMicroseconds(1_000_000) }, JobErrorCodes.OutOfRange, JobFields.End },
        { "an unknown mode", Good with { Mode = (TrimMode)7 }, JobErrorCodes.UnknownValue, TrimRequest.ModeField },
        { "an unknown quality", Good with { Quality = (Contract.Output.OutputQuality)9 }, JobErrorCodes.UnknownValue, JobFields.Quality },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void A_bad_request_names_its_code_and_field(string what, TrimRequest request, string code, string field)
    {
        var error = Assert.Single(request.Validate());
        Assert.True((code, field) == (error.Code, error.Field), $"{what}: got {error.Code} at {error.Field}");
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_good_request_has_no_problem_and_its_range_is_end_exclusive()
    {
        Assert.Empty(Good.Validate());
        Assert.Equal(MediaTime.FromMilliseconds(1000), Good.Range.Duration);
    }

    [Fact]
    public void An_end_before_the_start_says_both_times()
    {
        var error = Assert.Single((Good with { End = MediaTime.FromMilliseconds(500) }).Validate());
        Assert.Equal("end: must be after the start (1 s), not 0.5 s", error.ToString());
    }
}
