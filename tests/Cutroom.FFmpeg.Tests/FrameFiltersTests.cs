using Cutroom.Contract.Time;
using Cutroom.FFmpeg.Graph;

namespace Cutroom.FFmpeg.Tests;

[Trait("Tier", "Fast")]
public class FrameFiltersTests
{
    [Fact]
    public void The_frame_select_factories_print_the_expressions_the_frame_jobs_always_used()
    {
        Assert.Equal(Filters.Select("between(pts,512,3072)").ToString(), Filters.SelectPtsBetween(512, 3072).ToString());
        Assert.Equal("select=expr=not(mod(n\\,10))", Filters.SelectEveryNth(10).ToString());
        Assert.Equal(Filters.Select("eq(pts,0)+eq(pts,-512)+eq(pts,90000)").ToString(), Filters.SelectPts([0, -512, 90_000]).ToString());
        Assert.Equal(Filters.Select("eq(n,0)+gt(floor((t-2.000000)*(30000/1001)),floor((prev_t-2.000000)*(30000/1001)))").ToString(),
            Filters.SelectRate(new Rational(30000, 1001), MediaTime.FromSeconds(2)).ToString());
    }

    [Fact]
    public void Over_a_hundred_listed_pts_are_summed_in_balanced_halves_and_none_is_lost()
    {
        var text = Filters.SelectPts(Enumerable.Range(0, 101).Select(i => (long)i)).ToString();
        Assert.StartsWith("select=expr=((eq(pts\\,0)+", text, StringComparison.Ordinal);
        Assert.Equal(101, text.Split("eq(pts", StringSplitOptions.None).Length - 1);
        Assert.Equal(text.Count(c => c == '('), text.Count(c => c == ')'));
    }

    [Fact]
    public void Concat_of_video_segments_has_one_video_pad_per_segment_and_no_audio()
    {
        var g = new FilterGraph();
        var joined = g.Apply(Filters.ConcatVideo(3), g.InputVideo(0), g.InputVideo(1), g.InputVideo(2))[0];
        g.Output(joined, "out");
        Assert.Equal("[0:v:0][1:v:0][2:v:0]concat=n=3:v=1:a=0[out]", g.Render());
        Assert.Throws<ArgumentOutOfRangeException>(() => Filters.ConcatVideo(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Filters.SelectEveryNth(0));
        Assert.Throws<ArgumentException>(() => Filters.SelectPts([]));
    }
}
