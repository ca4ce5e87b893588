using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Process;

namespace Cutroom.FFmpeg.Tests.Runner;

public class CapabilitiesTests
{
    [Fact]
    public async Task This_machines_ffmpeg_has_everything_cutroom_needs()
    {
        var caps = await FFmpegCapabilities.CheckAsync(FFmpegTools.Locate());

        Assert.NotNull(caps.Version);
        Assert.True(caps.Version >= new Version(5, 1), caps.VersionText);
        Assert.Contains("libx264", caps.Encoders);
        Assert.Contains("aac", caps.Encoders);
        Assert.Contains("xfade", caps.Filters);
        Assert.Contains("drawtext", caps.Filters);
        Assert.Contains("subtitles", caps.Filters);
        Assert.DoesNotContain("=", caps.Filters);        // legend lines are not filters
        Assert.DoesNotContain("------", caps.Encoders);
        Assert.True(caps.Encoders.Count > 50 && caps.Filters.Count > 100, $"{caps.Encoders.Count} encoders, {caps.Filters.Count} filters");
    }

    [Fact]
    public async Task Capabilities_are_read_once_per_ffmpeg()
    {
        var tools = FFmpegTools.Locate();
        var first = await FFmpegCapabilities.DetectAsync(tools);
        var second = await FFmpegCapabilities.DetectAsync(tools);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_missing_encoder_and_filter_are_named_in_one_line_with_an_install_hint()
    {
        var ex = await Assert.ThrowsAsync<ToolMissingException>(() =>
            FFmpegCapabilities.CheckAsync(FFmpegTools.Locate(), ["libx264", "no_such_encoder"], ["xfade", "no_such_filter"]));

        Assert.Contains("encoder no_such_encoder", ex.Message, StringComparison.Ordinal);
        Assert.Contains("filter no_such_filter", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("libx264", ex.Message.Split(';')[0], StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install -y ffmpeg", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_minimal_build_is_told_which_configure_options_it_lacks()
    {
        var minimal = new FFmpegCapabilities("5.1.2", ["aac", "mjpeg", "png"], ["scale", "xfade"]);

        var ex = Assert.Throws<ToolMissingException>(() => minimal.EnsureAvailable(["libx264", "aac"], ["drawtext", "subtitles", "scale"]));

        Assert.Equal(["encoder libx264", "filter drawtext", "filter subtitles"], minimal.Missing(["libx264", "aac"], ["drawtext", "subtitles", "scale"]));
        Assert.Contains("encoder libx264 (needs --enable-gpl --enable-libx264)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("filter drawtext (needs --enable-libfreetype)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("filter subtitles (needs --enable-libass)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4.4.2-0ubuntu0.22.04.1", false)]
    [InlineData("5.0.3", false)]
    [InlineData("5.1.9-0+deb12u1", true)]
    [InlineData("n7.1", true)]
    [InlineData("N-112233-gabcdef0-static", true)]
    public void Versions_older_than_5_1_are_refused(string version, bool accepted)
    {
        var caps = new FFmpegCapabilities(version, ["libx264"], ["xfade"]);
        var ex = Record.Exception(() => caps.EnsureAvailable(["libx264"], ["xfade"]));
        if (accepted) Assert.Null(ex);
        else Assert.Contains("too old", Assert.IsType<ToolMissingException>(ex).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encoder_and_filter_lists_are_parsed_from_ffmpegs_layout()
    {
        string[] encoders = ["Encoders:", " V..... = Video", " A..... = Audio", " ------", " V....D libx264              libx264 H.264 (codec h264)", " A..... aac                  AAC (Advanced Audio Coding)"];
        string[] filters = ["Filters:", "  T.. = Timeline support", "  A = Audio input/output", "  | = Source or sink filter", " T.C drawtext          V->V       Draw text.", " .S. xfade             VV->V      Cross fade.", " ... amovie            |->N       Read audio."];

        Assert.Equal(["libx264", "aac"], FFmpegCapabilities.ParseEncoders(encoders));
        Assert.Equal(["drawtext", "xfade", "amovie"], FFmpegCapabilities.ParseFilters(filters));
        Assert.Equal("5.1.9-0+deb12u1", FFmpegCapabilities.ParseVersionLine(["ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers", "built with gcc 12"]));
    }
}
