using Cutroom.Contract.Time;
using Cutroom.FFmpeg.Graph;

namespace Cutroom.FFmpeg.Tests;

[Trait("Tier", "Fast")]
/// <summary>The compositing factories print exactly what the renderer's golden graphs hold.</summary>
public class CompositingFilterTests
{
    private static readonly MediaTime Half = MediaTime.FromMilliseconds(500);
    private static readonly MediaTime Two = MediaTime.FromMilliseconds(2000);

    public static TheoryData<string, string> Printed => new()
    {
        { Filters.Color("black", 320, 240, new Rational(30, 1), Two).ToString(), "color=c=black:s=320x240:r=30:d=2.000000" },
        { Filters.Color("0x102030", 320, 240, new Rational(30000, 1001), Two).ToString(), "color=c=0x102030:s=320x240:r=30000/1001:d=2.000000" },
        { Filters.XFade(Half, Two, "wipeleft").ToString(), "xfade=transition=wipeleft:duration=0.500000:offset=2.000000" },
        { Filters.ConcatVideo(2).ToString(), "concat=n=2:v=1:a=0" },
        { Filters.Overlay("W-w-14", "H-h-14", eofAction: "pass", repeatLast: false).ToString(), "overlay=x=W-w-14:y=H-h-14:eof_action=pass:repeatlast=0" },
        { Filters.Overlay("(W-w)/2", "(H-h)/2").ToString(), "overlay=x=(W-w)/2:y=(H-h)/2" },
        { Filters.Split(2).ToString(), "split=outputs=2" },
        { Filters.ScaleToCover(320, 240, "bicubic").ToString(), "scale=w=320:h=240:force_original_aspect_ratio=increase:flags=bicubic" },
        { Filters.BoxBlur("min(w,h)/6", "min(cw,ch)/6", 2).ToString(), "boxblur=luma_radius=min(w\\,h)/6:chroma_radius=min(cw\\,ch)/6:luma_power=2" },
        { Filters.HoldLastFrame(75).ToString(), "tpad=stop_mode=clone:stop=75" },
        { Filters.FadeIn(Half, alpha: true).ToString(), "fade=t=in:st=0:d=0.500000:alpha=1" },
        { Filters.FadeOut(Two, Half, alpha: false).ToString(), "fade=t=out:st=2.000000:d=0.500000:alpha=0" },
        { Filters.Opacity(0.8).ToString(), "colorchannelmixer=aa=0.8" },
        { Filters.PaletteGen("diff").ToString(), "palettegen=stats_mode=diff" },
        { Filters.PaletteUse("bayer", 4).ToString(), "paletteuse=dither=bayer:bayer_scale=4" },
        { Filters.ANullSrc(48000, "stereo").ToString(), "anullsrc=r=48000:cl=stereo" },
        { Filters.AMixSum(3).ToString(), "amix=inputs=3:normalize=0:dropout_transition=0" },
        { Filters.Loudnorm(-14, -1.5, 11).ToString(), "loudnorm=I=-14:TP=-1.5:LRA=11" },
        { Filters.ALimiter(0.891, autoLevel: false).ToString(), "alimiter=limit=0.891:level=0" },
        { Filters.AResample(48000).ToString(), "aresample=out_sample_rate=48000" },
        { Filters.AFormat("fltp", "stereo").ToString(), "aformat=sample_fmts=fltp:channel_layouts=stereo" },
        { Filters.APad().ToString(), "apad" },
        { Filters.APadTo(MediaTime.FromMilliseconds(3000)).ToString(), "apad=whole_dur=3.000000" },
        { Filters.ALoop(-1, 48000).ToString(), "aloop=loop=-1:size=48000" },
        { Filters.ATempo(0.5).ToString(), "atempo=tempo=0.5" },
        { Filters.Volume(0.5).ToString(), "volume=volume=0.5" },
        { Filters.AFadeIn(Half).ToString(), "afade=t=in:st=0:d=0.500000" },
        { Filters.AFadeOut(Two, Half).ToString(), "afade=t=out:st=2.000000:d=0.500000" },
        { Filters.ADelay(MediaTime.FromMicroseconds(2_066_667)).ToString(), "adelay=delays=2066:all=1" },
    };

    [Theory]
    [MemberData(nameof(Printed))]
    public void A_compositing_filter_prints_its_named_options_in_order(string actual, string expected) => Assert.Equal(expected, actual);

    [Fact]
    public void Drawtext_with_a_style_writes_only_the_options_set_in_the_renderers_order()
    {
        var style = new DrawTextStyle { LineSpacing = 8, ShadowOffset = 2, ShadowColor = "black@0.6", Alpha = "1", Enable = "between(t,0,2)" };
        Assert.Equal(
            "drawtext=fontfile=/f.ttf:textfile=/t.txt:expansion=none:fontsize=40:fontcolor=white:line_spacing=8:x=0:y=14:shadowx=2:shadowy=2:shadowcolor=black@0.6:alpha=1:enable=between(t\\,0\\,2)",
            Filters.DrawTextFile("/t.txt", "/f.ttf", 40, "white", 0, 14, style).ToString());
        var boxed = new DrawTextStyle { BorderWidth = 3, BoxColor = "0x000000", BoxBorderWidth = 12 };
        Assert.Equal(
            "drawtext=fontfile=/f.ttf:textfile=/t.txt:expansion=none:fontsize=40:fontcolor=white:x=0:y=0:borderw=3:bordercolor=black:box=1:boxcolor=0x000000:boxborderw=12",
            Filters.DrawTextFile("/t.txt", "/f.ttf", 40, "white", 0, 0, boxed).ToString());
    }

    [Fact]
    public void Joins_take_as_many_inputs_as_they_say_and_refuse_fewer_than_two()
    {
        Assert.Equal(3, Filters.ConcatVideo(3).Inputs.Count);
        Assert.Equal(2, Filters.Split(2).Outputs.Count);
        Assert.Equal([PadKind.Audio, PadKind.Audio], Filters.AMixSum(2).Inputs);
        Assert.Throws<ArgumentOutOfRangeException>(() => Filters.ConcatVideo(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Filters.AMixSum(1));
    }
}
