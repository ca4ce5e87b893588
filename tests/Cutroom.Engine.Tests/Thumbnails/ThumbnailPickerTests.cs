using Cutroom.Engine.Thumbnails;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Engine.Tests.Thumbnails;

public class ThumbnailPickerTests
{
    /// <summary>10 s at 25 fps, 640x360: black 0-2 s, fading in 2-4 s, blurred 4-6 s, sharp 6-8 s, black 8-10 s.</summary>
    private static string BlackFadeBlurSharpBlack => TestMedia.Generate("thumbnail-trap.mp4",
        "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=10",
        "-vf", "fade=t=in:st=2:d=2,gblur=sigma=12:enable='between(t,4,6)',drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:enable='gte(t,8)'",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");

    [Fact]
    public async Task The_thumbnail_is_a_sharp_frame_not_black_blurred_or_fading_and_at_full_resolution()
    {
        using var dir = new TempDir();
        var result = await Pick(BlackFadeBlurSharpBlack, dir.File("thumb.png"));

        Assert.InRange(result.PtsMs, 6000, 7999);
        Assert.Equal((640, 360), (result.Width, result.Height));
        var image = TestMedia.DecodeRgb(dir.File("thumb.png"));
        Assert.True(TestMedia.MeanAbsDiff(image, TestMedia.DecodeRgb(BlackFadeBlurSharpBlack, result.FrameIndex)) < 1.0, "the image is not the chosen frame");
    }

    /// <summary>A one-second real clip as an XviD AVI with B-frames (26 frames: fewer than two per candidate batch).</summary>
    private static string ShortXvid => TestMedia.Generate("thumbnail-xvid-bframes.avi",
        "-i", TestMedia.Real("video/birds.mp4"), "-c:v", "mpeg4", "-vtag", "XVID", "-bf", "2", "-an");

    [Fact]
    public async Task A_short_xvid_avi_with_b_frames_gets_a_cover_at_full_resolution()
    {
        using var dir = new TempDir();
        var result = await Pick(ShortXvid, dir.File("cover.jpg"));

        Assert.True(File.Exists(dir.File("cover.jpg")));
        var probe = TestMedia.FfprobeJson(ShortXvid).GetProperty("streams")[0];
        Assert.Equal((probe.GetProperty("width").GetInt32(), probe.GetProperty("height").GetInt32()), (result.Width, result.Height));
        // A picture of the video: the AVI demuxer gives its reference frames no pts, so the reported index is not checked here.
        var cover = TestMedia.DecodeRgb(dir.File("cover.jpg"));
        var nearest = Enumerable.Range(0, 26).Min(i => TestMedia.MeanAbsDiff(cover, TestMedia.DecodeRgb(ShortXvid, i)));
        Assert.True(nearest < 3.0, $"the cover is no frame of the video (nearest {nearest:0.0})");
    }

    [Fact]
    public void A_black_frame_scores_zero_and_a_sharp_one_beats_its_blurred_copy()
    {
        var black = new byte[64 * 64];
        Array.Fill(black, (byte)16);
        Assert.Equal(0, FrameQuality.Measure(black, 64, 64).Score);

        var sharp = new byte[64 * 64];
        for (var y = 0; y < 64; y++) for (var x = 0; x < 64; x++) sharp[y * 64 + x] = (byte)(((x / 8 + y / 8) % 2 == 0) ? 40 : 200);
        var blurred = new byte[64 * 64];
        for (var y = 1; y < 63; y++) for (var x = 1; x < 63; x++)
        {
            var s = 0;
            for (var dy = -1; dy <= 1; dy++) for (var dx = -1; dx <= 1; dx++) s += sharp[(y + dy) * 64 + x + dx];
            blurred[y * 64 + x] = (byte)(s / 9);
        }
        Assert.True(FrameQuality.Measure(sharp, 64, 64).Score > FrameQuality.Measure(blurred, 64, 64).Score);
    }

    [Theory]
    [InlineData("video/cockatoo.mp4", 1280, 720)]
    [InlineData("video/blupi-history2.mkv", 320, 240)]
    public async Task Real_videos_get_a_full_size_well_exposed_thumbnail(string name, int width, int height)
    {
        using var dir = new TempDir();
        var result = await Pick(TestMedia.Real(name), dir.File("t.jpg"));
        Assert.Equal((width, height), (result.Width, result.Height));
        Assert.InRange(result.Quality.MeanLuma, 40, 220);
        Assert.True(File.Exists(dir.File("t.jpg")));
        Assert.Single(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task An_audio_file_has_no_thumbnail()
    {
        using var dir = new TempDir();
        var ex = await Assert.ThrowsAsync<MediaProbeException>(() => Pick(TestMedia.Real("audio/speech-hello16000.wav"), dir.File("t.jpg")));
        Assert.Contains("has no video stream", ex.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task An_unknown_image_extension_is_refused_as_an_unknown_value_of_the_output()
    {
        using var dir = new TempDir();
        var ex = await Assert.ThrowsAsync<JobInputException>(() => Pick(Engine.Numbered250, dir.File("t.bmp")));
        Assert.Equal(new JobError(JobErrorCodes.UnknownValue, JobFields.Output, "must end in .jpg, .png or .webp (got '.bmp')"), ex.Error);
        Assert.Equal(ErrorKind.BadInput, ex.Kind);
    }

    private static Task<ThumbnailResult> Pick(string input, string output) =>
        new ThumbnailPicker(Engine.Context).RunAsync(new ThumbnailRequest { InputPath = input, OutputPath = output });
}
