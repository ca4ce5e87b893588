using Cutroom.Engine.Analysis;
using Cutroom.Engine.Shots;

namespace Cutroom.Engine.Tests.Shots;

public class ShotDetectionTests
{
    private static readonly ShotsJob Job = new(Engine.Context);

    [Fact]
    public async Task Twenty_shots_from_different_sources_are_found_within_two_frames()
    {
        var video = KnownCutsVideo.Get();
        var result = await Job.RunAsync(new ShotsRequest(video) { UseCache = false });
        var found = result.Shots.Skip(1).Select(s => s.StartFrame).ToList();
        var expected = KnownCutsVideo.CutFrames;
        var hits = expected.Count(c => found.Any(f => Math.Abs(f - c) <= 2));
        var trueFound = found.Count(f => expected.Any(c => Math.Abs(f - c) <= 2));
        var recall = (double)hits / expected.Count;
        var precision = found.Count == 0 ? 0 : (double)trueFound / found.Count;
        var report = $"expected [{string.Join(',', expected)}] found [{string.Join(',', found)}]";
        Assert.True(recall >= 0.95, $"recall {recall:0.00}: {report}");
        Assert.True(precision >= 0.95, $"precision {precision:0.00}: {report}");
        Assert.Equal(KnownCutsVideo.FrameCount, result.FrameCount);
        Assert.Equal(KnownCutsVideo.FrameCount, result.Shots[^1].EndFrame);
        for (var i = 1; i < result.Shots.Count; i++)
        {
            Assert.Equal(result.Shots[i - 1].EndFrame, result.Shots[i].StartFrame);
            Assert.Equal(result.Shots[i - 1].EndMs, result.Shots[i].StartMs);
        }
    }
}

public class ShotGuardTests
{
    private static readonly ShotsJob Job = new(Engine.Context);

    [Fact]
    public async Task A_one_frame_white_flash_is_not_a_cut()
    {
        var video = TestMedia.Generate("flash.mp4",
            "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=4",
            "-vf", "drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='eq(n,50)'",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        var result = await Job.RunAsync(new ShotsRequest(video) { UseCache = false });
        Assert.Single(result.Shots);
        Assert.Equal(100, result.Shots[0].EndFrame);
    }

    [Fact]
    public async Task A_fade_through_black_is_one_boundary_in_the_black()
    {
        var video = TestMedia.Generate("fade-through-black.mp4",
            "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=3",
            "-f", "lavfi", "-i", "mandelbrot=size=320x240:rate=25",
            "-filter_complex", "[0:v]fade=t=out:st=2:d=1[a];[1:v]trim=duration=3,setpts=PTS-STARTPTS,fade=t=in:st=0:d=1[b];[a][b]concat=n=2:v=1:a=0,format=yuv420p[out]",
            "-map", "[out]", "-c:v", "libx264", "-preset", "ultrafast");
        var result = await Job.RunAsync(new ShotsRequest(video) { UseCache = false });
        var boundary = Assert.Single(result.Shots.Skip(1));
        Assert.Equal(TransitionKind.Fade, boundary.Transition);
        Assert.InRange(boundary.StartFrame, 65, 85);
    }

    [Fact]
    public async Task Fast_mode_finds_the_cuts_to_the_next_keyframe()
    {
        var video = KnownCutsVideo.Get();
        var exact = await Job.RunAsync(new ShotsRequest(video) { Mode = AnalysisMode.Exact, UseCache = false });
        var fast = await Job.RunAsync(new ShotsRequest(video) { Mode = AnalysisMode.Fast, UseCache = false });
        Assert.Equal(AnalysisMode.Fast, fast.Mode);
        Assert.Equal(exact.FrameCount, fast.FrameCount);
        Assert.Equal(exact.Shots[^1].EndMs, fast.Shots[^1].EndMs);
        Assert.True(fast.Shots.Count > 1, "fast mode found no shot change at all");
        // Every fast boundary is a keyframe at or after a real cut, never before it.
        foreach (var s in fast.Shots.Skip(1))
            Assert.Contains(KnownCutsVideo.CutFrames, c => s.StartFrame >= c - 2);
    }
}
