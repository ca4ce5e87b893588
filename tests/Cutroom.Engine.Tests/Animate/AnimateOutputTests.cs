using Cutroom.Contract.Output;
using Cutroom.Engine.Animate;
using Cutroom.Engine.Stills;
using Cutroom.Contract.Time;

namespace Cutroom.Engine.Tests.Animate;

public sealed class AnimateOutputTests
{
    private static readonly string GrandCanyon = TestMedia.Real("image/photo-grand-canyon-1.jpg");
    private static readonly string Chelsea = TestMedia.Real("image/chelsea.png");

    [Theory]
    [InlineData(2_000_000, 30, 1, 60)]
    [InlineData(2_500_000, 24, 1, 60)]
    [InlineData(2_000_000, 30000, 1001, 60)]   // 59.94 frames round to 60
    [InlineData(1_000_000, 25, 1, 25)]
    public void The_clip_has_exactly_duration_times_rate_frames_at_the_canvas_size(long durationUs, long num, long den, int frames)
    {
        using var dir = new TempDir();
        var output = dir.File("clip.mp4");
        var result = AnimateKit.Render(new AnimateRequest
        {
            ImagePath = Chelsea, OutputPath = output, Duration = MediaTime.FromMicroseconds(durationUs), FrameRate = new Rational(num, den),
            Canvas = new CanvasSize(320, 180), Quality = OutputQuality.Low,
        });

        var v = AnimateKit.ProbeVideo(output);
        Assert.Equal(frames.ToString(System.Globalization.CultureInfo.InvariantCulture), v["nb_read_frames"]);
        Assert.Equal(frames, result.Frames);
        Assert.Equal("320", v["width"]);
        Assert.Equal("180", v["height"]);
        Assert.Equal($"{num}/{den}", v["r_frame_rate"]);
        var a = AnimateKit.ProbeStream(output, "a:0", "codec_name,sample_rate,channels,duration");
        Assert.Equal("aac", a["codec_name"]);
        Assert.Equal("48000", a["sample_rate"]);
        // The silent track lasts as long as the picture (AAC frames are 1024 samples: within 22 ms).
        var clipSeconds = frames * (double)den / num;
        Assert.InRange(double.Parse(a["duration"], System.Globalization.CultureInfo.InvariantCulture), clipSeconds - 0.025, clipSeconds + 0.025);
    }

    [Fact]
    public void A_1080p_clip_of_a_real_photo_is_H264_High_yuv420p_BT709_with_the_index_first()
    {
        using var dir = new TempDir();
        var output = dir.File("canyon.mp4");
        var progress = new AnimateKit.ProgressLog();
        var result = AnimateKit.Render(new AnimateRequest
        {
            ImagePath = GrandCanyon, OutputPath = output, Duration = MediaTime.FromMicroseconds(2_000_000), Motion = KenBurnsMotion.PanRight, Quality = OutputQuality.Low,
        }, progress);
        Assert.Equal(1.0, progress.Values[^1]);
        Assert.Contains(progress.Values, f => f is > 0 and < 1);

        var v = AnimateKit.ProbeVideo(output);
        Assert.Equal(("h264", "High", "1920", "1080", "yuv420p", "60", "1:1", "bt709"),
            (v["codec_name"], v["profile"], v["width"], v["height"], v["pix_fmt"], v["nb_read_frames"], v["sample_aspect_ratio"], v["color_space"]));
        Assert.Equal(2000, result.DurationMs);
        Assert.True(MoovBeforeMdat(output), "+faststart: the moov box must come before mdat");
        Assert.False(File.Exists(output) && Directory.GetFiles(dir.Path).Length != 1, "only the output is left in the folder");
    }

    [Fact]
    public void The_first_frame_of_zoom_in_is_the_whole_picture_covering_the_canvas()
    {
        using var dir = new TempDir();
        var output = dir.File("zoom.mp4");
        AnimateKit.Render(new AnimateRequest
        {
            ImagePath = GrandCanyon, OutputPath = output, Duration = MediaTime.FromMicroseconds(1_000_000), Canvas = new CanvasSize(320, 180), Quality = OutputQuality.High,
        });
        // Reference made independently: 800x535 covers 320x180 at 320x214, centre crop.
        var reference = dir.File("ref.png");
        TestMedia.Ffmpeg("-i", GrandCanyon, "-vf", "scale=320:214:flags=lanczos,crop=320:180", "-frames:v", "1", reference);

        var first = TestMedia.DecodeRgb(output, 0);
        Assert.InRange(TestMedia.MeanAbsDiff(first, TestMedia.DecodeRgb(reference)), 0, 4);
        var last = TestMedia.DecodeRgb(output, 29);
        Assert.True(TestMedia.MeanAbsDiff(last, TestMedia.DecodeRgb(reference)) > 6, "the last frame is zoomed in, unlike the first");
    }

    [Theory]
    [InlineData("cover")]
    [InlineData("contain")]
    [InlineData("blur")]
    public void A_portrait_picture_fills_a_landscape_canvas_as_the_fit_says(string fit)
    {
        // A portrait picture: orange, with a white band across the middle.
        var portrait = TestMedia.Generate("portrait-300x600.png", "-f", "lavfi", "-i",
            "color=c=0xE07020:s=300x600:d=1,drawbox=x=0:y=280:w=300:h=40:c=white:t=fill", "-frames:v", "1");
        using var dir = new TempDir();
        var output = dir.File("fit.mp4");
        AnimateKit.Render(new AnimateRequest
        {
            ImagePath = portrait, OutputPath = output, Duration = MediaTime.FromMicroseconds(500_000), Canvas = new CanvasSize(320, 180),
            Fit = StillFitNames.Parse(fit), Quality = OutputQuality.High, Motion = KenBurnsMotion.ZoomIn,
        });
        var rgb = TestMedia.DecodeRgb(output, 0);
        (int R, int G, int B) Px(int x, int y) { var i = ((y * 320) + x) * 3; return (rgb[i], rgb[i + 1], rgb[i + 2]); }
        var edge = Px(10, 40);       // left edge, upper part
        var centre = Px(160, 40);    // centre column, upper part
        Assert.True(centre.R > 180 && centre.G is > 80 and < 150, $"the picture is in the middle: {centre}");
        switch (fit)
        {
            case "cover":   // the picture covers everything; the band (6.7 % of its height) is cropped away at this size
                Assert.True(edge.R > 180 && edge.G is > 80 and < 150, $"covered edge is the picture: {edge}");
                break;
            case "contain": // black bars left and right
                Assert.True(edge.R < 20 && edge.G < 20 && edge.B < 20, $"contain leaves black bars: {edge}");
                break;
            case "blur":    // a blurred copy of the picture behind: orange-ish, not black
                Assert.True(edge.R > 120 && edge.B < 100, $"blur fills the sides with the picture's colours: {edge}");
                break;
        }
    }

    private static bool MoovBeforeMdat(string path)
    {
        using var fs = File.OpenRead(path);
        var header = new byte[8];
        long pos = 0;
        while (pos < fs.Length)
        {
            fs.Position = pos;
            fs.ReadExactly(header);
            var size = ((long)header[0] << 24) | ((long)header[1] << 16) | ((long)header[2] << 8) | header[3];
            var type = System.Text.Encoding.ASCII.GetString(header, 4, 4);
            if (type == "moov") return true;
            if (type == "mdat") return false;
            if (size < 8) return false;
            pos += size;
        }
        return false;
    }
}
