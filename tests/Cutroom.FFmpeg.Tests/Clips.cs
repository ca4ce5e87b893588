using Cutroom.FFmpeg.Process;

namespace Cutroom.FFmpeg.Tests;

/// <summary>Small generated media with known properties, made once per test process.</summary>
internal static class Clips
{
    /// <summary>2 s of 320x240 testsrc2 at 25 fps (50 frames, H.264) with a 1 kHz AAC tone.</summary>
    public static string TwoSeconds() => TestMedia.Generate("clip-2s.mp4",
        "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2", "-f", "lavfi", "-i", "sine=frequency=1000:duration=2",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");

    /// <summary>1 s at 25 fps followed by 1 s at 10 fps, kept variable (35 frames).</summary>
    public static string VariableFrameRate() => TestMedia.Generate("vfr-25-then-10.mp4",
        "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=1", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=10:duration=1",
        "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0", "-fps_mode", "vfr", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");

    /// <summary><see cref="TwoSeconds"/> stream-copied with a 90° rotation (ffmpeg 5.1 writes a display matrix).</summary>
    public static string Rotated() => TestMedia.Generate("rotated-90.mp4",
        "-i", TwoSeconds(), "-c", "copy", "-metadata:s:v:0", "rotate=90");

    /// <summary>2 s of a 440 Hz tone, 48 kHz stereo PCM in WAV.</summary>
    public static string AudioWav() => TestMedia.Generate("tone.wav",
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=2", "-ac", "2", "-c:a", "pcm_s16le");

    /// <summary>2 s of a 440 Hz tone, 48 kHz Opus in Matroska.</summary>
    public static string AudioMkv() => TestMedia.Generate("tone.mkv",
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=2", "-c:a", "libopus");

    /// <summary>One 320x240 testsrc2 frame as a still image (<paramref name="extension"/> jpg or png).</summary>
    public static string Still(string extension) => TestMedia.Generate("still." + extension,
        "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=1:duration=1", "-frames:v", "1", "-update", "1");

    private static readonly Lock MetaGate = new();

    /// <summary><see cref="TwoSeconds"/> with chapters "Intro" 0-1000 ms and "Middle part" 1000-2000 ms, creation_time 2024-05-01T12:34:56Z and location +48.8577+002.2950/.</summary>
    public static string WithChapters(string extension)
    {
        var meta = Path.Combine(Path.GetDirectoryName(TwoSeconds())!, "chapters.ffmeta.txt");
        lock (MetaGate)
        {
            if (!File.Exists(meta))
                File.WriteAllText(meta, ";FFMETADATA1\ntitle=Demo\n\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1000\ntitle=Intro\n\n" +
                                        "[CHAPTER]\nTIMEBASE=1/1000\nSTART=1000\nEND=2000\ntitle=Middle part\n");
        }
        return TestMedia.Generate("chapters." + extension,
            "-i", TwoSeconds(), "-f", "ffmetadata", "-i", meta, "-map", "0", "-map_metadata", "1", "-map_chapters", "1", "-c", "copy",
            "-metadata", "creation_time=2024-05-01T12:34:56Z", "-metadata", "location=+48.8577+002.2950/");
    }

    /// <summary>A 1 s MP4 holding only a mov_text subtitle stream.</summary>
    public static string SubtitlesOnly()
    {
        var srt = Path.Combine(Path.GetDirectoryName(TwoSeconds())!, "hello.srt");
        lock (MetaGate)
        {
            if (!File.Exists(srt)) File.WriteAllText(srt, "1\n00:00:00,000 --> 00:00:01,000\nhello\n");
        }
        return TestMedia.Generate("subtitles-only.mp4", "-i", srt, "-c:s", "mov_text");
    }

    /// <summary>A runner over the tools on this machine.</summary>
    public static FFmpegRunner Runner() => FFmpegRunner.CreateDefault();
}

/// <summary>An <see cref="IProgress{T}"/> that records reports synchronously (no SynchronizationContext hop).</summary>
internal sealed class RecordingProgress<T> : IProgress<T>
{
    private readonly List<T> _reports = [];
    private readonly Action<T>? _onReport;

    public RecordingProgress(Action<T>? onReport = null) => _onReport = onReport;

    public IReadOnlyList<T> Reports { get { lock (_reports) return [.. _reports]; } }

    public void Report(T value)
    {
        lock (_reports) _reports.Add(value);
        _onReport?.Invoke(value);
    }
}
