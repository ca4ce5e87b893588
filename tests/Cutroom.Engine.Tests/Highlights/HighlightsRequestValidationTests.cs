using Cutroom.Contract.Errors;
using Cutroom.Contract.Time;
using Cutroom.Engine.Analysis;
using Cutroom.Engine.Highlights;

namespace Cutroom.Engine.Tests.Highlights;

[Trait("Tier", "Fast")]
public class HighlightsRequestValidationTests
{
    private static readonly HighlightsRequest Good = new("in.mp4", "hl");

    private static MediaTime S(double seconds) => MediaTime.FromSeconds(seconds);

    public static TheoryData<string, HighlightsRequest, string, string> BadRequests => new()
    {
        { "no input", Good with { InputPath = "" }, JobErrorCodes.Required, JobFields.Input },
        { "no folder", Good with { OutputDirectory = "" }, JobErrorCodes.Required, JobFields.Output },
        { "no clip", Good with { Count = 0 }, JobErrorCodes.OutOfRange, HighlightsRequest.CountField },
        { "51 clips", Good with { Count = HighlightsRequest.MaxCount + 1 }, JobErrorCodes.OverLimit, HighlightsRequest.CountField },
        { "clips under a second", Good with { Min = S(0.999) }, JobErrorCodes.OutOfRange, HighlightsRequest.MinField },
        { "clips over ten minutes", Good with { Max = S(600.001) }, JobErrorCodes.OutOfRange, HighlightsRequest.MaxField },
        { "a longest clip shorter than the shortest", Good with { Min = S(20), Max = S(15) }, JobErrorCodes.OutOfRange, HighlightsRequest.MaxField },
        { "an unknown mode", Good with { Mode = (ClipMode)5 }, JobErrorCodes.UnknownValue, HighlightsRequest.ModeField },
        { "an unknown analysis", Good with { Analysis = (AnalysisMode)5 }, JobErrorCodes.UnknownValue, HighlightsRequest.AnalysisField },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void A_bad_request_names_its_code_and_field(string what, HighlightsRequest request, string code, string field)
    {
        var error = Assert.Single(request.Validate());
        Assert.True((code, field) == (error.Code, error.Field), $"{what}: got {error.Code} at {error.Field}");
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_and_the_limits_are_valid()
    {
        Assert.Empty(Good.Validate());
        Assert.Equal((S(10), S(45), 5), (Good.Min, Good.Max, Good.Count));
        Assert.Empty((Good with { Count = HighlightsRequest.MaxCount, Min = S(1), Max = S(600) }).Validate());
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = (Good with { Count = 0, Min = S(0.5) }).Validate();
        Assert.Equal([HighlightsRequest.CountField, HighlightsRequest.MinField], errors.Select(e => e.Field));
        Assert.Equal("min: must be at least 1 s", errors[1].ToString());
    }

    [Theory]
    [InlineData(null, null, 10, 45)]
    [InlineData(5.0, null, 5, 45)]
    [InlineData(null, 5.0, 5, 5)]
    [InlineData(60.0, null, 60, 60)]
    [InlineData(null, 90.0, 10, 90)]
    [InlineData(3.0, 4.0, 3, 4)]
    public void One_bound_alone_moves_the_other_default_out_of_its_way(double? min, double? max, double expectedMin, double expectedMax)
    {
        var (shortest, longest) = HighlightsRequest.ClipLengths(min is { } a ? S(a) : null, max is { } b ? S(b) : null);
        Assert.Equal((S(expectedMin), S(expectedMax)), (shortest, longest));
    }
}
