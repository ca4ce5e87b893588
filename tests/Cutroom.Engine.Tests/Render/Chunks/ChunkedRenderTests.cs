using Cutroom.Engine.Render;
using Cutroom.Engine.Render.Chunks;
using static Cutroom.Engine.Tests.Render.Chunks.ChunkTestKit;
using static Cutroom.Engine.Tests.Render.RenderTestKit;

namespace Cutroom.Engine.Tests.Render.Chunks;

/// <summary>
/// A render in chunks equals a render in one pass: the same frames, the same duration, no seam to
/// see (SSIM across every seam), and the soundtrack unbroken.
/// </summary>
public class ChunkedRenderTests
{
    [Fact]
    public async Task A_chunked_render_has_the_frames_duration_pictures_and_sound_of_a_one_pass_render()
    {
        using var dir = new TempDir();
        var draft = Slideshow();
        // At the export's default quality (OutputSpecs.ForRender high: x264 veryfast CRF 18): two encodings of the same
        // pictures then differ by little more than the seams would show.
        var export = Contract.Output.OutputSpecs.ForRender(Contract.Output.OutputFormat.Mp4, Contract.Output.OutputQuality.High);
        var onePass = await new DraftRenderer(Context()).RunAsync(Request(draft, Path.Combine(dir.Path, "one.mp4")) with { Spec = export, AllowChunks = false }, null, CancellationToken.None);
        var chunked = await new DraftRenderer(Context()).RunAsync(Request(draft, Path.Combine(dir.Path, "chunked.mp4")) with { Spec = export }, null, CancellationToken.None);

        Assert.Null(onePass.Chunks);
        var report = Assert.IsType<RenderChunkReport>(chunked.Chunks);
        Assert.True(report.Chunks.Count >= 4, $"{report.Chunks.Count} chunks");
        Assert.Equal(200, onePass.Frames);
        Assert.Equal(onePass.Frames, chunked.Frames);
        Assert.Equal(200, CountFrames(chunked.File));
        Assert.InRange(Math.Abs(chunked.DurationMs - onePass.DurationMs), 0, 40);   // one frame at 25 fps

        // Some seam falls inside a moving photo (not only at the draft's boundaries).
        var seams = report.Chunks.Skip(1).Select(c => (int)c.FirstFrame).ToList();
        Assert.Contains(seams, s => s is not (75 or 95 or 138 or 158));
        var ssim = SsimPerFrame(chunked.File, onePass.File);
        Assert.Equal(200, ssim.Length);
        var all = string.Join(" ", ssim.Select((v, i) => $"{i}:{v:0.000}"));
        foreach (var s in seams)
        {
            Assert.True(ssim[s - 1] >= 0.98, $"frame {s - 1} before the seam at {s}: SSIM {ssim[s - 1]} (seams {string.Join(",", seams)}; every frame {all})");
            Assert.True(ssim[s] >= 0.98, $"frame {s} after the seam: SSIM {ssim[s]}");
        }

        // The soundtrack is rendered once: the same sound, and no click at any seam.
        var a = Samples(chunked.File);
        var b = Samples(onePass.File);
        Assert.InRange(Math.Abs(a.Length - b.Length), 0, 48);
        var n = Math.Min(a.Length, b.Length);
        var maxDiff = Enumerable.Range(0, n).Max(i => Math.Abs(a[i] - b[i]));
        Assert.True(maxDiff <= 330, $"largest sample difference to the one-pass sound: {maxDiff}");   // 1 % of full scale
        var ownLargestStep = Enumerable.Range(1, n - 1).Max(i => Math.Abs(a[i] - a[i - 1]));
        foreach (var s in seams)
        {
            var at = s * 48000 / 25;
            var step = Enumerable.Range(Math.Max(1, at - 480), 960).Where(i => i < n).Max(i => Math.Abs(a[i] - a[i - 1]));
            Assert.True(step <= ownLargestStep, $"a step of {step} at the seam {s} (the music's own largest: {ownLargestStep})");
        }
    }

    [Fact]
    public async Task Losslessly_encoded_a_chunked_render_has_the_luma_of_a_one_pass_render_exactly()
    {
        using var dir = new TempDir();
        var draft = Slideshow();
        var lossless = new Contract.Output.OutputSpec(Contract.Output.OutputFormat.Mp4, Contract.Output.OutputQuality.High,
            new Contract.Output.X264Preset { Crf = 0, Speed = "ultrafast", Profile = "high444" }, Contract.Output.AudioCodecPreset.Aac(128));
        var one = await new DraftRenderer(Context()).RunAsync(Request(draft, Path.Combine(dir.Path, "one.mp4")) with { Spec = lossless, AllowChunks = false }, null, CancellationToken.None);
        var chunked = await new DraftRenderer(Context()).RunAsync(Request(draft, Path.Combine(dir.Path, "chunked.mp4")) with { Spec = lossless }, null, CancellationToken.None);
        Assert.True(chunked.Chunks!.Chunks.Count >= 4);
        // Every frame's luma is bit-identical: the windows start each moving photo, fade and text on the very frame a one-pass render does.
        var a = LumaHashes(one.File);
        var b = LumaHashes(chunked.File);
        Assert.Equal(200, a.Length);
        var different = Enumerable.Range(0, 200).Where(i => a[i] != b[i]).ToList();
        Assert.True(different.Count == 0, "frames whose luma differs: " + string.Join(", ", different));
        // The chroma differs by rounding only (ffmpeg 5.1 converts a still's chroma alike but not bit-identically in the two graphs).
        Assert.All(SsimPerFrame(chunked.File, one.File), s => Assert.True(s >= 0.999, $"SSIM {s}"));
    }

    private static string[] LumaHashes(string file)
    {
        var (code, stdout, stderr) = TestMedia.Run("ffmpeg", ["-hide_banner", "-nostdin", "-i", file, "-map", "0:v", "-vf", "extractplanes=y", "-f", "framemd5", "-"]);
        Assert.True(code == 0, stderr);
        return [.. stdout.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(',')[^1].Trim())];
    }

    [Fact]
    public async Task Each_piece_starts_on_a_keyframe_so_the_joined_file_has_one_at_every_seam()
    {
        using var dir = new TempDir();
        var result = await new DraftRenderer(Context()).RunAsync(Request(Slideshow(), Path.Combine(dir.Path, "k.mp4")), null, CancellationToken.None);
        var (code, stdout, _) = TestMedia.Run("ffprobe", ["-v", "error", "-select_streams", "v", "-show_entries", "frame=key_frame", "-of", "csv=p=0", result.File]);
        Assert.Equal(0, code);
        var keys = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().TrimEnd(',') == "1").ToList();
        Assert.Equal(200, keys.Count);
        foreach (var c in result.Chunks!.Chunks) Assert.True(keys[(int)c.FirstFrame], $"frame {c.FirstFrame} (a seam) is not a keyframe");
    }

    [Fact]
    public async Task A_gif_renders_in_one_pass()
    {
        using var dir = new TempDir();
        var result = await new DraftRenderer(Context()).RunAsync(Request(Slideshow(), Path.Combine(dir.Path, "x.gif"), Contract.Output.OutputFormat.Gif), null, CancellationToken.None);
        Assert.Null(result.Chunks);
    }

    private static int CountFrames(string file)
    {
        var (_, stdout, _) = TestMedia.Run("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", file]);
        return int.Parse(stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
