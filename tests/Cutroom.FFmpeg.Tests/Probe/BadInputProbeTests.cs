using Cutroom.Contract.Errors;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;

namespace Cutroom.FFmpeg.Tests.Probe;

/// <summary>Bad inputs for the probe, each made in a fresh folder by <see cref="Make"/>.</summary>
public class BadInputProbeTests
{
    private static readonly MediaProber Prober = new(FFmpegTools.Locate());

    public static TheoryData<string, string> Cases => new()
    {
        { "missing", "'missing.mp4' was not found (no such file)" },
        { "dangling link", "'link.mp4' was not found (no such file)" },
        { "empty", "'empty.mp4' is empty (0 bytes)" },
        { "text", "'notes.mp4' is not a supported media file" },
        { "hls", "'playlist.mp4' is an HLS playlist, not a media file" },
        { "ffconcat", "'list.mp4' is an ffconcat list, not a media file" },
        { "truncated", "'truncated.mp4' is not readable media: " },
        { "folder", "'folder.mp4' is a folder, not a media file" },
    };

    /// <summary>Writes the bad input <paramref name="kind"/> into <paramref name="dir"/> and returns its path.</summary>
    public static string Make(string kind, TempDir dir)
    {
        switch (kind)
        {
            case "missing":
                return dir.File("missing.mp4");
            case "dangling link":
                // A link whose target is gone (the server names stored files by links): File.Exists sees the link.
                File.CreateSymbolicLink(dir.File("link.mp4"), dir.File("gone.mp4"));
                return dir.File("link.mp4");
            case "empty":
                File.WriteAllBytes(dir.File("empty.mp4"), []);
                return dir.File("empty.mp4");
            case "text":
                File.WriteAllText(dir.File("notes.mp4"), "These are my notes, not a video.\n");
                return dir.File("notes.mp4");
            case "hls":
                File.WriteAllText(dir.File("playlist.mp4"), "#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n");
                return dir.File("playlist.mp4");
            case "ffconcat":
                File.WriteAllText(dir.File("list.mp4"), "ffconcat version 1.0\nfile /etc/passwd\n");
                return dir.File("list.mp4");
            case "truncated":
                var bytes = File.ReadAllBytes(TestMedia.Real("video/cockatoo.mp4"));
                File.WriteAllBytes(dir.File("truncated.mp4"), bytes[..3000]);
                return dir.File("truncated.mp4");
            case "folder":
                return Directory.CreateDirectory(dir.File("folder.mp4")).FullName;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gives_a_probe_exception_with_one_clear_line(string kind, string expectedStart)
    {
        using var dir = new TempDir();
        var path = Make(kind, dir);

        var ex = await Assert.ThrowsAsync<MediaProbeException>(() => Prober.ProbeAsync(path));

        Assert.StartsWith(expectedStart, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.DoesNotContain(dir.Path, ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 250, ex.Message);
    }

    [Fact]
    public async Task A_file_with_neither_audio_nor_video_is_refused()
    {
        var ex = await Assert.ThrowsAsync<MediaProbeException>(() => Prober.ProbeAsync(Clips.SubtitlesOnly()));
        Assert.Equal("'subtitles-only.mp4' has no audio or video stream (only subtitle mov_text)", ex.Message);
    }

    [Fact]
    public async Task A_truncated_mp4_says_what_is_wrong_with_it()
    {
        using var dir = new TempDir();
        var ex = await Assert.ThrowsAsync<MediaProbeException>(() => Prober.ProbeAsync(Make("truncated", dir)));
        Assert.Equal("'truncated.mp4' is not readable media: Invalid data found when processing input (moov atom not found)", ex.Message);
    }
}
