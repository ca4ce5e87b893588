using System.Globalization;
using Cutroom.Engine.Common;
using Cutroom.Engine.Render.Chunks;
using static Cutroom.Engine.Tests.Render.RenderTestKit;

namespace Cutroom.Engine.Tests.Render.Chunks;

/// <summary>A slideshow of real photos, music, a logo and a title, and the measurements the chunk tests compare renders with.</summary>
internal static class ChunkTestKit
{
    /// <summary>8 s at 320x180, 25 fps: three photos with Ken Burns moves crossfading over 0.8 s at 3 and 5.5 s, a logo, a 3 s title with fades, music.</summary>
    public static Timeline.Model.Draft Slideshow(string titleColor = "#FFFF00", int titleSize = 40) => Parse($$$$"""
        {"v":1,"w":320,"h":180,"fps":25,"t":[
          {"id":"v","tt":0,"sg":[
            {"id":"p0","src":"{{{{TestMedia.Real("image/photo-skagen.jpg")}}}}","st":0,"d":3000,"m":{"kind":"image","fit":"cover","motion":"zoom-in"}},
            {"id":"p1","src":"{{{{TestMedia.Real("image/photo-sunset.jpg")}}}}","st":3000,"d":2500,"m":{"kind":"image","fit":"cover","motion":"pan-right","tr":{"type":"fade","d":800}}},
            {"id":"p2","src":"{{{{TestMedia.Real("image/photo-snow.jpg")}}}}","st":5500,"d":2500,"m":{"kind":"image","fit":"cover","motion":"zoom-out","tr":{"type":"fade","d":800}}}]},
          {"id":"l","tt":0,"sg":[{"id":"logo","src":"{{{{TestMedia.Real("image/logo-qt.jpg")}}}}","st":0,"d":8000,"m":{"kind":"image","scale":0.15,"pos":"top-right","opacity":0.9}}]},
          {"id":"m","tt":1,"sg":[{"id":"bgm","src":"{{{{TestMedia.Real("audio/music-dont-wait-too-long.mkv")}}}}","st":0,"d":8000,"vol":0.8,"m":{"fi":500,"fo":1000}}]},
          {"id":"t","tt":7,"sg":[{"id":"title","st":0,"d":3000,"m":{"text":"Summer","pos":"center","size":{{{{titleSize}}}},"color":"{{{{titleColor}}}}","box":"#000000","fi":400,"fo":400}}]}]}
        """);

    /// <summary>Chunks of about a second, so that an 8 s draft makes several, some cut inside a moving photo.</summary>
    public static readonly RenderChunkOptions SmallChunks = new() { TargetSeconds = 1.2, MinSeconds = 0.6, MaxSeconds = 2, Concurrency = 2 };

    /// <summary>The test engine with small chunks and, when given, a cache.</summary>
    public static EngineContext Context(RenderCache? cache = null) =>
        new EngineContext(Engine.Context.Runner, Engine.Context.Prober, Engine.Context.Limits) { Chunking = SmallChunks, RenderCache = cache };

    /// <summary>SSIM (All) of every frame of <paramref name="a"/> against <paramref name="b"/>, by frame index (ffmpeg <c>ssim</c> stats).</summary>
    public static double[] SsimPerFrame(string a, string b)
    {
        using var dir = new TempDir();
        var stats = Path.Combine(dir.Path, "ssim.txt");
        TestMedia.Ffmpeg("-i", a, "-i", b, "-lavfi", $"[0:v][1:v]ssim=stats_file={stats}", "-f", "null", "-");
        return [.. File.ReadAllLines(stats).Select(l => l.Split(' ').First(p => p.StartsWith("All:", StringComparison.Ordinal))[4..])
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
    }

    /// <summary>The sound as mono 16-bit samples at 48 kHz.</summary>
    public static short[] Samples(string file)
    {
        using var dir = new TempDir();
        var raw = Path.Combine(dir.Path, "a.raw");
        TestMedia.Ffmpeg("-i", file, "-vn", "-ac", "1", "-ar", "48000", "-f", "s16le", raw);
        var bytes = File.ReadAllBytes(raw);
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }

    /// <summary>Per video packet, its MD5 (ffmpeg <c>framemd5</c> with stream copy): equal lines mean bit-identical coded frames.</summary>
    public static string[] PacketHashes(string file)
    {
        var (code, stdout, stderr) = TestMedia.Run("ffmpeg", ["-hide_banner", "-nostdin", "-i", file, "-map", "0:v", "-c", "copy", "-f", "framemd5", "-"]);
        Assert.True(code == 0, stderr);
        return [.. stdout.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(',')[^1].Trim())];
    }
}
