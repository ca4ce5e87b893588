using Cutroom.Contract.Output;
using Cutroom.Engine.Encoding;

namespace Cutroom.Engine.Tests.Convert;

[Trait("Tier", "Fast")]
public class EncodingPresetTests
{
    [Fact]
    public void The_medium_mp4_preset_is_H264_High_420_with_AAC_48k_and_faststart()
    {
        var args = OutputSpecs.For(OutputFormat.Mp4, OutputQuality.Medium).OutputArguments(threads: 2);
        Assert.Equal(
            ["-c:v", "libx264", "-preset", "fast", "-crf", "23", "-profile:v", "high", "-pix_fmt", "yuv420p", "-threads", "2",
             "-c:a", "aac", "-b:a", "128k", "-ar", "48000",
             "-movflags", "+faststart", "-f", "mp4"],
            args);
    }

    [Fact]
    public void The_webm_preset_is_constant_quality_VP9_with_Opus()
    {
        var args = OutputSpecs.For(OutputFormat.Webm, OutputQuality.High).OutputArguments(threads: null, withAudio: false);
        Assert.Equal(
            ["-c:v", "libvpx-vp9", "-crf", "28", "-b:v", "0", "-deadline", "good", "-cpu-used", "2", "-row-mt", "1", "-pix_fmt", "yuv420p", "-f", "webm"],
            args);
        Assert.Equal("opus", OutputSpecs.For(OutputFormat.Webm).Audio?.Codec);
    }

    [Theory]
    [InlineData(OutputQuality.Low, 28, "veryfast")]
    [InlineData(OutputQuality.Medium, 23, "fast")]
    [InlineData(OutputQuality.High, 18, "medium")]
    public void Quality_maps_to_x264_crf_and_speed(OutputQuality quality, int crf, string speed)
    {
        var video = OutputSpecs.H264(quality);
        Assert.Equal((crf, speed), (video.Crf, video.Speed));
        Assert.Equal("High", video.ProbedProfile);
    }

    [Fact]
    public void The_gif_spec_has_no_sound_loops_for_ever_and_is_the_same_at_every_quality()
    {
        var spec = OutputSpecs.For(OutputFormat.Gif, OutputQuality.Low);
        Assert.Null(spec.Audio);
        Assert.False(OutputFormat.Gif.HasAudio());
        Assert.Equal(["-loop", "0", "-f", "gif"], spec.OutputArguments(threads: 4));
        var gif = Assert.IsType<GifPreset>(spec.Video);
        Assert.Equal((15, 640, "diff", "bayer", 4), (gif.MaxFramesPerSecond, gif.MaxWidth, gif.PaletteStatsMode, gif.Dither, gif.BayerScale));
        Assert.Equal(spec.Video, OutputSpecs.For(OutputFormat.Gif, OutputQuality.High).Video);
        Assert.Equal(".gif", OutputFormat.Gif.Extension());
    }
}
