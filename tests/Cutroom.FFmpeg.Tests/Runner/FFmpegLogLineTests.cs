using Cutroom.FFmpeg.Process;

namespace Cutroom.FFmpeg.Tests.Runner;

[Trait("Tier", "Fast")]
public class FFmpegLogLineTests
{
    [Theory]
    [InlineData("[h264 @ 0x5632be14ef00] [error] decode_slice_header error", "h264", "error", "decode_slice_header error")]
    [InlineData("[error] /x/y.mp4: No such file or directory", null, "error", "/x/y.mp4: No such file or directory")]
    [InlineData("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x56125c7e7280] moov atom not found", "mov,mp4,m4a,3gp,3g2,mj2", null, "moov atom not found")]
    [InlineData("[warning] [aac @ 0x1] Queue input is backward in time", "aac", "warning", "Queue input is backward in time")]
    [InlineData("[info] [Parsed_showinfo_0 @ 0x55] n:   0 pts:      0", "Parsed_showinfo_0", "info", "n:   0 pts:      0")]
    [InlineData("[fatal] Conversion failed!", null, "fatal", "Conversion failed!")]
    [InlineData("plain text [not a prefix]", null, null, "plain text [not a prefix]")]
    [InlineData("[abc] text", null, null, "[abc] text")]
    public void A_stderr_line_splits_into_component_level_and_text(string line, string? component, string? level, string text)
    {
        Assert.Equal(new FFmpegLogLine(component, level, text), FFmpegLogLine.Parse(line));
    }

    [Fact]
    public void Errors_and_warnings_are_told_apart()
    {
        Assert.True(FFmpegLogLine.Parse("[h264 @ 0x1] [error] x").IsError);
        Assert.True(FFmpegLogLine.Parse("[fatal] x").IsError);
        Assert.False(FFmpegLogLine.Parse("[warning] x").IsError);
        Assert.True(FFmpegLogLine.Parse("[warning] x").IsWarning);
        Assert.Equal("h264: x", FFmpegLogLine.Parse("[h264 @ 0x1] [error] x").Display);
    }
}
