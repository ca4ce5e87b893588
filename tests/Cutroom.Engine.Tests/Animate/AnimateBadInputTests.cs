using Cutroom.Contract.Time;
using Cutroom.Contract.Output;
using Cutroom.Engine.Animate;
using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;

namespace Cutroom.Engine.Tests.Animate;

public sealed class AnimateBadInputTests
{
    private static readonly string Photo = TestMedia.Real("image/chelsea.png");

    [Fact]
    public void A_text_file_is_refused_and_nothing_is_written()
    {
        using var dir = new TempDir();
        var text = dir.File("notes.jpg");
        File.WriteAllText(text, "this is not a picture\n");
        var e = Assert.ThrowsAny<CutroomException>(() => Run(text, dir.File("out.mp4")));
        Assert.Contains("notes.jpg", e.Message);
        Assert.Equal([text], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void A_video_is_refused_as_not_a_still_picture()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<JobInputException>(() => Run(TestMedia.Real("video/cockatoo.mp4"), dir.File("out.mp4")));
        Assert.Equal((JobErrorCodes.UnsupportedMedia, JobFields.Input), (e.Code, e.Error.Field));
        Assert.Contains("is a video, not a still picture", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void A_missing_file_is_named_in_the_error()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<MediaProbeException>(() => Run(dir.File("nope.jpg"), dir.File("out.mp4")));
        Assert.Contains("not found", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData(0, JobErrorCodes.OutOfRange)]
    [InlineData(-1_000_000, JobErrorCodes.OutOfRange)]
    [InlineData(600_000_001, JobErrorCodes.OverLimit)]
    public void A_duration_of_zero_or_over_600_seconds_is_refused_before_anything_is_read(long durationUs, string code)
    {
        using var dir = new TempDir();
        var e = Assert.Throws<JobInputException>(() => Run(Photo, dir.File("out.mp4"), durationUs: durationUs));
        Assert.Equal((code, JobFields.Duration), (e.Code, e.Error.Field));
        Assert.DoesNotContain("--", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData(2560, 1440, JobErrorCodes.OutOfRange, "width")]
    [InlineData(1080, 2400, JobErrorCodes.OutOfRange, "height")]
    [InlineData(321, 180, JobErrorCodes.NotEven, "width")]
    [InlineData(8, 8, JobErrorCodes.OutOfRange, "width")]
    public void A_canvas_out_of_range_is_refused_on_its_side(int width, int height, string code, string field)
    {
        using var dir = new TempDir();
        var e = Assert.Throws<JobInputException>(() => Run(Photo, dir.File("out.mp4"), new CanvasSize(width, height)));
        Assert.Equal((code, field), (e.Code, e.Error.Field));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void An_output_that_is_not_mp4_is_refused_on_the_output()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<JobInputException>(() => Run(Photo, dir.File("out.webm")));
        Assert.Equal((JobErrorCodes.UnknownValue, JobFields.Output), (e.Code, e.Error.Field));
    }

    [Theory]
    [InlineData("zoom")]
    [InlineData("pan-diagonal")]
    public void An_unknown_motion_names_the_ones_there_are(string motion)
    {
        var e = Assert.Throws<JobInputException>(() => KenBurnsMotionNames.Parse(motion));
        Assert.Equal((JobErrorCodes.UnknownValue, "motion"), (e.Code, e.Error.Field));
        Assert.Contains("zoom-in, zoom-out, pan-left, pan-right, pan-up, pan-down", e.Message);
    }

    [Fact]
    public async Task A_cancelled_render_leaves_no_file_behind()
    {
        using var dir = new TempDir();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new AnimateJob(AnimateKit.Context).RunAsync(new AnimateRequest
        {
            ImagePath = Photo, OutputPath = dir.File("out.mp4"), Duration = MediaTime.FromMicroseconds(120_000_000), Quality = OutputQuality.High,
        }, null, cts.Token));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    private static void Run(string image, string output, CanvasSize? canvas = null, long durationUs = 1_000_000) =>
        AnimateKit.Render(new AnimateRequest
        {
            ImagePath = image, OutputPath = output, Duration = MediaTime.FromMicroseconds(durationUs), Canvas = canvas ?? new CanvasSize(320, 180),
        });
}
