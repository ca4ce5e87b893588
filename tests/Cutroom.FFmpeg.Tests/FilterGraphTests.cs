using Cutroom.FFmpeg.Graph;

namespace Cutroom.FFmpeg.Tests;

[Trait("Tier", "Fast")]
public class FilterGraphTests
{
    [Fact]
    public void A_straight_run_prints_as_one_chain()
    {
        var g = new FilterGraph();
        var v = g.InputVideo(0).Then(Filters.Select("not(mod(n,10))")).Then(Filters.Scale(640, -2));
        g.Output(v, "out");
        Assert.Equal("[0:v:0]select=expr=not(mod(n\\,10)),scale=w=640:h=-2[out]", g.Render());
    }

    [Fact]
    public void A_stream_used_twice_is_split()
    {
        var g = new FilterGraph();
        var v = g.InputVideo(0).Then(Filters.Format("yuv420p"));
        g.Output(v.Then(Filters.Scale(320, 180)), "small");
        g.Output(v, "full");
        Assert.Equal("[0:v:0]format=pix_fmts=yuv420p[v0];[v0]split=outputs=2[v1][full];[v1]scale=w=320:h=180[small]", g.Render());
    }

    [Fact]
    public void Option_values_are_escaped_at_both_levels()
    {
        var f = Filters.DrawGeneratedText("%{pts:hms} it's [x],y;z\\", "/f.ttf", 20, "white", 0, 0);
        Assert.Equal("drawtext=fontfile=/f.ttf:text=%{pts\\\\:hms} it\\\\\\'s \\[x\\]\\,y\\;z\\\\\\\\:fontsize=20:fontcolor=white:x=0:y=0", f.ToString());
    }

    [Fact]
    public void Pad_kinds_are_checked()
    {
        var g = new FilterGraph();
        var ex = Assert.Throws<ArgumentException>(() => g.InputAudio(0).Then(Filters.Scale(1, 1)));
        Assert.Contains("takes Video, got Audio", ex.Message);
    }

    [Fact]
    public void An_unused_filter_output_is_an_error()
    {
        var g = new FilterGraph();
        g.Apply(Filters.Split(2), g.InputVideo(0));
        g.Output(g.InputVideo(1), "o");
        Assert.Throws<InvalidOperationException>(() => g.Render());
    }
}
