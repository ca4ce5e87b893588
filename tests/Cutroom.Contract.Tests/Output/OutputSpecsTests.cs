using Cutroom.Contract.Output;

namespace Cutroom.Contract.Tests.Output;

/// <summary>The one encoding table: every format and quality to its exact ffmpeg output options.</summary>
[Trait("Tier", "Fast")]
public class OutputSpecsTests
{
    [Theory]
    [InlineData(OutputFormat.Mp4, OutputQuality.Low, "-c:v libx264 -preset veryfast -crf 28 -profile:v high -pix_fmt yuv420p -c:a aac -b:a 96k -ar 48000 -movflags +faststart -f mp4")]
    [InlineData(OutputFormat.Mp4, OutputQuality.Medium, "-c:v libx264 -preset fast -crf 23 -profile:v high -pix_fmt yuv420p -c:a aac -b:a 128k -ar 48000 -movflags +faststart -f mp4")]
    [InlineData(OutputFormat.Mp4, OutputQuality.High, "-c:v libx264 -preset medium -crf 18 -profile:v high -pix_fmt yuv420p -c:a aac -b:a 192k -ar 48000 -movflags +faststart -f mp4")]
    [InlineData(OutputFormat.Mov, OutputQuality.Low, "-c:v libx264 -preset veryfast -crf 28 -profile:v high -pix_fmt yuv420p -c:a aac -b:a 96k -ar 48000 -movflags +faststart -f mov")]
    [InlineData(OutputFormat.Mov, OutputQuality.Medium, "-c:v libx264 -preset fast -crf 23 -profile:v high -pix_fmt yuv420p -c:a aac -b:a 128k -ar 48000 -movflags +faststart -f mov")]
    [InlineData(OutputFormat.Mov, OutputQuality.High, "-c:v libx264 -preset medium -crf 18 -profile:v high -pix_fmt yuv420p -c:a aac -b:a 192k -ar 48000 -movflags +faststart -f mov")]
    [InlineData(OutputFormat.Webm, OutputQuality.Low, "-c:v libvpx-vp9 -crf 40 -b:v 0 -deadline good -cpu-used 5 -row-mt 1 -pix_fmt yuv420p -c:a libopus -b:a 64k -ar 48000 -f webm")]
    [InlineData(OutputFormat.Webm, OutputQuality.Medium, "-c:v libvpx-vp9 -crf 33 -b:v 0 -deadline good -cpu-used 4 -row-mt 1 -pix_fmt yuv420p -c:a libopus -b:a 96k -ar 48000 -f webm")]
    [InlineData(OutputFormat.Webm, OutputQuality.High, "-c:v libvpx-vp9 -crf 28 -b:v 0 -deadline good -cpu-used 2 -row-mt 1 -pix_fmt yuv420p -c:a libopus -b:a 128k -ar 48000 -f webm")]
    public void Each_format_and_quality_has_exactly_these_output_options(OutputFormat format, OutputQuality quality, string expected)
    {
        var spec = OutputSpecs.For(format, quality);
        Assert.Equal((format, quality), (spec.Format, spec.Quality));
        Assert.Equal(expected.Split(' '), spec.OutputArguments(threads: null));
    }

    [Fact]
    public void The_default_is_mp4_medium_h264_high_and_aac_128k_at_48_khz()
    {
        var spec = OutputSpecs.For(OutputFormat.Mp4);
        var video = Assert.IsType<X264Preset>(spec.Video);
        Assert.Equal(("h264", "libx264", "fast", 23, "high", "High", "yuv420p"),
            (video.Codec, video.Encoder, video.Speed, video.Crf, video.Profile, video.ProbedProfile, video.PixelFormat));
        Assert.Equal(new AudioCodecPreset("aac", "aac", 128, 48_000), spec.Audio);
        Assert.Equal(["-movflags", "+faststart", "-f", "mp4"], spec.ContainerArguments());
    }

    [Fact]
    public void Threads_follow_the_video_options_and_an_output_without_audio_has_no_audio_options()
    {
        var args = OutputSpecs.For(OutputFormat.Mp4, OutputQuality.Medium).OutputArguments(threads: 2, withAudio: false);
        Assert.Equal("-c:v libx264 -preset fast -crf 23 -profile:v high -pix_fmt yuv420p -threads 2 -movflags +faststart -f mp4".Split(' '), args);
        Assert.DoesNotContain("-threads", OutputSpecs.For(OutputFormat.Webm).OutputArguments(threads: 0));
    }

    [Theory]
    [InlineData(OutputFormat.Mp4, OutputQuality.Low, "-c:v libx264 -preset superfast -crf 26 -profile:v high -pix_fmt yuv420p -c:a aac -b:a 96k -ar 48000 -movflags +faststart -f mp4")]
    [InlineData(OutputFormat.Mp4, OutputQuality.Medium, "-c:v libx264 -preset superfast -crf 22 -profile:v high -pix_fmt yuv420p -c:a aac -b:a 128k -ar 48000 -movflags +faststart -f mp4")]
    [InlineData(OutputFormat.Mp4, OutputQuality.High, "-c:v libx264 -preset veryfast -crf 18 -profile:v high -pix_fmt yuv420p -c:a aac -b:a 192k -ar 48000 -movflags +faststart -f mp4")]
    [InlineData(OutputFormat.Mov, OutputQuality.Medium, "-c:v libx264 -preset superfast -crf 22 -profile:v high -pix_fmt yuv420p -c:a aac -b:a 128k -ar 48000 -movflags +faststart -f mov")]
    public void A_draft_render_has_its_own_measured_h264_settings(OutputFormat format, OutputQuality quality, string expected)
    {
        var spec = OutputSpecs.ForRender(format, quality);
        Assert.Equal((format, quality), (spec.Format, spec.Quality));
        Assert.Equal(expected.Split(' '), spec.OutputArguments(threads: null));
    }

    [Theory]
    [InlineData(OutputFormat.Webm, OutputQuality.Low)]
    [InlineData(OutputFormat.Webm, OutputQuality.High)]
    [InlineData(OutputFormat.Gif, OutputQuality.Medium)]
    public void A_draft_render_to_webm_or_gif_uses_the_table_of_jobs_on_media(OutputFormat format, OutputQuality quality) =>
        Assert.Equal(OutputSpecs.For(format, quality), OutputSpecs.ForRender(format, quality));

    [Fact]
    public void The_draft_render_default_is_mp4_medium_and_an_undefined_quality_is_refused()
    {
        Assert.Equal(OutputSpecs.ForRender(OutputFormat.Mp4, OutputQuality.Medium), OutputSpecs.ForRender(OutputFormat.Mp4));
        Assert.Throws<ArgumentOutOfRangeException>(() => OutputSpecs.ForRender(OutputFormat.Mp4, (OutputQuality)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => OutputSpecs.ForRender((OutputFormat)99));
    }

    [Fact]
    public void A_tune_follows_the_preset_and_none_writes_no_tune_option()
    {
        var tuned = new X264Preset { Crf = 22, Speed = "superfast", Tune = "animation" };
        Assert.Equal("-c:v libx264 -preset superfast -tune animation -crf 22 -profile:v high -pix_fmt yuv420p".Split(' '), tuned.Arguments(threads: null));
        Assert.DoesNotContain("-tune", new X264Preset { Crf = 22, Speed = "superfast" }.Arguments(threads: 2));
    }

    [Fact]
    public void The_preview_is_a_fast_low_quality_mp4_with_96k_aac()
    {
        var spec = OutputSpecs.Preview;
        Assert.Equal((OutputFormat.Mp4, OutputQuality.Low), (spec.Format, spec.Quality));
        Assert.Equal("-c:v libx264 -preset superfast -crf 28 -profile:v high -pix_fmt yuv420p -c:a aac -b:a 96k -ar 48000 -movflags +faststart -f mp4".Split(' '),
            spec.OutputArguments(threads: null));
    }

    [Theory]
    [InlineData(OutputFormat.Mp4, ".mp4", "mp4")]
    [InlineData(OutputFormat.Mov, ".mov", "mov")]
    [InlineData(OutputFormat.Webm, ".webm", "webm")]
    public void Each_format_has_its_extension_and_muxer(OutputFormat format, string extension, string muxer) =>
        Assert.Equal((extension, muxer), (format.Extension(), format.Muxer()));

    [Fact]
    public void An_undefined_format_or_quality_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OutputSpecs.For((OutputFormat)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => OutputSpecs.For(OutputFormat.Mp4, (OutputQuality)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => OutputSpecs.For(OutputFormat.Webm, (OutputQuality)99));
    }
}
