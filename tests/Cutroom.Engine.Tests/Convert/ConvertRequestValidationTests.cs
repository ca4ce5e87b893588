using Cutroom.Contract.Errors;
using Cutroom.Contract.Output;
using Cutroom.Engine.Convert;

namespace Cutroom.Engine.Tests.Convert;

[Trait("Tier", "Fast")]
public class ConvertRequestValidationTests
{
    private static readonly ConvertRequest Good = new("in.mov", "out.mp4");

    public static TheoryData<string, ConvertRequest, string, string> BadRequests => new()
    {
        { "no input", Good with { InputPath = "" }, JobErrorCodes.Required, JobFields.Input },
        { "no output", Good with { OutputPath = "" }, JobErrorCodes.Required, JobFields.Output },
        { "a height of 0", Good with { Height = 0 }, JobErrorCodes.OutOfRange, JobFields.Height },
        { "a height of 1", Good with { Height = 1 }, JobErrorCodes.OutOfRange, JobFields.Height },
        { "a format the extension contradicts", Good with { Format = OutputFormat.Webm }, JobErrorCodes.NotApplicable, JobFields.Format },
        { "an unknown format", Good with { Format = (OutputFormat)9 }, JobErrorCodes.UnknownValue, JobFields.Format },
        { "an unknown quality", Good with { Quality = (OutputQuality)9 }, JobErrorCodes.UnknownValue, JobFields.Quality },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void A_bad_request_names_its_code_and_field(string what, ConvertRequest request, string code, string field)
    {
        var error = Assert.Single(request.Validate());
        Assert.True((code, field) == (error.Code, error.Field), $"{what}: got {error.Code} at {error.Field}");
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("out.mp4", null, OutputFormat.Mp4)]
    [InlineData("out.M4V", null, OutputFormat.Mp4)]
    [InlineData("out.webm", null, OutputFormat.Webm)]
    [InlineData("out.mov", null, OutputFormat.Mov)]
    [InlineData("out.mkv", null, OutputFormat.Mp4)]
    [InlineData("out.bin", OutputFormat.Webm, OutputFormat.Webm)]
    public void The_format_comes_from_the_request_else_the_extension_else_mp4(string output, OutputFormat? format, OutputFormat expected)
    {
        var request = new ConvertRequest("in.mov", output) { Format = format, Height = ConvertRequest.MinHeight };
        Assert.Empty(request.Validate());
        Assert.Equal(expected, request.ResolvedFormat);
    }

    [Fact]
    public void A_contradicted_format_names_the_file_and_the_extension_to_use()
    {
        var error = Assert.Single((new ConvertRequest("in.mov", "/home/me/out.mp4") { Format = OutputFormat.Webm }).Validate());
        Assert.Equal("format: webm does not match the output name 'out.mp4'; name it *.webm", error.ToString());
    }
}
