using System.Globalization;
using Cutroom.Contract.Output;
using Cutroom.Engine.Render;
using Xunit.Abstractions;
using static Cutroom.Engine.Tests.Render.RenderTestKit;

namespace Cutroom.Engine.Tests.Render;

/// <summary>
/// The draft-render encoding table (<see cref="OutputSpecs.ForRender"/>) keeps the quality it was chosen for: a
/// slideshow of real photos with Ken Burns motion and a crossfade, rendered at each level, against a lossless render
/// of the same draft (x264 CRF 0), by ffmpeg's SSIM over every frame. The bar is the (0.985); the choice
/// itself was made on the full-size slideshow (bench/encode-settings.sh, docs/benchmarks.md).
/// </summary>
public sealed class RenderEncodingQualityTests(ITestOutputHelper log)
{
    private static readonly string Draft = $$$$"""
        {"v":1,"w":1920,"h":1080,"fps":30,"t":[{"id":"v","tt":0,"sg":[
          {"id":"a","src":"{{{{TestMedia.Real("image/photo-snow.jpg")}}}}","st":0,"d":1500,"m":{"fit":"cover","motion":"zoom-in"}},
          {"id":"b","src":"{{{{TestMedia.Real("image/photo-sunset.jpg")}}}}","st":1500,"d":1500,"m":{"fit":"cover","motion":"pan-right","tr":{"type":"fade","d":500}}}]}]}
        """;

    [Fact]
    public async Task Medium_and_high_draft_renders_stay_above_the_ssim_bar_and_high_is_the_closer()
    {
        using var dir = new TempDir();
        var draft = Parse(Draft);
        var lossless = new OutputSpec(OutputFormat.Mp4, OutputQuality.High,
            new X264Preset { Crf = 0, Speed = "ultrafast", Profile = "high444" }, AudioCodecPreset.Aac(128));
        async Task<string> Render(OutputSpec spec, string name)
        {
            var file = dir.File(name);
            await Renderer.RunAsync(Request(draft, file) with { Spec = spec }, null, CancellationToken.None);
            return file;
        }
        var reference = await Render(lossless, "lossless.mp4");
        var medium = Ssim(await Render(OutputSpecs.ForRender(OutputFormat.Mp4, OutputQuality.Medium), "medium.mp4"), reference);
        var high = Ssim(await Render(OutputSpecs.ForRender(OutputFormat.Mp4, OutputQuality.High), "high.mp4"), reference);
        var tooFast = Ssim(await Render(new OutputSpec(OutputFormat.Mp4, OutputQuality.Low, new X264Preset { Crf = 30, Speed = "ultrafast" }, AudioCodecPreset.Aac(96)), "ultrafast.mp4"), reference);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SSIM medium {medium:0.00000}, high {high:0.00000}, ultrafast CRF 30 {tooFast:0.00000}"));

        Assert.True(medium >= 0.985, $"medium: SSIM {medium}");
        Assert.True(high >= medium, $"high {high} < medium {medium}");
        // The check can fail: x264's fastest preset at a high CRF falls under the bar.
        Assert.True(tooFast < 0.985, $"ultrafast CRF 30 unexpectedly reached {tooFast}");
    }

    /// <summary>ffmpeg's SSIM "All" of <paramref name="distorted"/> against <paramref name="reference"/>, mean over every frame.</summary>
    private static double Ssim(string distorted, string reference)
    {
        var (code, _, err) = TestMedia.Run("ffmpeg", ["-hide_banner", "-nostdin", "-i", distorted, "-i", reference, "-lavfi", "[0:v][1:v]ssim", "-f", "null", "-"]);
        Assert.Equal(0, code);
        var line = err.Split('\n').Last(l => l.Contains("SSIM ", StringComparison.Ordinal) && l.Contains("All:", StringComparison.Ordinal));
        var all = line[(line.IndexOf("All:", StringComparison.Ordinal) + 4)..].Split(' ')[0];
        return double.Parse(all, CultureInfo.InvariantCulture);
    }
}
