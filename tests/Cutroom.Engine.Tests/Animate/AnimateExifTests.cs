using Cutroom.Contract.Time;
using Cutroom.Contract.Output;
using Cutroom.Engine.Animate;
using Cutroom.Engine.Stills;

namespace Cutroom.Engine.Tests.Animate;

public sealed class AnimateExifTests
{
    private static readonly string Photo = TestMedia.Real("image/photo-grand-canyon-1.jpg");   // 800x535

    // How to store the upright picture so that EXIF orientation N displays it upright (the inverse of N's display transform).
    public static TheoryData<int, string> Orientations => new()
    {
        { 2, "hflip" }, { 3, "hflip,vflip" }, { 4, "vflip" }, { 5, "transpose=cclock_flip" },
        { 6, "transpose=cclock" }, { 7, "transpose=clock_flip" }, { 8, "transpose=clock" },
    };

    [Theory]
    [MemberData(nameof(Orientations))]
    public async Task A_photo_stored_turned_with_an_EXIF_orientation_animates_like_the_upright_photo(int orientation, string storeAs)
    {
        using var dir = new TempDir();
        var upright = dir.File("upright.jpg");
        var turned = dir.File("turned.jpg");
        TestMedia.Ffmpeg("-i", Photo, "-q:v", "2", upright);
        TestMedia.Ffmpeg("-i", Photo, "-vf", storeAs, "-q:v", "2", turned);
        var (code, _, err) = TestMedia.Run("exiftool", ["-q", $"-Orientation={orientation}", "-n", "-overwrite_original", turned]);
        Assert.True(code == 0, err);

        var still = await StillImage.LoadAsync(turned, AnimateKit.Context);
        Assert.Equal(orientation, still.Orientation);
        Assert.Equal((800, 535), (still.DisplayWidth, still.DisplayHeight));

        var a = Animate(upright, dir.File("upright.mp4"));
        var b = Animate(turned, dir.File("turned.mp4"));
        var diff = TestMedia.MeanAbsDiff(TestMedia.DecodeRgb(a, 0), TestMedia.DecodeRgb(b, 0));
        Assert.True(diff < 3, $"orientation {orientation}: first frames differ by {diff:0.00} on average");
    }

    [Fact]
    public void The_same_photo_stored_turned_without_the_tag_does_not_match()
    {
        // The comparison above can fail: without the tag the turned pixels show as they are stored.
        using var dir = new TempDir();
        var upright = dir.File("upright.jpg");
        var turned = dir.File("turned.jpg");
        TestMedia.Ffmpeg("-i", Photo, "-q:v", "2", upright);
        TestMedia.Ffmpeg("-i", Photo, "-vf", "transpose=cclock", "-q:v", "2", turned);
        var diff = TestMedia.MeanAbsDiff(TestMedia.DecodeRgb(Animate(upright, dir.File("a.mp4")), 0), TestMedia.DecodeRgb(Animate(turned, dir.File("b.mp4")), 0));
        Assert.True(diff > 15, $"differ by only {diff:0.00}");
    }

    private static string Animate(string image, string output)
    {
        AnimateKit.Render(new AnimateRequest
        {
            ImagePath = image, OutputPath = output, Duration = MediaTime.FromMicroseconds(500_000), Canvas = new CanvasSize(320, 180),
            Motion = KenBurnsMotion.ZoomIn, Quality = OutputQuality.High, SilentAudio = false,
        });
        return output;
    }
}
