using Cutroom.Engine.Animate;
using Cutroom.Engine.Render;
using Cutroom.Engine.Render.Motion;

namespace Cutroom.Engine.Tests.Render.Motion;

/// <summary>The pipe writers against a real ffmpeg that reads all, some or none of the frames.</summary>
public sealed class MotionFeedWritersTests
{
    private const int W = 64, H = 32;

    [Fact]
    public async Task Ffmpeg_reads_every_frame_of_the_move()
    {
        using var dir = new TempDir();
        var feed = Feed(dir, Picture(dir), frames: 30);
        await using (var writers = MotionFeedWriters.Start([feed], W, H, CancellationToken.None))
        {
            var (code, _, err) = TestMedia.Run("ffmpeg", [.. ReadArgs(feed.FifoPath), "-f", "framemd5", dir.File("f.md5")]);
            Assert.True(code == 0, err);
            writers.ThrowIfFailed();
        }
        Assert.Equal(30, File.ReadAllLines(dir.File("f.md5")).Count(l => !l.StartsWith('#')));
        Assert.False(File.Exists(feed.FifoPath), "the pipe is deleted");
    }

    [Fact]
    public async Task A_reader_that_stops_early_ends_the_writer_quietly()
    {
        using var dir = new TempDir();
        var feed = Feed(dir, Picture(dir), frames: 100_000);
        var writers = MotionFeedWriters.Start([feed], W, H, CancellationToken.None);
        var (code, _, err) = TestMedia.Run("ffmpeg", [.. ReadArgs(feed.FifoPath), "-frames:v", "1", "-f", "null", "-"]);
        Assert.True(code == 0, err);
        await writers.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        writers.ThrowIfFailed();
        Assert.False(File.Exists(feed.FifoPath));
    }

    [Fact]
    public async Task Writers_whose_pipe_is_never_opened_are_released_at_disposal()
    {
        using var dir = new TempDir();
        var feed = Feed(dir, Picture(dir), frames: 10);
        var writers = MotionFeedWriters.Start([feed], W, H, CancellationToken.None);
        Assert.True(File.Exists(feed.FifoPath));
        // ffmpeg failed on an earlier input and never opened this one: disposal must not wait for a reader.
        await writers.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(File.Exists(feed.FifoPath));
    }

    [Fact]
    public async Task An_unreadable_picture_ends_the_input_and_is_reported()
    {
        using var dir = new TempDir();
        var feed = Feed(dir, new PreparedStill(dir.File("missing.yuv"), W, H), frames: 10);
        var writers = MotionFeedWriters.Start([feed], W, H, CancellationToken.None);
        // ffmpeg gets an empty input at once (no hang) ...
        var (_, stdout, _) = TestMedia.Run("ffmpeg", [.. ReadArgs(feed.FifoPath), "-f", "framemd5", "-"]);
        Assert.DoesNotContain("0,", stdout.Split('\n').Where(l => !l.StartsWith('#')).FirstOrDefault() ?? "", StringComparison.Ordinal);
        await writers.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        // ... and the pass learns why.
        Assert.IsType<FileNotFoundException>(writers.Failure);
        var e = Assert.Throws<Cutroom.FFmpeg.Errors.FFmpegException>(writers.ThrowIfFailed);
        Assert.Equal(Cutroom.Contract.Errors.JobErrorCodes.OutputInvalid, e.Code);
        Assert.Contains("Ken Burns", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(dir.Path, e.Message, StringComparison.Ordinal);
    }

    private static string[] ReadArgs(string fifo) =>
        ["-hide_banner", "-nostdin", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-video_size", $"{W}x{H}", "-framerate", "25", "-i", fifo];

    private static MotionFeed Feed(TempDir dir, PreparedStill picture, long frames)
    {
        var path = CameraPath.For(KenBurnsMotion.ZoomIn);
        return new MotionFeed(dir.File(MotionFeed.NameFor(picture, path, frames, 0, frames)), picture, path, frames, 0, frames);
    }

    private static PreparedStill Picture(TempDir dir)
    {
        var bytes = new byte[KenBurnsResampler.FrameBytes(W, H)];
        new Random(7).NextBytes(bytes);
        File.WriteAllBytes(dir.File("picture.yuv"), bytes);
        return new PreparedStill(dir.File("picture.yuv"), W, H);
    }
}
