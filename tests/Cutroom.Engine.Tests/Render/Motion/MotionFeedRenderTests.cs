using Cutroom.Contract.Output;
using Cutroom.Engine.Animate;
using Cutroom.Engine.Render;
using Cutroom.Engine.Tests.Animate;
using Xunit.Abstractions;
using static Cutroom.Engine.Tests.Render.Chunks.ChunkTestKit;
using static Cutroom.Engine.Tests.Render.RenderTestKit;

namespace Cutroom.Engine.Tests.Render.Motion;

/// <summary>
/// Ken Burns photos drawn in process and fed to ffmpeg through pipes: the same pictures as ffmpeg's own
/// <c>perspective</c>, smooth motion, and no pipe, writer or hang left when ffmpeg stops early or is cancelled.
/// </summary>
public sealed class MotionFeedRenderTests(ITestOutputHelper log)
{
    private static readonly OutputSpec Lossless = new(OutputFormat.Mp4, OutputQuality.High,
        new X264Preset { Crf = 0, Speed = "ultrafast", Profile = "high444" }, AudioCodecPreset.Aac(128));

    [Fact]
    public async Task Motion_drawn_in_process_matches_ffmpeg_perspective_frame_by_frame()
    {
        using var dir = new TempDir();
        var draft = Slideshow();   // zoom-in, pan-right and zoom-out photos with fades
        var own = await new DraftRenderer(Context()).RunAsync(Request(draft, dir.File("own.mp4")) with { Spec = Lossless, AllowChunks = false }, null, CancellationToken.None);
        var c = Context();
        var ffmpegDraws = new Cutroom.Engine.Common.EngineContext(c.Runner, c.Prober, c.Limits) { Chunking = c.Chunking, DrawMotionInProcess = false };
        var byFfmpeg = await new DraftRenderer(ffmpegDraws).RunAsync(Request(draft, dir.File("ffmpeg.mp4")) with { Spec = Lossless, AllowChunks = false }, null, CancellationToken.None);

        Assert.Equal(200, own.Frames);
        Assert.Equal(byFfmpeg.Frames, own.Frames);
        var ssim = SsimPerFrame(own.File, byFfmpeg.File);
        log.WriteLine($"SSIM min {ssim.Min():0.0000}, mean {ssim.Average():0.0000}");
        Assert.Equal(200, ssim.Length);
        // The same view on every frame (a frame early or late along a pan would score about 0.93).
        Assert.All(ssim, s => Assert.True(s >= 0.99, $"SSIM {s} (min {ssim.Min():0.0000})"));
    }

    [Theory]
    [InlineData("zoom-in", +1, +1)]
    [InlineData("pan-left", +1, 0)]
    public async Task A_marker_on_a_moving_photo_moves_forward_by_even_steps_every_frame(string motion, int dirX, int dirY)
    {
        const int w = 640, h = 360;
        using var dir = new TempDir();
        var marker = AnimateKit.MarkerImage(1088, 600);
        var draft = Parse($$$"""
            {"v":1,"w":{{{w}}},"h":{{{h}}},"fps":30,"t":[{"id":"v","tt":0,"sg":[
              {"id":"p","src":"{{{marker}}}","st":0,"d":2000,"m":{"kind":"image","fit":"cover","motion":"{{{motion}}}"}}]}]}
            """);
        var result = await new DraftRenderer(Context()).RunAsync(Request(draft, dir.File("m.mp4")) with { Spec = Lossless, AllowChunks = false }, null, CancellationToken.None);
        Assert.Equal(60, result.Frames);
        var centroids = AnimateKit.GrayFrames(result.File, w, h).Select(f => AnimateKit.Centroid(f, w, h)).ToList();
        AnimateKit.AssertMovesSmoothly(centroids, motion, dirX, dirY, log.WriteLine);
    }

    [Fact]
    public async Task A_cancelled_render_ends_with_no_writer_waiting_and_no_output()
    {
        using var dir = new TempDir();
        var draft = Slideshow();
        using var cts = new CancellationTokenSource();
        var progress = new Progress<Contract.Jobs.JobProgress>(p => { if (p.Fraction > 0.1) cts.Cancel(); });
        var render = new DraftRenderer(Context()).RunAsync(Request(draft, dir.File("c.mp4")) with { Spec = Lossless, AllowChunks = false }, progress, cts.Token);
        // Ends (no writer waits on a pipe nobody reads) with the cancellation, and writes no output.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => render.WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.False(File.Exists(dir.File("c.mp4")));
    }
}
