using System.Runtime.CompilerServices;
using Cutroom.Engine.Animate;
using Cutroom.Engine.Stills;
using Cutroom.FFmpeg.Probe;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Tests.Animate;

[Trait("Tier", "Fast")]
public sealed class AnimatePlanTests
{
    private static readonly StillImage TurnedPhoto = new()
    {
        Path = "/media/photo.jpg", Container = ContainerFormat.Jpeg, StoredWidth = 3000, StoredHeight = 4000, Orientation = 6,
    };

    [Fact]
    public void The_6_second_1080p_zoom_in_command_matches_its_golden_file()
    {
        var request = new AnimateRequest { ImagePath = TurnedPhoto.Path, OutputPath = "/out/clip.mp4" };
        var args = AnimatePlan.Build(request, TurnedPhoto, "/out/.clip.tmp.mp4").Arguments;
        var golden = Path.Combine(Here(), "Golden", "animate-zoom-in-1080p30.args");
        // Deliberate updates only: CUTROOM_UPDATE_GOLDEN=1 dotnet test ... rewrites the file; review the diff.
        if (Environment.GetEnvironmentVariable("CUTROOM_UPDATE_GOLDEN") == "1") File.WriteAllLines(golden, args);
        Assert.Equal(File.ReadAllLines(golden), args);
    }

    [Fact]
    public void The_picture_is_one_input_decoded_once_and_repeated_by_the_loop_filter()
    {
        var request = new AnimateRequest { ImagePath = TurnedPhoto.Path, OutputPath = "/out/clip.mp4", Duration = MediaTime.FromMicroseconds(6_000_000) };
        var args = AnimatePlan.Build(request, TurnedPhoto, "/out/t.mp4").Arguments;
        Assert.Single(args, a => a == "-i");
        Assert.DoesNotContain("-loop", args);
        var graph = args[args.ToList().IndexOf("-filter_complex") + 1];
        Assert.Contains("loop=loop=179:size=1:start=0", graph);
        Assert.True(graph.IndexOf("loop=", StringComparison.Ordinal) < graph.IndexOf("perspective=", StringComparison.Ordinal), "scaled once before the loop, moved per frame after it");
    }

    [Theory]
    [InlineData(6_000_000, 30, 1, 180)]
    [InlineData(2_000_000, 30000, 1001, 60)]
    [InlineData(10_000, 30, 1, 1)]
    [InlineData(600_000_000, 60, 1, 36_000)]
    public void The_frame_count_is_the_duration_times_the_rate_rounded(long durationUs, long num, long den, long frames)
    {
        var r = new AnimateRequest { ImagePath = "a.jpg", OutputPath = "b.mp4", Duration = MediaTime.FromMicroseconds(durationUs), FrameRate = new Rational(num, den) };
        Assert.Equal(frames, r.FrameCount);
    }

    [Theory]
    [InlineData("16:9", 1920, 1080)]
    [InlineData("9:16", 1080, 1920)]
    [InlineData("1:1", 1080, 1080)]
    public void Each_aspect_has_its_1080p_canvas(string aspect, int width, int height) =>
        Assert.Equal(new CanvasSize(width, height), CanvasSize.Resolve(aspect, null, null));

    [Fact]
    public void Every_motion_keeps_the_view_inside_the_picture()
    {
        foreach (var motion in Enum.GetValues<KenBurnsMotion>())
        {
            var path = CameraPath.For(motion);
            foreach (var p in new[] { 0, 0.25, 0.5, 0.75, 1 })
            {
                var w = path.At(p);
                var half = 0.5 / w.Zoom;
                Assert.True(w.Zoom >= 1, $"{motion} zoom {w.Zoom}");
                Assert.InRange(w.CenterX - half, -1e-9, 1);
                Assert.InRange(w.CenterX + half, 0, 1 + 1e-9);
                Assert.InRange(w.CenterY - half, -1e-9, 1);
                Assert.InRange(w.CenterY + half, 0, 1 + 1e-9);
            }
        }
    }

    [Fact]
    public void Zoom_in_starts_on_the_whole_picture_and_ends_on_its_centre_magnified()
    {
        var path = CameraPath.For(KenBurnsMotion.ZoomIn);
        Assert.Equal(new CameraWindow(1, 0.5, 0.5), path.At(0));
        Assert.Equal(new CameraWindow(CameraPath.ZoomAmount, 0.5, 0.5), path.At(1));
        Assert.Equal(new CanvasSize(2304, 1296), AnimatePlan.SupersampledCanvas(CanvasSize.Landscape1080, path));
    }

    private static string Here([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
