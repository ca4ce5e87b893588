using Cutroom.Contract.Output;
using System.Globalization;
using Cutroom.Engine.Render;
using Cutroom.Timeline.Json;
using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Tests.Render;

/// <summary>Drafts, generated media and measurements for the renderer tests.</summary>
internal static class RenderTestKit
{
    public static DraftRenderer Renderer => new(Engine.Context);

    /// <summary>Renders with media ids resolved as file paths, at low quality for speed.</summary>
    public static Task<RenderResult> RenderAsync(Draft draft, string output, OutputFormat format = OutputFormat.Mp4, double? lufs = -14) =>
        Renderer.RunAsync(Request(draft, output, format, lufs), null, CancellationToken.None);

    /// <summary>The request of <see cref="RenderAsync"/>: the draft checked, media ids resolved as file paths, low quality.</summary>
    public static DraftRenderRequest Request(Draft draft, string output, OutputFormat format = OutputFormat.Mp4, double? lufs = -14) =>
        new(RenderableDraft.From(draft), output, s => File.Exists(s) ? s : null) { Spec = OutputSpecs.For(format, OutputQuality.Low), TargetLufs = lufs };

    public static Draft Parse(string json)
    {
        var r = DraftJson.Parse(json);
        Assert.True(r.Succeeded, string.Join("; ", r.Errors));
        return r.Draft!;
    }

    /// <summary>A 4 s 320x240 clip of one colour with a 440 Hz tone (for blends and audio).</summary>
    public static string Solid(string color) => TestMedia.Generate($"solid-{color}.mp4",
        "-f", "lavfi", "-i", $"color=c={color}:s=320x240:r=30:d=4", "-f", "lavfi", "-i", "sine=frequency=440:duration=4",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");

    /// <summary>An RGB pixel of frame <paramref name="frame"/> at (x, y).</summary>
    public static (int R, int G, int B) Pixel(string video, int frame, int x, int y, int width)
    {
        var rgb = TestMedia.DecodeRgb(video, frame);
        var i = (y * width + x) * 3;
        return (rgb[i], rgb[i + 1], rgb[i + 2]);
    }

    /// <summary>Mean volume in dB of [fromS, toS) of the audio (ffmpeg volumedetect).</summary>
    public static double MeanVolumeDb(string file, double fromS, double toS)
    {
        var (_, _, err) = TestMedia.Run("ffmpeg", ["-hide_banner", "-nostdin", "-ss", S(fromS), "-t", S(toS - fromS), "-i", file, "-vn", "-af", "volumedetect", "-f", "null", "-"]);
        var line = err.Split('\n').First(l => l.Contains("mean_volume:", StringComparison.Ordinal));
        return double.Parse(line[(line.IndexOf("mean_volume:", StringComparison.Ordinal) + 12)..].Replace("dB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Integrated loudness in LUFS (ffmpeg ebur128).</summary>
    public static double IntegratedLufs(string file)
    {
        var (_, _, err) = TestMedia.Run("ffmpeg", ["-hide_banner", "-nostdin", "-i", file, "-vn", "-af", "ebur128", "-f", "null", "-"]);
        var lines = err.Split('\n');
        var idx = Array.FindLastIndex(lines, l => l.Contains("Integrated loudness:", StringComparison.Ordinal));
        var i = lines[idx + 1].Trim();
        return double.Parse(i[2..].Replace("LUFS", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }

    public static string S(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
