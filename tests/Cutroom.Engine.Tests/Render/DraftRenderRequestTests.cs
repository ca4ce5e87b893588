using Cutroom.Contract.Errors;
using Cutroom.Contract.Output;
using Cutroom.Engine.Render;
using static Cutroom.Engine.Tests.Render.RenderTestKit;

namespace Cutroom.Engine.Tests.Render;

/// <summary>The render request and the renderable draft are checked without media or ffmpeg.</summary>
public class DraftRenderRequestTests
{
    private static readonly RenderableDraft OneText = RenderableDraft.Parse(
        """{"v":1,"w":320,"h":240,"fps":25,"t":[{"id":"t","tt":7,"sg":[{"id":"s","st":0,"d":1000,"m":{"text":"hi"}}]}]}""");

    private static DraftRenderRequest Valid => new(OneText, "/out/x.mp4", _ => null);

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "no output file", JobErrorCodes.Required, JobFields.Output },
        { "a loudness target above -5 LUFS", JobErrorCodes.OutOfRange, DraftRenderRequest.TargetLufsField },
        { "a loudness target below -70 LUFS", JobErrorCodes.OutOfRange, DraftRenderRequest.TargetLufsField },
        { "a loudness target that is not a number", JobErrorCodes.OutOfRange, DraftRenderRequest.TargetLufsField },
        { "a background that is not a colour", JobErrorCodes.UnknownValue, DraftRenderRequest.BackgroundField },
        { "a background with filter syntax", JobErrorCodes.UnknownValue, DraftRenderRequest.BackgroundField },
    };

    private static DraftRenderRequest Make(string name) => name switch
    {
        "no output file" => Valid with { OutputFile = " " },
        "a loudness target above -5 LUFS" => Valid with { TargetLufs = 0 },
        "a loudness target below -70 LUFS" => Valid with { TargetLufs = -80 },
        "a loudness target that is not a number" => Valid with { TargetLufs = double.NaN },
        "a background that is not a colour" => Valid with { Background = "" },
        "a background with filter syntax" => Valid with { Background = "black:s=1x1" },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void A_bad_request_names_its_field_and_code(string name, string code, string field)
    {
        var errors = Make(name).Validate();
        var error = Assert.Single(errors);
        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_request_has_no_problems_and_defaults_to_high_quality_mp4_at_minus_14_lufs()
    {
        Assert.Empty(Valid.Validate());
        Assert.Empty((Valid with { TargetLufs = null, Background = "0x102030" }).Validate());
        Assert.Equal(OutputSpecs.ForRender(OutputFormat.Mp4, OutputQuality.High), Valid.Spec);
        Assert.Equal(-14, Valid.TargetLufs);
    }

    [Fact]
    public async Task The_renderer_refuses_an_invalid_request_before_reading_any_media()
    {
        var ex = await Assert.ThrowsAsync<JobInputException>(() => Renderer.RunAsync(Valid with { TargetLufs = 3 }, null, CancellationToken.None));
        Assert.Equal(DraftRenderRequest.TargetLufsField, ex.Error.Field);
        Assert.Equal(ErrorKind.BadInput, ex.Kind);
    }

    [Fact]
    public void An_empty_draft_is_nothing_selected_at_its_tracks()
    {
        var errors = RenderableDraft.TryCreate(Parse("""{"v":1,"w":320,"h":240,"fps":25,"t":[]}"""), out var draft);
        Assert.Null(draft);
        var error = Assert.Single(errors);
        Assert.Equal((JobErrorCodes.NothingSelected, "t"), (error.Code, error.Field));
    }

    [Fact]
    public void A_draft_is_checked_once_with_every_problem_at_its_json_path_and_its_duration_derived()
    {
        var ex = Assert.Throws<RenderInputException>(() => RenderableDraft.Parse(
            """{"v":1,"w":4000,"h":1080,"fps":30,"t":[{"id":"v","tt":0,"sg":[{"id":"a","src":"x","st":0,"d":-5}]}]}"""));
        Assert.Contains(ex.Errors, e => e.Field == "w");
        Assert.Contains(ex.Errors, e => e.Field == "t[0].sg[0].d");
        Assert.Equal(ErrorKind.BadInput, ex.Kind);
        var notJson = Assert.Throws<RenderInputException>(() => RenderableDraft.Parse("{"));
        Assert.Equal(JobErrorCodes.InvalidJson, notJson.Code);
        Assert.Equal(1000, OneText.Draft.DurationMs);
    }
}
