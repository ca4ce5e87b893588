using Cutroom.Engine.ContactSheets;

namespace Cutroom.Engine.Tests.ContactSheets;

public class ContactSheetMakerTests
{
    [Fact]
    public async Task A_two_by_two_sheet_shows_four_evenly_spread_frames_with_their_times()
    {
        using var dir = new TempDir();
        var result = await Make(Engine.Numbered250, dir.File("sheet.png"), r => r with { Columns = 2, Rows = 2, TileWidth = 160 });

        Assert.Equal([31, 93, 156, 218], result.Frames.Select(f => f.Index));
        // 8 px margins and padding; tiles of 160x120 plus a 16 px label strip.
        Assert.Equal((8 + 160 + 8 + 160 + 8, 8 + 136 + 8 + 136 + 8), (result.Width, result.Height));
        var rgb = TestMedia.DecodeRgb(dir.File("sheet.png"));
        // The label strip under the first tile holds white text on dark grey; the tile above it is the picture.
        var strip = Region(rgb, result.Width, 8, 8 + 120, 160, 16);
        Assert.Contains(strip, v => v > 200);
        Assert.True(strip.Count(v => v < 60) > strip.Length / 2, "the strip is not mostly dark");
        // The first tile is frame 31 scaled to 160x120.
        var tile = Region(rgb, result.Width, 8, 8, 160, 120);
        var expected = TestMedia.DecodeRgb(TestMedia.Generate("numbered250-frame31-160.png", "-i", Engine.Numbered250, "-vf", "select=eq(n\\,31),scale=160:120:flags=bicubic", "-frames:v", "1"));
        Assert.True(TestMedia.MeanAbsDiff(tile, expected) < 6.0, "the first tile is not frame 31");
    }

    [Theory]
    [InlineData("video/cockatoo.mp4")]
    [InlineData("video/kphotoalbum-movie.avi")]
    public async Task Real_videos_get_a_full_sheet(string name)
    {
        using var dir = new TempDir();
        var result = await Make(TestMedia.Real(name), dir.File("s.jpg"));
        Assert.Equal(16, result.Frames.Count);
        Assert.Equal(8 + 4 * (320 + 8), result.Width);
        Assert.Single(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task A_video_with_fewer_frames_than_cells_shows_every_frame()
    {
        using var dir = new TempDir();
        var result = await Make(TestMedia.Real("video/birds.mp4"), dir.File("s.jpg"), r => r with { Columns = 6, Rows = 6, TileWidth = 96 });
        Assert.Equal(31, result.Frames.Count);
    }

    private static Task<ContactSheetResult> Make(string input, string output, Func<ContactSheetRequest, ContactSheetRequest>? layout = null)
    {
        var request = new ContactSheetRequest { InputPath = input, OutputPath = output };
        return new ContactSheetMaker(Engine.Context).RunAsync(layout is null ? request : layout(request));
    }

    private static byte[] Region(byte[] rgb, int width, int x0, int y0, int w, int h)
    {
        var o = new byte[w * h * 3];
        for (var y = 0; y < h; y++) Array.Copy(rgb, ((y0 + y) * width + x0) * 3, o, y * w * 3, w * 3);
        return o;
    }
}
