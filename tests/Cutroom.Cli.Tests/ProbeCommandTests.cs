using System.Text.Json;

namespace Cutroom.Cli.Tests;

public class ProbeCommandTests
{
    [Fact]
    public void Probe_json_parses_and_gives_duration_and_streams()
    {
        var (code, stdout, stderr) = CutroomCli.Run("probe", TestMedia.Real("video/cockatoo.mp4"), "--json");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(14000, root.GetProperty("duration_ms").GetInt64());
        Assert.Equal("mp4", root.GetProperty("container").GetString());
        var streams = root.GetProperty("streams").EnumerateArray().ToList();
        Assert.Equal(2, streams.Count);
        Assert.Equal("video", streams[0].GetProperty("type").GetString());
        Assert.Equal("h264", streams[0].GetProperty("codec").GetString());
        Assert.Equal(1280, streams[0].GetProperty("width").GetInt32());
        Assert.Equal(280, streams[0].GetProperty("frame_count").GetInt32());
        Assert.Equal("20/1", streams[0].GetProperty("average_frame_rate").GetString());
        Assert.Equal("audio", streams[1].GetProperty("type").GetString());
        Assert.Equal("mp3", streams[1].GetProperty("codec").GetString());
        Assert.Equal(16000, streams[1].GetProperty("sample_rate_hz").GetInt32());
    }

    [Fact]
    public void Probe_table_names_codecs_size_and_duration()
    {
        var (code, stdout, stderr) = CutroomCli.Run("probe", TestMedia.Real("video/cockatoo.mp4"));

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Contains("h264", stdout, StringComparison.Ordinal);
        Assert.Contains("1280x720", stdout, StringComparison.Ordinal);
        Assert.Contains("mp3, 16000 Hz", stdout, StringComparison.Ordinal);
        Assert.Contains("14000 ms", stdout, StringComparison.Ordinal);
        Assert.Contains("DAR 16/9", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_of_a_rotated_phone_style_clip_shows_the_turn_and_display_size()
    {
        var clip = TestMedia.Generate("cli-clip.mp4", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=1", "-c:v", "libx264", "-preset", "ultrafast");
        var rotated = TestMedia.Generate("cli-rotated.mp4", "-i", clip, "-c", "copy", "-metadata:s:v:0", "rotate=90");

        var (code, stdout, _) = CutroomCli.Run("probe", rotated, "--json");

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var video = doc.RootElement.GetProperty("video");
        Assert.Equal(90, Math.Abs(video.GetProperty("rotation_degrees").GetInt32()));
        Assert.Equal(240, video.GetProperty("display_width").GetInt32());
        Assert.Equal(320, video.GetProperty("display_height").GetInt32());
    }

    [Fact]
    public void The_damaged_screencast_probes_with_exit_code_0()
    {
        var (code, stdout, stderr) = CutroomCli.Run("probe", TestMedia.Real("video/tour-screencast.mp4"), "--json");

        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(270, doc.RootElement.GetProperty("video").GetProperty("frame_count").GetInt32());
    }

    [Fact]
    public void A_file_named_with_a_leading_dash_and_unicode_is_probed_after_a_double_dash()
    {
        using var dir = new TempDir();
        var name = dir.File("-中文 clip 🎬.mp4");
        File.Copy(TestMedia.Real("video/realshort.mp4"), name);

        var (code, stdout, stderr) = CutroomCli.Run("probe", "--json", "--", name);

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(name, doc.RootElement.GetProperty("path").GetString());
    }

    public static TheoryData<string, string, int> BadInputs => new()
    {
        { "missing", "not_found", 2 },
        { "empty", "unsupported_media", 2 },
        { "text", "unsupported_media", 2 },
        { "hls", "unsupported_media", 2 },
        { "ffconcat", "unsupported_media", 2 },
        { "truncated", "media_unreadable", 1 },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_with_one_line_on_stderr_and_with_json_the_coded_error_on_stdout(string kind, string errorCode, int exitCode)
    {
        using var dir = new TempDir();
        var path = BadInput.Make(kind, dir);

        foreach (var json in new[] { false, true })
        {
            var (code, stdout, stderr) = json ? CutroomCli.Run("probe", path, "--json") : CutroomCli.Run("probe", path);

            Assert.Equal(exitCode, code);
            if (json)
            {
                using var doc = JsonDocument.Parse(stdout);
                Assert.Equal(errorCode, doc.RootElement.GetProperty("error").GetProperty("code").GetString());
            }
            else
            {
                Assert.Equal("", stdout);
            }
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(lines.Length == 1, $"stderr has {lines.Length} lines:\n{stderr}");
            Assert.StartsWith("cutroom: '" + Path.GetFileName(path) + "'", lines[0], StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(dir.Path, stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(dir.Path, stdout, StringComparison.Ordinal);
        }
    }
}
