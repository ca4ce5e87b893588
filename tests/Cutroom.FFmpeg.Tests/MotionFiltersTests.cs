using Cutroom.FFmpeg.Graph;

namespace Cutroom.FFmpeg.Tests;

[Trait("Tier", "Fast")]
/// <summary>The factories of Filters.Motion.cs print what ffmpeg-filters documents, options named and in order.</summary>
public class MotionFiltersTests
{
    [Fact]
    public void Flips_print_bare() =>
        Assert.Equal(("hflip", "vflip"), (Filters.HFlip().ToString(), Filters.VFlip().ToString()));

    [Fact]
    public void The_colour_converting_scale_names_its_matrix_and_range() =>
        Assert.Equal("scale=w=2304:h=1728:flags=lanczos:out_color_matrix=bt709:out_range=tv",
            Filters.ScaleWithMatrix(2304, 1728, "lanczos", "bt709", "tv").ToString());

    [Fact]
    public void Box_blur_names_both_planes() =>
        Assert.Equal("boxblur=luma_radius=10:luma_power=2:chroma_radius=5:chroma_power=2", Filters.BoxBlur(10, 2, 5, 2).ToString());

    [Fact]
    public void Overlay_takes_two_videos_and_escapes_expressions()
    {
        var g = new FilterGraph();
        var under = g.InputVideo(0);
        var over = g.InputVideo(1);
        g.Output(g.Apply(Filters.Overlay("(W-w)/2", 0, format: "yuv420"), under, over)[0], "v");
        Assert.Equal("[0:v:0][1:v:0]overlay=x=(W-w)/2:y=0:format=yuv420[v]", g.Render());
        Assert.Equal("overlay=x=3:y=4", Filters.Overlay(3, 4).ToString());
    }

    [Fact]
    public void Silence_is_an_audio_source_without_inputs()
    {
        var f = Filters.ANullSrc("stereo", 48000);
        Assert.Equal((0, PadKind.Audio), (f.Inputs.Count, f.Outputs.Single()));
        Assert.Equal("anullsrc=channel_layout=stereo:sample_rate=48000", f.ToString());
    }
}
