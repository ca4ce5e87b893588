using Cutroom.Contract.Time;
using Cutroom.Contract.Output;
using Cutroom.Engine.Create;
using Cutroom.Engine.Encoding;
using Cutroom.Engine.Render;
using Cutroom.Timeline.Model;
using static Cutroom.Engine.Tests.Render.RenderTestKit;

namespace Cutroom.Engine.Tests.Create;

public class SlideshowTests
{
    private static readonly string[] Photos =
        ["image/photo-skagen.jpg", "image/photo-sunset.jpg", "image/photo-snow.jpg", "image/photo-pool.jpg", "image/photo-donna.jpg"];

    private static Task<RenderResult> Render(Draft draft, string output) =>
        new DraftRenderer(Engine.Context).RunAsync(
            new DraftRenderRequest(RenderableDraft.From(draft), output, s => s) { Spec = OutputSpecs.For(OutputFormat.Mp4, OutputQuality.Low) }, null, CancellationToken.None);

    [Fact]
    public async Task Five_photos_a_logo_music_and_a_title_make_a_30_second_1080p_video()
    {
        using var dir = new TempDir();
        var logo = TestMedia.Real("image/logo-qt.jpg");
        var request = new SlideshowRequest
        {
            Items = [.. Photos.Select(TestMedia.Real)],
            Music = TestMedia.Real("audio/music-dont-wait-too-long.mkv"),
            Logo = logo,
            Title = "Summer Sale",
            Duration = MediaTime.FromMilliseconds(30_000),
        };
        var draft = await new SlideshowBuilder(Engine.Context).RunAsync(request, null, default);
        var result = await Render(draft, dir.File("sale.mp4"));

        var probe = await Engine.Context.Prober.ProbeAsync(result.File);
        Assert.Equal((1920, 1080), (probe.Video!.Width, probe.Video.Height));
        Assert.Equal(("h264", "High", "yuv420p"), (probe.Video.Codec, probe.Video.Profile, probe.Video.PixelFormat));
        Assert.Equal(("aac", 48000), (probe.Audio!.Codec, probe.Audio.SampleRateHz));
        Assert.Equal(900, probe.Video.FrameCount);
        Assert.InRange(probe.DurationMs!.Value, 30_000 - 34, 30_000 + 34);
        // The music fades out: the last second is clearly quieter than the middle.
        Assert.True(MeanVolumeDb(result.File, 29, 30) < MeanVolumeDb(result.File, 14, 16) - 6);

        // The same first two photos (the first moves until the crossfade ends) and the logo, without the title.
        var video = draft.Tracks[0];
        var logoTrack = draft.Tracks.First(t => t.Meta.Name == "Logo");
        var plain = draft with
        {
            Tracks = [video with { Segments = [video.Segments[0], video.Segments[1]] },
                      logoTrack with { Segments = [logoTrack.Segments[0] with { DurationMs = video.Segments[1].EndMs }] }],
        };
        var reference = await Render(plain, dir.File("plain.mp4"));
        double CentreDiff(int frame) => TestMedia.MeanAbsDiff(Centre(result.File, frame), Centre(reference.File, frame));
        // Two lossy encodes differ a little everywhere (about 3 levels at CRF 28); the title adds far more.
        double withTitle = CentreDiff(30), afterTitle = CentreDiff(150);
        Assert.True(withTitle > 8 && withTitle > 2.5 * afterTitle, $"no title at 1 s (difference {withTitle:0.0} against {afterTitle:0.0} at 5 s)");
        Assert.True(afterTitle < 4, $"the title is still there at 5 s (difference {afterTitle:0.0})");

        // The logo: 12 % of the width (230x156) in the top-right corner, 43 px from the edges.
        var expected = TestMedia.DecodeRgb(TestMedia.Generate("logo-230.png", "-i", logo, "-vf", "scale=230:156", "-frames:v", "1"));
        var corner = Crop(TestMedia.DecodeRgb(result.File, 300), 1920, 1920 - 43 - 230, 43, 230, 156);
        var below = Crop(TestMedia.DecodeRgb(result.File, 300), 1920, 1920 - 43 - 230, 300, 230, 156);
        Assert.True(TestMedia.MeanAbsDiff(corner, expected) < 25, $"the corner is not the logo ({TestMedia.MeanAbsDiff(corner, expected):0.0})");
        Assert.True(TestMedia.MeanAbsDiff(below, expected) > 40, "the logo is not confined to its corner");
    }

    [Fact]
    public async Task A_photo_stored_rotated_with_an_exif_orientation_renders_upright()
    {
        using var dir = new TempDir();
        var upright = TestMedia.Real("image/photo-snow.jpg");
        var stored = dir.File("stored-rotated.jpg");
        TestMedia.Ffmpeg("-i", upright, "-vf", "transpose=2", "-q:v", "2", stored);   // pixels turned a quarter counter-clockwise
        var (code, _, err) = TestMedia.Run("exiftool", ["-Orientation=6", "-n", "-overwrite_original", stored]);
        Assert.True(code == 0, err);

        async Task<byte[]> FirstFrame(string photo, string name)
        {
            var draft = await new SlideshowBuilder(Engine.Context).RunAsync(new SlideshowRequest
            { Items = [photo], Duration = MediaTime.FromMilliseconds(1000), Size = (320, 240), Motion = "none", Fit = "contain", Transition = "none" }, null, default);
            var r = await Render(draft, dir.File(name));
            return TestMedia.DecodeRgb(r.File, 5);
        }
        var a = await FirstFrame(upright, "a.mp4");
        var b = await FirstFrame(stored, "b.mp4");
        Assert.True(TestMedia.MeanAbsDiff(a, b) < 6, $"the tagged photo differs from the upright one ({TestMedia.MeanAbsDiff(a, b):0.0})");
    }

    [Fact]
    public async Task Clips_keep_their_length_up_to_a_share_and_photos_share_the_rest()
    {
        var draft = await new SlideshowBuilder(Engine.Context).RunAsync(new SlideshowRequest
        {
            Items = [TestMedia.Real("image/photo-snow.jpg"), TestMedia.Real("video/birds.mp4"), TestMedia.Real("image/photo-pool.jpg")],
            Duration = MediaTime.FromMilliseconds(9000), Title = "标题", Captions = ["one", "two", "three"],
        }, null, default);
        var video = draft.Tracks[0].Segments;
        Assert.Equal([0L, 3978, 5022], video.Select(s => s.StartMs));   // birds.mp4 lasts 1.044 s; the photos share 7.956 s
        Assert.Equal(9000, draft.DurationMs);
        Assert.Equal("zoom-in", video[0].Meta.Motion);
        Assert.Null(video[1].Meta.Motion);
        Assert.Equal("fade", video[2].Meta.Transition!.Type);
        Assert.Contains(draft.Tracks, t => t.Type == TrackType.Text && t.Segments.Any(s => s.Meta.Text == "标题"));
    }

    private static byte[] Centre(string video, int frame) => Crop(TestMedia.DecodeRgb(video, frame), 1920, 560, 440, 800, 200);

    private static byte[] Crop(byte[] rgb, int width, int x0, int y0, int w, int h)
    {
        var o = new byte[w * h * 3];
        for (var y = 0; y < h; y++) Array.Copy(rgb, ((y0 + y) * width + x0) * 3, o, y * w * 3, w * 3);
        return o;
    }
}
