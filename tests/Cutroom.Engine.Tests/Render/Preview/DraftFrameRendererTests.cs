using Cutroom.Contract.Errors;
using Cutroom.Contract.Time;
using Cutroom.Engine.Render;
using Cutroom.Engine.Render.Preview;
using static Cutroom.Engine.Tests.Render.RenderTestKit;

namespace Cutroom.Engine.Tests.Render.Preview;

/// <summary>One frame of a draft for scrubbing: the picture the export shows at that time, inside a transition too.</summary>
public class DraftFrameRendererTests
{
    /// <summary>Red for 2 s, then a 1 s fade to blue (frames 50-74 at 25 fps), blue to 4 s.</summary>
    private static RenderableDraft RedToBlue() => RenderableDraft.From(Parse($$$$"""
        {"v":1,"w":320,"h":240,"fps":25,"t":[{"id":"v","tt":0,"sg":[
          {"id":"a","src":"{{{{Solid("red")}}}}","st":0,"d":2000},
          {"id":"b","src":"{{{{Solid("blue")}}}}","st":2000,"d":2000,"m":{"tr":{"type":"fade","d":1000}}}]}]}
        """));

    [Theory]
    [InlineData(1000, 25, "red")]
    [InlineData(2000, 50, "red")]          // the transition's first frame
    [InlineData(2500, 62, "purple")]       // its middle: half red, half blue
    [InlineData(3500, 87, "blue")]
    public async Task The_frame_at_a_time_has_the_colour_the_export_shows_there(long atMs, long frame, string colour)
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "f.jpg");
        var result = await new DraftFrameRenderer(Engine.Context).RunAsync(
            new DraftFrameRequest(RedToBlue(), MediaTime.FromMilliseconds(atMs), file, s => File.Exists(s) ? s : null) { Height = null }, null, CancellationToken.None);
        Assert.Equal(frame, result.Frame);
        Assert.Equal((320, 240), (result.Width, result.Height));
        var (r, _, b) = Pixel(file, 0, 160, 120, 320);
        switch (colour)
        {
            case "red": Assert.True(r > 200 && b < 60, $"{r},{b}"); break;
            case "blue": Assert.True(b > 200 && r < 60, $"{r},{b}"); break;
            default: Assert.True(r is > 80 and < 180 && b is > 80 and < 180, $"{r},{b}"); break;
        }
    }

    [Fact]
    public async Task A_time_after_the_end_is_out_of_range_at_at()
    {
        var e = await Assert.ThrowsAsync<JobInputException>(() => new DraftFrameRenderer(Engine.Context).RunAsync(
            new DraftFrameRequest(RedToBlue(), MediaTime.FromMilliseconds(4500), "/tmp/x.jpg", s => s), null, CancellationToken.None));
        Assert.Equal((JobErrorCodes.OutOfRange, DraftFrameRequest.AtField), (e.Code, e.Error.Field));
    }
}
