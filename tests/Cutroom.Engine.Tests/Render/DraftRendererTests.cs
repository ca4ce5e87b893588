using Cutroom.Contract.Output;
using Cutroom.Engine.Render;
using Cutroom.FFmpeg.Probe;
using static Cutroom.Engine.Tests.Render.RenderTestKit;

namespace Cutroom.Engine.Tests.Render;

public class DraftRendererTests
{
    [Fact]
    public async Task A_crossfade_frame_is_a_blend_of_its_neighbours()
    {
        using var dir = new TempDir();
        var draft = Parse($$$$"""
        {"v":1,"w":320,"h":240,"fps":30,"t":[{"id":"v","tt":0,"sg":[
          {"id":"a","src":"{{{{Solid("red")}}}}","st":0,"d":2000},
          {"id":"b","src":"{{{{Solid("blue")}}}}","st":2000,"d":2000,"m":{"tr":{"type":"fade","d":1000}}}]}]}
        """);
        var result = await RenderAsync(draft, dir.File("x.mp4"));

        Assert.Equal(120, result.Frames);
        var before = Pixel(result.File, 55, 160, 120, 320);
        var middle = Pixel(result.File, 75, 160, 120, 320);   // half way through 2.0-3.0 s
        var after = Pixel(result.File, 95, 160, 120, 320);
        Assert.True(before.R > 200 && before.B < 60, $"before the transition: {before}");
        Assert.True(after.B > 200 && after.R < 60, $"after the transition: {after}");
        Assert.InRange(middle.R, 90, 170);
        Assert.InRange(middle.B, 90, 170);
    }

    [Fact]
    public async Task Segments_play_from_their_in_point_at_their_speed_and_the_duration_is_exact()
    {
        using var dir = new TempDir();
        // 2 s of the numbered clip from 4 s at double speed: source frames 100, 102, ... (25 fps source, 25 fps draft).
        var draft = Parse($$$$"""
        {"v":1,"w":320,"h":240,"fps":25,"t":[{"id":"v","tt":0,"sg":[
          {"id":"a","src":"{{{{Engine.Numbered250}}}}","st":0,"d":2000,"so":4000,"sp":2.0}]}]}
        """);
        var result = await RenderAsync(draft, dir.File("x.mp4"));
        Assert.Equal(50, result.Frames);
        Assert.Equal(2000, result.DurationMs);
        Assert.True(TestMedia.MeanAbsDiff(TestMedia.DecodeRgb(result.File, 10), TestMedia.DecodeRgb(Engine.Numbered250, 120)) < 6);
        Assert.True(TestMedia.MeanAbsDiff(TestMedia.DecodeRgb(result.File, 10), TestMedia.DecodeRgb(Engine.Numbered250, 110)) > 6);
    }

    [Fact]
    public async Task Text_with_quotes_percent_backslash_newline_and_chinese_is_drawn_literally()
    {
        using var dir = new TempDir();
        var text = "He said: \\\"50% off\\\" \\\\ 中文 标题\\n%{pts} ' [x];";
        var json = $$$$"""
        {"v":1,"w":320,"h":240,"fps":25,"t":[
          {"id":"v","tt":0,"sg":[{"id":"a","src":"{{{{Solid("black")}}}}","st":0,"d":2000}]},
          {"id":"t","tt":7,"sg":[{"id":"s","st":0,"d":1000,"m":{"text":"{{{{text}}}}","size":20,"color":"#FFFFFF"}}]}]}
        """;
        var result = await RenderAsync(Parse(json), dir.File("x.mp4"));
        // White glyphs in the middle while the text shows (0-1 s), none after.
        var during = TestMedia.DecodeRgb(result.File, 12);
        var after = TestMedia.DecodeRgb(result.File, 37);
        Assert.True(during.Count(v => v > 200) > 300, "no text drawn");
        Assert.True(after.Count(v => v > 200) < 10, "text still drawn after its end");
    }

    [Fact]
    public async Task A_logo_overlay_sits_in_its_corner()
    {
        using var dir = new TempDir();
        var draft = Parse($$$$"""
        {"v":1,"w":320,"h":240,"fps":25,"t":[
          {"id":"v","tt":0,"sg":[{"id":"a","src":"{{{{Solid("black")}}}}","st":0,"d":1000}]},
          {"id":"l","tt":0,"sg":[{"id":"logo","src":"{{{{Solid("white")}}}}","st":0,"d":1000,"m":{"scale":0.25,"pos":"top-right","margin":10}}]}]}
        """);
        var result = await RenderAsync(draft, dir.File("x.mp4"));
        // The logo is 80x60 at x 230-309, y 10-69.
        Assert.True(Pixel(result.File, 5, 270, 40, 320).R > 200);
        Assert.True(Pixel(result.File, 5, 40, 40, 320).R < 40);
        Assert.True(Pixel(result.File, 5, 270, 120, 320).R < 40);
    }

    [Theory]
    [InlineData(180, 320)]
    [InlineData(240, 240)]
    public async Task Vertical_and_square_canvases_fill_with_a_blurred_copy(int w, int h)
    {
        using var dir = new TempDir();
        var draft = Parse($$$$"""
        {"v":1,"w":{{{{w}}}},"h":{{{{h}}}},"fps":25,"t":[{"id":"v","tt":0,"sg":[
          {"id":"a","src":"{{{{Engine.Numbered250}}}}","st":0,"d":1000,"m":{"fit":"blur"}}]}]}
        """);
        var result = await RenderAsync(draft, dir.File("x.mp4"));
        Assert.Equal((w, h), (result.Width, result.Height));
        // The bars of a contained 4:3 picture are not black but the blurred picture.
        var top = Pixel(result.File, 5, w / 2, 4, w);
        Assert.True(top.R + top.G + top.B > 60, $"the top edge is black: {top}");
    }

    [Fact]
    public async Task The_mix_is_loudness_normalised_and_music_fades_out()
    {
        using var dir = new TempDir();
        var music = TestMedia.Real("audio/music-its-a-game.mkv");
        var draft = Parse($$$$"""
        {"v":1,"w":320,"h":240,"fps":25,"t":[
          {"id":"v","tt":0,"sg":[{"id":"a","src":"{{{{Solid("black")}}}}","st":0,"d":4000,"vol":0}]},
          {"id":"m","tt":1,"m":{"role":"music"},"sg":[{"id":"bgm","src":"{{{{music}}}}","st":0,"d":8000,"so":10000,"m":{"fo":2000}}]}]}
        """);
        var result = await RenderAsync(draft, dir.File("x.mp4"));
        Assert.Equal(8000, result.DurationMs);
        Assert.InRange(IntegratedLufs(result.File), -15.5, -12.5);
        Assert.True(MeanVolumeDb(result.File, 7, 8) < MeanVolumeDb(result.File, 3, 4) - 6, "the last second is not quieter");
    }

    [Fact]
    public async Task Music_shorter_than_its_segment_loops()
    {
        using var dir = new TempDir();
        var tone = TestMedia.Generate("tone-1s.wav", "-f", "lavfi", "-i", "sine=frequency=600:duration=1");
        var draft = Parse($$$$"""
        {"v":1,"w":160,"h":120,"fps":25,"t":[
          {"id":"v","tt":0,"sg":[{"id":"a","src":"{{{{Solid("black")}}}}","st":0,"d":3000,"vol":0}]},
          {"id":"m","tt":1,"sg":[{"id":"bgm","src":"{{{{tone}}}}","st":0,"d":3000}]}]}
        """);
        var result = await RenderAsync(draft, dir.File("x.mp4"), lufs: null);
        Assert.True(MeanVolumeDb(result.File, 2.2, 2.8) > -30, "no sound after the music's first pass");
    }

    [Fact]
    public async Task A_gif_and_a_webm_render_too()
    {
        using var dir = new TempDir();
        var draft = Parse($$$$"""
        {"v":1,"w":320,"h":240,"fps":25,"t":[{"id":"v","tt":0,"sg":[{"id":"a","src":"{{{{Engine.Numbered250}}}}","st":0,"d":1000}]}]}
        """);
        var gif = await RenderAsync(draft, dir.File("x.gif"), OutputFormat.Gif);
        var webm = await RenderAsync(draft, dir.File("x.webm"), OutputFormat.Webm);
        var g = await Engine.Context.Prober.ProbeAsync(gif.File);
        var w = await Engine.Context.Prober.ProbeAsync(webm.File);
        Assert.Equal(ContainerFormat.Gif, g.Container);
        Assert.Equal("vp9", w.Video!.Codec);
        Assert.Equal("opus", w.Audio!.Codec);
    }
}
