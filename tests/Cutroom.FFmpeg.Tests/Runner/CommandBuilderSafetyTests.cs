using Cutroom.FFmpeg.Process;

namespace Cutroom.FFmpeg.Tests.Runner;

public class CommandBuilderSafetyTests
{
    public static TheoryData<string> Commands => new() { "one file", "two files with options", "lavfi and file", "graph and two outputs", "lavfi only" };

    private static FFmpegCommand Build(string kind) => kind switch
    {
        "one file" => new FFmpegCommandBuilder().Input("a.mp4").Output("b.mp4").Build(),
        "two files with options" => new FFmpegCommandBuilder().Overwrite()
            .Input("a.mp4", new InputOptions { Demuxer = "mov", Threads = 2, SeekUs = 1_500_000, DurationUs = 2_000_000, SkipNonKeyFrames = true, Extra = ["-r", "25"] })
            .Input("/tmp/b c.mkv", new InputOptions { Demuxer = "matroska", AutoRotate = false, AccurateSeek = false })
            .Output("out.mp4", "-map", "0:v", "-map", "1:a", "-c:v", "libx264").Build(),
        "lavfi and file" => new FFmpegCommandBuilder().LavfiInput("color=c=black:s=320x240:d=1").Input("-x.png").NullOutput().Build(),
        "graph and two outputs" => new FFmpegCommandBuilder().Input("a.mp4").FilterComplex("[0:v]split[a][b]")
            .Output("a.jpg", "-map", "[a]").Output("-", "-map", "[b]", "-f", "image2pipe").Build(),
        "lavfi only" => new FFmpegCommandBuilder().LavfiInput("sine=d=1").Output("s.wav").Build(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_starts_quiet_without_stdin_and_whitelists_protocols_before_every_input(string kind)
    {
        var args = Build(kind).Arguments;

        Assert.Equal(["-hide_banner", "-nostdin", "-nostats", "-progress", "pipe:1"], args.Take(5));
        var inputs = Enumerable.Range(0, args.Count).Where(i => args[i] == "-i").ToList();
        Assert.NotEmpty(inputs);
        var groupStart = 0;
        foreach (var i in inputs)
        {
            // The input's own options run from the previous input's path to this -i.
            var group = args.Skip(groupStart).Take(i - groupStart).ToList();
            var w = group.LastIndexOf("-protocol_whitelist");
            Assert.True(w >= 0, $"input at {i} has no -protocol_whitelist in: {string.Join(' ', group)}");
            Assert.Equal("file,pipe", group[w + 1]);
            var path = args[i + 1];
            Assert.True(path.StartsWith("file:/", StringComparison.Ordinal) || group.Contains("lavfi"), $"input '{path}' is not an absolute file: URL");
            groupStart = i + 2;
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_output_path_is_an_absolute_file_url_or_a_pipe(string kind)
    {
        var args = Build(kind).Arguments;
        var last = args[^1];
        Assert.True(last.StartsWith("file:/", StringComparison.Ordinal) || last is "pipe:1" or "-", $"output '{last}'");
    }

    [Fact]
    public void A_forced_demuxer_is_also_the_only_whitelisted_format()
    {
        var args = new FFmpegCommandBuilder().Input("a.mkv", new InputOptions { Demuxer = "matroska" }).NullOutput().Build().Arguments.ToList();
        var f = args.IndexOf("-f");
        Assert.Equal(["-f", "matroska", "-format_whitelist", "matroska"], args.Skip(f).Take(4));
    }

    [Fact]
    public void An_input_smuggled_in_as_a_raw_option_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new FFmpegCommandBuilder().Global("-i", "http://example.com/x.mp4").Input("a.mp4").NullOutput().Build());
        Assert.Throws<InvalidOperationException>(() => new FFmpegCommandBuilder().Input("a.mp4", new InputOptions { Extra = ["-i", "b.mp4"] }).NullOutput().Build());
    }

    [Fact]
    public async Task A_whitelisted_lavfi_input_still_runs()
    {
        using var dir = new TempDir();
        var cmd = new FFmpegCommandBuilder().LavfiInput("testsrc2=size=64x48:rate=5:duration=1").Output(dir.File("x.mp4"), "-c:v", "libx264").Build();
        await Clips.Runner().RunAsync(cmd);
        Assert.True(new FileInfo(dir.File("x.mp4")).Length > 0);
    }
}
