using Cutroom.Engine.Render;
using static Cutroom.Engine.Tests.Render.RenderTestKit;

namespace Cutroom.Engine.Tests.Render;

public class RenderErrorTests
{
    private static async Task<RenderInputException> Refused(string json)
    {
        using var dir = new TempDir();
        var ex = await Assert.ThrowsAsync<RenderInputException>(() => RenderAsync(Parse(json), dir.File("x.mp4")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
        return ex;
    }

    [Fact]
    public async Task A_missing_media_id_is_named_with_its_json_path()
    {
        var ex = await Refused("""{"v":1,"w":320,"h":240,"fps":25,"t":[{"id":"v","tt":0,"sg":[{"id":"a","src":"med_nope","st":0,"d":1000}]}]}""");
        Assert.Equal("t[0].sg[0].src: unknown media 'med_nope'", ex.Message);
        Assert.Equal(Contract.Errors.JobErrorCodes.NotFound, ex.Code);
    }

    [Fact]
    public async Task A_zero_length_segment_and_an_oversized_canvas_are_refused_with_every_path()
    {
        var ex = await Refused($$$$"""{"v":1,"w":2560,"h":1440,"fps":25,"t":[{"id":"v","tt":0,"sg":[{"id":"a","src":"{{{{Solid("red")}}}}","st":0,"d":0}]}]}""");
        Assert.Contains(ex.Errors, e => e.Field == "t[0].sg[0].d");
        Assert.Contains(ex.Errors, e => e.Field == "w");
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused()
    {
        using var dir = new TempDir();
        var fake = dir.File("photo.jpg");
        File.WriteAllText(fake, "not a picture");
        var ex = await Assert.ThrowsAsync<RenderInputException>(() => RenderAsync(
            Parse($$$$"""{"v":1,"w":320,"h":240,"fps":25,"t":[{"id":"v","tt":0,"sg":[{"id":"a","src":"{{{{fake}}}}","st":0,"d":1000}]}]}"""), dir.File("x.mp4")));
        Assert.StartsWith("t[0].sg[0].src: 'photo.jpg' is not a supported media file", ex.Message);
        Assert.Single(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task Music_on_a_video_track_is_refused()
    {
        var ex = await Refused($$$$"""{"v":1,"w":320,"h":240,"fps":25,"t":[{"id":"v","tt":0,"sg":[{"id":"a","src":"{{{{TestMedia.Real("audio/toy-mono.wav")}}}}","st":0,"d":1000}]}]}""");
        Assert.Contains("has no picture", ex.Message);
        Assert.Equal((Contract.Errors.JobErrorCodes.UnsupportedMedia, "t[0].sg[0].src"), (ex.Code, ex.Error.Field));
    }
}
