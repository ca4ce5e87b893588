using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;
using Cutroom.Contract.Time;

namespace Cutroom.FFmpeg.Tests.Probe;

public class GeneratedMediaProbeTests
{
    private static readonly MediaProber Prober = new(FFmpegTools.Locate());

    [Fact]
    public async Task A_constant_rate_clip_is_not_reported_as_vfr()
    {
        var info = await Prober.ProbeAsync(Clips.TwoSeconds());

        var v = info.Video!;
        Assert.False(v.IsVariableFrameRate);
        Assert.Equal(new Rational(25, 1), v.AverageFrameRate);
        Assert.Equal(50, v.FrameCount);
        Assert.Equal(2000, info.DurationMs!.Value, 30.0);
        Assert.Equal((320, 240), (v.Width, v.Height));
        Assert.Equal("aac", info.Audio!.Codec);
    }

    [Fact]
    public async Task A_clip_of_25_fps_then_10_fps_is_reported_as_vfr()
    {
        var info = await Prober.ProbeAsync(Clips.VariableFrameRate());

        // 25 frames 40 ms apart, then 10 frames 100 ms apart. The mp4 muxer does not know the
        // last frame's duration, so its edit list ends at 1.9 s and the demuxer drops that frame:
        // a decode gives 34 frames, and the count is what a decode gives.
        var v = info.Video!;
        Assert.True(v.IsVariableFrameRate);
        Assert.Equal(34, v.FrameCount);
        Assert.Equal(1900, info.DurationMs);
        Assert.NotEqual(v.AverageFrameRate, v.RealFrameRate);
    }

    [Fact]
    public async Task A_rotated_clip_reports_a_quarter_turn_and_a_swapped_display_size()
    {
        var info = await Prober.ProbeAsync(Clips.Rotated());

        var v = info.Video!;
        Assert.Equal(90, Math.Abs(v.RotationDegrees));
        Assert.True(v.IsQuarterTurn);
        Assert.Equal((320, 240), (v.Width, v.Height));
        Assert.Equal((240, 320), (v.DisplayWidth, v.DisplayHeight));
        Assert.Equal(50, v.FrameCount);
    }

    [Fact]
    public async Task An_unrotated_clip_reports_no_rotation()
    {
        var v = (await Prober.ProbeAsync(Clips.TwoSeconds())).Video!;
        Assert.Equal(0, v.RotationDegrees);
        Assert.Equal((320, 240), (v.DisplayWidth, v.DisplayHeight));
    }

    [Theory]
    [InlineData("wav", ContainerFormat.Wav, "pcm_s16le", 2)]
    [InlineData("mkv", ContainerFormat.Matroska, "opus", 1)]
    public async Task Audio_only_files_have_no_video_and_a_duration(string kind, ContainerFormat container, string codec, int channels)
    {
        var info = await Prober.ProbeAsync(kind == "wav" ? Clips.AudioWav() : Clips.AudioMkv());

        Assert.Equal(container, info.Container);
        Assert.Null(info.Video);
        Assert.False(info.IsStillImage);
        Assert.Equal(2000, info.DurationMs!.Value, 30.0);
        Assert.Equal(codec, info.Audio!.Codec);
        Assert.Equal(48000, info.Audio.SampleRateHz);
        Assert.Equal(channels, info.Audio.Channels);
    }

    [Theory]
    [InlineData("jpg", ContainerFormat.Jpeg, "mjpeg")]
    [InlineData("png", ContainerFormat.Png, "png")]
    public async Task An_image_is_a_still_with_no_duration(string extension, ContainerFormat container, string codec)
    {
        var info = await Prober.ProbeAsync(Clips.Still(extension));

        Assert.Equal(container, info.Container);
        Assert.True(info.IsStillImage);
        Assert.Null(info.DurationMs);
        Assert.Null(info.Audio);
        Assert.Equal(codec, info.Video!.Codec);
        Assert.Equal((320, 240), (info.Video.Width, info.Video.Height));
    }

    [Theory]
    [InlineData("mp4")]
    [InlineData("mkv")]
    public async Task Chapters_are_listed_with_titles_and_milliseconds(string extension)
    {
        var info = await Prober.ProbeAsync(Clips.WithChapters(extension));

        Assert.Equal([new ChapterInfo(0, 0, 1000, "Intro"), new ChapterInfo(1, 1000, 2000, "Middle part")], info.Chapters);
        Assert.Equal(50, info.Video!.FrameCount);
    }

    [Theory]
    [InlineData("mp4")]
    [InlineData("mkv")]
    public async Task The_creation_time_tag_is_parsed(string extension)
    {
        var info = await Prober.ProbeAsync(Clips.WithChapters(extension));

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 34, 56, TimeSpan.Zero), info.CreationTime);
        Assert.Equal("Demo", info.Tags["title"]);
        Assert.Equal("+48.8577+002.2950/", info.Location);
    }

    [Fact]
    public async Task A_cancelled_probe_throws_operation_canceled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Prober.ProbeAsync(Clips.TwoSeconds(), cancellationToken: cts.Token));
    }

    [Fact]
    public async Task A_file_without_a_creation_time_has_none()
    {
        var info = await Prober.ProbeAsync(Clips.AudioWav());
        Assert.Null(info.CreationTime);
        Assert.Empty(info.Chapters);
    }
}
