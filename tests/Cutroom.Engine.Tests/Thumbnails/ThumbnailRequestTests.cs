using Cutroom.Contract.Errors;
using Cutroom.Engine.ContactSheets;
using Cutroom.Engine.Frames;
using Cutroom.Engine.Thumbnails;

namespace Cutroom.Engine.Tests.Thumbnails;

[Trait("Tier", "Fast")]
public class ThumbnailRequestTests
{
    private static readonly ThumbnailRequest Thumbnail = new() { InputPath = "in.mp4", OutputPath = "t.jpg" };
    private static readonly ContactSheetRequest Sheet = new() { InputPath = "in.mp4", OutputPath = "s.webp" };

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "thumbnail .bmp", JobErrorCodes.UnknownValue, JobFields.Output },
        { "thumbnail without output", JobErrorCodes.Required, JobFields.Output },
        { "thumbnail quality 0", JobErrorCodes.OutOfRange, JobFields.Quality },
        { "thumbnail without input", JobErrorCodes.Required, JobFields.Input },
        { "sheet 0 columns", JobErrorCodes.OutOfRange, "columns" },
        { "sheet 11 rows", JobErrorCodes.OverLimit, "rows" },
        { "sheet tile 63", JobErrorCodes.OutOfRange, "tile_width" },
        { "sheet tile over the limit", JobErrorCodes.OverLimit, "tile_width" },
        { "sheet .gif", JobErrorCodes.UnknownValue, JobFields.Output },
        { "sheet quality 101", JobErrorCodes.OutOfRange, JobFields.Quality },
    };

    private static IReadOnlyList<JobError> Errors(string name) => name switch
    {
        "thumbnail .bmp" => (Thumbnail with { OutputPath = "t.bmp" }).Validate(),
        "thumbnail without output" => (Thumbnail with { OutputPath = "" }).Validate(),
        "thumbnail quality 0" => (Thumbnail with { Quality = 0 }).Validate(),
        "thumbnail without input" => (Thumbnail with { InputPath = "" }).Validate(),
        "sheet 0 columns" => (Sheet with { Columns = 0 }).Validate(),
        "sheet 11 rows" => (Sheet with { Rows = ContactSheetRequest.MaxRows + 1 }).Validate(),
        "sheet tile 63" => (Sheet with { TileWidth = ContactSheetRequest.MinTileWidth - 1 }).Validate(),
        "sheet tile over the limit" => (Sheet with { TileWidth = ContactSheetRequest.MaxTileWidth + 1 }).Validate(),
        "sheet .gif" => (Sheet with { OutputPath = "s.gif" }).Validate(),
        "sheet quality 101" => (Sheet with { Quality = 101 }).Validate(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void A_bad_image_request_gives_one_coded_error_on_its_field(string name, string code, string field)
    {
        var error = Assert.Single(Errors(name));
        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Good_image_requests_have_no_error_and_their_extension_decides_the_format()
    {
        Assert.Empty(Thumbnail.Validate());
        Assert.Empty(Sheet.Validate());
        Assert.Equal(ImageFormat.Jpg, (Thumbnail with { OutputPath = "a/b.JPEG" }).Format);
        Assert.Equal(ImageFormat.Png, (Thumbnail with { OutputPath = "b.png" }).Format);
        Assert.Equal(ImageFormat.Webp, Sheet.Format);
    }
}
