using Cutroom.Contract.Errors;
using Cutroom.Engine.Analysis;
using Cutroom.Engine.Shots;
using Cutroom.Engine.Summary;

namespace Cutroom.Engine.Tests.Shots;

[Trait("Tier", "Fast")]
public class AnalysisRequestValidationTests
{
    [Fact]
    public void A_shots_request_needs_a_video_and_a_known_mode()
    {
        Assert.Empty(new ShotsRequest("in.mp4").Validate());
        Assert.Equal((JobErrorCodes.Required, JobFields.Input), Single(new ShotsRequest("")));
        Assert.Equal((JobErrorCodes.UnknownValue, ShotsRequest.ModeField), Single(new ShotsRequest("in.mp4") { Mode = (AnalysisMode)9 }));
    }

    [Fact]
    public void A_summary_request_needs_a_file_a_folder_and_a_known_analysis()
    {
        Assert.Empty(new SummaryRequest("in.mp4", "out").Validate());
        Assert.Equal((JobErrorCodes.Required, JobFields.Input), Single(new SummaryRequest(" ", "out")));
        Assert.Equal((JobErrorCodes.Required, JobFields.Output), Single(new SummaryRequest("in.mp4", "")));
        Assert.Equal((JobErrorCodes.UnknownValue, SummaryRequest.AnalysisField), Single(new SummaryRequest("in.mp4", "out") { Analysis = (AnalysisMode)9 }));
    }

    private static (string, string) Single(Contract.Jobs.IJobRequest request)
    {
        var e = Assert.Single(request.Validate());
        Assert.DoesNotContain("--", e.Message, StringComparison.Ordinal);
        return (e.Code, e.Field);
    }
}
