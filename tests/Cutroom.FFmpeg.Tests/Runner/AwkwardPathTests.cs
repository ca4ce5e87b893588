using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;

namespace Cutroom.FFmpeg.Tests.Runner;

public class AwkwardPathTests
{
    public static TheoryData<string> Names => new()
    {
        "my clip with spaces.mp4",
        "it's a \"quoted\" clip.mp4",
        "中文 视频.mp4",
        "party 🎉🎬.mp4",
        "-clip.mp4",
        "-i.mp4",
        "concat:x|y.mp4",
        "http:example.com.mp4",
        "100%d $HOME `x` ;.mp4",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task A_file_with_an_awkward_name_is_read_and_written_as_a_local_file(string name)
    {
        using var dir = new TempDir();
        var input = dir.File(name);
        File.Copy(Clips.TwoSeconds(), input);
        var output = dir.File("out " + name);
        var prober = new MediaProber(FFmpegTools.Locate());

        var info = await prober.ProbeAsync(input);
        var cmd = new FFmpegCommandBuilder().Overwrite()
            .Input(input, new InputOptions { Demuxer = info.Container.Demuxer() })
            .Output(output, "-c", "copy")
            .Build();
        await Clips.Runner().RunAsync(cmd);

        Assert.Equal(50, info.Video!.FrameCount);
        var copy = await prober.ProbeAsync(output);
        Assert.Equal(50, copy.Video!.FrameCount);
        Assert.Equal(2000, copy.DurationMs!.Value, 50.0);
        Assert.Equal(new HashSet<string?> { name, "out " + name }, Directory.GetFiles(dir.Path).Select(Path.GetFileName).ToHashSet());
    }

    [Theory]
    [InlineData("concat:x|y.mp4")]
    [InlineData("http:example.com/clip.mp4")]
    [InlineData("-clip.mp4")]
    [InlineData("subfile:,,start,0,end,0,:clip.mp4")]
    public void A_relative_name_becomes_an_absolute_file_url(string name)
    {
        var arg = MediaPath.ForFFmpeg(name);
        Assert.Equal("file:" + Path.Combine(Environment.CurrentDirectory, name), arg);
        Assert.StartsWith("file:/", arg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_name_that_looks_like_a_protocol_is_read_from_the_working_folder()
    {
        // The name ffmpeg would otherwise read as the concat protocol joining files "x" and "y.mp4".
        var name = $"concat:x|y-{Guid.NewGuid():N}.mp4";
        var local = Path.Combine(Environment.CurrentDirectory, name);
        File.Copy(Clips.TwoSeconds(), local);
        using var dir = new TempDir();
        try
        {
            var cmd = new FFmpegCommandBuilder().Input(name, new InputOptions { Demuxer = "mov" }).Output(dir.File("out.mp4"), "-c", "copy").Build();
            await Clips.Runner().RunAsync(cmd);
            var copy = await new MediaProber(FFmpegTools.Locate()).ProbeAsync(dir.File("out.mp4"));
            Assert.Equal(50, copy.Video!.FrameCount);
        }
        finally { File.Delete(local); }
    }
}
