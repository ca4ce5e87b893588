using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;
using Cutroom.Contract.Time;

namespace Cutroom.FFmpeg.Tests.Probe;

public class RealMediaProbeTests
{
    private static readonly MediaProber Prober = new(FFmpegTools.Locate());

    public static TheoryData<string> AllRealMedia()
    {
        var data = new TheoryData<string>();
        foreach (var name in TestMedia.AllReal()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllRealMedia))]
    public async Task Every_real_media_file_probes_with_sane_values(string name)
    {
        var info = await Prober.ProbeAsync(TestMedia.Real(name));

        Assert.Equal(new FileInfo(TestMedia.Real(name)).Length, info.SizeBytes);
        Assert.NotEmpty(info.Streams);
        if (info.IsStillImage) Assert.Null(info.DurationMs);
        else Assert.True(info.DurationMs > 0, $"duration {info.DurationMs}");
        foreach (var v in info.Streams.OfType<VideoStreamInfo>())
        {
            Assert.True(v.Width > 0 && v.Height > 0, $"size {v.Width}x{v.Height}");
            Assert.False(string.IsNullOrEmpty(v.PixelFormat));
            if (!info.IsStillImage)
            {
                Assert.True(v.FrameRate.IsPositive, $"frame rate {v.FrameRate}");
                Assert.True(v.FrameCount > 0, $"frame count {v.FrameCount}");
                Assert.NotNull(v.IsVariableFrameRate);
            }
        }
        foreach (var a in info.Streams.OfType<AudioStreamInfo>())
        {
            Assert.True(a.SampleRateHz > 0, $"sample rate {a.SampleRateHz}");
            Assert.True(a.Channels > 0, $"channels {a.Channels}");
        }

        var folder = name.Split('/')[0];
        switch (folder)
        {
            case "video": Assert.NotNull(info.Video); Assert.False(info.IsStillImage); break;
            case "audio": Assert.Null(info.Video); Assert.NotNull(info.Audio); break;
            case "image": Assert.NotNull(info.Video); Assert.Null(info.Audio); break;
        }
        if (name.EndsWith(".jpg", StringComparison.Ordinal) || name.EndsWith(".png", StringComparison.Ordinal)) Assert.True(info.IsStillImage);
    }

    [Fact]
    public async Task Cockatoo_is_280_frames_of_h264_at_20_fps_with_mp3_audio_over_14_seconds()
    {
        var info = await Prober.ProbeAsync(TestMedia.Real("video/cockatoo.mp4"));

        Assert.Equal(ContainerFormat.Mp4, info.Container);
        Assert.Equal(14000, info.DurationMs);
        var v = info.Video!;
        Assert.Equal("h264", v.Codec);
        Assert.Equal(1280, v.Width);
        Assert.Equal(720, v.Height);
        Assert.Equal(new Rational(16, 9), v.DisplayAspectRatio);
        Assert.Equal(new Rational(20, 1), v.AverageFrameRate);
        Assert.Equal(new Rational(20, 1), v.RealFrameRate);
        Assert.Equal(280, v.FrameCount);
        Assert.Equal(14000, v.DurationMs);
        Assert.False(v.IsVariableFrameRate);
        Assert.Equal(0, v.RotationDegrees);
        Assert.False(v.IsHdr);
        Assert.Equal("mp3", info.Audio!.Codec);
        Assert.Equal(16000, info.Audio.SampleRateHz);
        Assert.Equal(1, info.Audio.Channels);
    }

    [Fact]
    public async Task Cockatoos_packet_index_matches_its_frames()
    {
        var info = await Prober.ProbeAsync(TestMedia.Real("video/cockatoo.mp4"), measureFrames: false);
        var index = await Prober.ScanPacketsAsync(info);

        Assert.True(index.IsComplete);
        Assert.Equal(280, index.Count);
        Assert.Equal(0, index.PtsUs(0));
        Assert.Equal(50_000, index.PtsUs(1));      // 20 fps
        Assert.Equal(13_950_000, index.PtsUs(279));
        Assert.True(index.Packets[0].IsKeyframe);
        Assert.Equal(100, index.FrameAt(5_000_000));
    }

    [Fact]
    public async Task The_damaged_tour_screencast_still_probes()
    {
        var info = await Prober.ProbeAsync(TestMedia.Real("video/tour-screencast.mp4"));

        Assert.Equal("h264", info.Video!.Codec);
        Assert.Equal(11333, info.DurationMs!.Value, 50.0);
        // 272 packets, of which the container marks 2 to discard: a decode gives 270 frames.
        Assert.Equal(270, info.Video.FrameCount);
        Assert.True(info.Video.Width > 0);
    }
}
