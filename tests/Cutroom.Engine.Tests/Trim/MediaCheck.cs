using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cutroom.Engine.Common;

namespace Cutroom.Engine.Tests;

/// <summary>
/// Independent read-back of outputs for the trim and convert tests: ffprobe run directly (not
/// through the engine's prober), packet times, MP4 box order, and the generated sources.
/// </summary>
internal static partial class MediaCheck
{
    public const string Font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    public static readonly Lazy<EngineContext> Context = new(() => EngineContext.CreateDefault(new EngineLimits { Threads = 2 }));

    /// <summary>
    /// 4 s of 320x240 at 25 fps with each frame's index drawn large (so neighbours differ clearly),
    /// a keyframe every 25 frames (1 s) and B-frames; audio silent until 2.000 s, then a 1 kHz tone,
    /// so that the tone's onset marks a known source time in any cut.
    /// </summary>
    public static string NumberedClip() => TestMedia.Generate("trimconv-numbered.mp4",
        "-f", "lavfi", "-i", $"testsrc2=size=320x240:rate=25:duration=4,drawtext=fontfile={Font}:text=%{{n}}:fontsize=120:fontcolor=white:box=1:boxcolor=black:x=60:y=50",
        "-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=44100:duration=4,volume=volume=0:enable=lt(t\\,2)",
        "-c:v", "libx264", "-preset", "veryfast", "-g", "25", "-keyint_min", "25", "-sc_threshold", "0", "-bf", "2", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-ar", "44100", "-shortest");

    /// <summary>The numbered clip with a display matrix that turns it a quarter turn (ffmpeg 5.1 writes one for <c>rotate=90</c>).</summary>
    public static string RotatedClip()
    {
        var src = NumberedClip();
        return TestMedia.Generate("trimconv-rotated.mp4", "-i", src, "-c", "copy", "-metadata:s:v:0", "rotate=90");
    }

    /// <summary>ffprobe's streams and format of <paramref name="path"/> as JSON.</summary>
    public static JsonElement Probe(string path) => TestMedia.FfprobeJson(path);

    public static JsonElement Stream(JsonElement probe, string type) =>
        probe.GetProperty("streams").EnumerateArray().First(s => s.GetProperty("codec_type").GetString() == type);

    public static bool HasStream(JsonElement probe, string type) =>
        probe.GetProperty("streams").EnumerateArray().Any(s => s.GetProperty("codec_type").GetString() == type);

    public static string Str(JsonElement e, string key) => e.TryGetProperty(key, out var v) ? v.ToString() : "";

    public static double Seconds(JsonElement e, string key) => double.Parse(Str(e, key), CultureInfo.InvariantCulture);

    /// <summary>Presentation times (s) of the video packets that are shown, sorted (packets an edit list discards are left out).</summary>
    public static List<double> VideoPts(string path)
    {
        var (code, stdout, stderr) = TestMedia.Run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", path]);
        Assert.True(code == 0, stderr);
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(','))
            .Where(p => p.Length >= 2 && !p[1].Contains('D', StringComparison.Ordinal) && p[0] != "N/A")
            .Select(p => double.Parse(p[0], CultureInfo.InvariantCulture)).Order().ToList();
    }

    /// <summary>The frame shown at <paramref name="seconds"/>: the last frame whose pts is at or before it.</summary>
    public static int FrameShownAt(string path, double seconds)
    {
        var pts = VideoPts(path);
        var idx = pts.FindLastIndex(t => t <= seconds + 1e-9);
        return Math.Max(0, idx);
    }

    /// <summary>Decoded frames of the output (a full decode, so edit lists are honoured).</summary>
    public static int DecodedFrameCount(string path)
    {
        var (code, stdout, stderr) = TestMedia.Run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path]);
        Assert.True(code == 0, stderr);
        return int.Parse(stdout.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>True when the MP4's <c>moov</c> box comes before its <c>mdat</c> (what <c>+faststart</c> does).</summary>
    public static bool MoovBeforeMdat(string path)
    {
        using var fs = File.OpenRead(path);
        var header = new byte[8];
        long pos = 0;
        while (pos + 8 <= fs.Length)
        {
            fs.Position = pos;
            fs.ReadExactly(header);
            var size = (long)(uint)(header[0] << 24 | header[1] << 16 | header[2] << 8 | header[3]);
            var type = System.Text.Encoding.ASCII.GetString(header, 4, 4);
            if (type == "moov") return true;
            if (type == "mdat") return false;
            if (size == 1) { var big = new byte[8]; fs.ReadExactly(big); size = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(big); }
            if (size < 8) return false;
            pos += size;
        }
        return false;
    }

    /// <summary>Where the audio of <paramref name="path"/> first becomes loud after silence (s), from <c>silencedetect</c>.</summary>
    public static double ToneOnset(string path)
    {
        var (code, _, stderr) = TestMedia.Run("ffmpeg", ["-hide_banner", "-nostdin", "-i", path, "-map", "0:a:0", "-af", "silencedetect=noise=-40dB:duration=0.1", "-f", "null", "-"]);
        Assert.True(code == 0, stderr);
        var m = SilenceEnd().Match(stderr);
        Assert.True(m.Success, "no silence_end found: " + stderr);
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The files left in <paramref name="dir"/> (names), to check that a failed job left nothing behind.</summary>
    public static string[] Entries(string dir) => Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).ToArray()!;

    [GeneratedRegex(@"silence_end: ([0-9.]+)")]
    private static partial Regex SilenceEnd();
}
