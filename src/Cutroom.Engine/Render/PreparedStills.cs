using System.Globalization;
using System.Security.Cryptography;
using Cutroom.Engine.Analysis;
using Cutroom.Engine.Common;
using Cutroom.Engine.Stills;
using Cutroom.FFmpeg.Graph;
using Cutroom.FFmpeg.Process;
using Cutroom.Timeline.Model;

namespace Cutroom.Engine.Render;

/// <summary>A photo decoded once, turned upright and composed onto the canvas, stored as raw yuv420p frames of <see cref="Width"/> x <see cref="Height"/>.</summary>
/// <param name="Path">The raw file (one frame, yuv420p, BT.709 limited range).</param>
/// <param name="Width">Width in pixels (the canvas's).</param>
/// <param name="Height">Height in pixels (the canvas's).</param>
internal sealed record PreparedStill(string Path, int Width, int Height);

/// <summary>
/// The stills of a render prepared before its passes: each photo that fills the canvas is decoded ONCE
/// (a 12 MP JPEG costs a quarter of a second to decode and scale), turned upright from its EXIF
/// orientation and composed at the canvas size in its fit (<see cref="StillCanvas"/>), and kept as one raw
/// yuv420p frame that every pass (every chunk, every scrubbed frame) reads with the forced
/// <c>rawvideo</c> demuxer instead of the original. With a <see cref="Chunks.RenderCache"/>, prepared
/// stills are cached under the photo's content hash, orientation, fit and canvas size, so a render after an
/// edit decodes no photo at all. Logos and other overlays keep their original (they are small).
/// </summary>
internal sealed class PreparedStills
{
    /// <summary>Bumped when the preparation's output changes.</summary>
    private const string Version = "still-15.1";
    private const string Extension = ".yuv";
    private readonly Dictionary<(string Src, StillFit Fit), PreparedStill> _prepared = [];

    /// <summary>None prepared: every pass decodes the originals.</summary>
    public static PreparedStills None { get; } = new();

    /// <summary>Whether the Ken Burns motion of these stills is drawn in process (<see cref="EngineContext.DrawMotionInProcess"/>).</summary>
    public bool DrawMotion { get; private init; }

    /// <summary>Whether <paramref name="draft"/> has a photo with Ken Burns motion filling the canvas on a video track (drawn in process when prepared).</summary>
    public static bool HasMovingStills(Draft draft, SourceCatalog sources) =>
        draft.Tracks.Where(t => t.Type == TrackType.Video).SelectMany(t => t.Segments)
            .Any(s => s.Src is not null && s.Meta.Scale is not > 0 && s.Meta.Motion is { } m && m != "none" && sources.Still(s.Src) is not null);

    /// <summary>The prepared still of <paramref name="src"/> in <paramref name="fit"/>, or null.</summary>
    public PreparedStill? For(string src, StillFit fit) => _prepared.GetValueOrDefault((src, fit));

    /// <summary>Prepares every photo of <paramref name="draft"/> that fills the canvas on a video track.</summary>
    /// <exception cref="Cutroom.FFmpeg.Errors.FFmpegException">When ffmpeg cannot decode a photo.</exception>
    public static async Task<PreparedStills> PrepareAsync(Draft draft, SourceCatalog sources, EngineContext ctx, string work, CancellationToken ct)
    {
        var result = new PreparedStills { DrawMotion = ctx.DrawMotionInProcess };
        var wanted = draft.Tracks.Where(t => t.Type == TrackType.Video)
            .SelectMany(t => t.Segments)
            .Where(s => s.Src is not null && s.Meta.Scale is not > 0 && sources.Still(s.Src) is not null)
            .Select(s => (Src: s.Src!, Fit: StillFitNames.Parse(s.Meta.Fit ?? Fits.Contain)))
            .Distinct().ToList();
        var identity = FFmpegIdentity.Of(ctx.Runner.Tools);
        await Parallel.ForEachAsync(wanted, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, ctx.Chunking.Concurrency), CancellationToken = ct },
            async (item, token) =>
            {
                var still = sources.Still(item.Src)!;
                var key = Key(still, item.Fit, draft.Width, draft.Height, identity);
                var path = Path.Combine(work, $"still-{key[..16]}{Extension}");
                if (ctx.RenderCache?.TryTake(key, Extension, path) != true)
                {
                    await ComposeAsync(ctx, still, item.Fit, draft.Width, draft.Height, path, token).ConfigureAwait(false);
                    ctx.RenderCache?.Put(key, Extension, path);
                }
                lock (result._prepared) result._prepared[item] = new PreparedStill(path, draft.Width, draft.Height);
            }).ConfigureAwait(false);
        return result;
    }

    private static async Task ComposeAsync(EngineContext ctx, StillImage still, StillFit fit, int width, int height, string output, CancellationToken ct)
    {
        var graph = new FilterGraph();
        var composed = StillCanvas.Compose(graph, still.Upright(graph.InputVideo(0)), still.DisplayWidth, still.DisplayHeight, width, height, fit)
            .Then(Filters.Format("yuv420p"));
        graph.Output(composed, "still");
        var command = new FFmpegCommandBuilder().Overwrite()
            .Input(still.Path, still.InputOptions with { Threads = ctx.Limits.Threads })
            .FilterComplex(graph.Render())
            .Output(output, "-map", "[still]", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "yuv420p")
            .Build();
        await ctx.Runner.RunAsync(command, new FFmpegRunOptions { Timeout = ctx.Limits.FFmpegTimeout, Purpose = "preparing a photo" }, ct).ConfigureAwait(false);
        var expected = (long)width * height * 3 / 2;
        if (!File.Exists(output) || new FileInfo(output).Length != expected)
            throw Cutroom.FFmpeg.Errors.FFmpegException.InvalidOutput($"the photo '{Path.GetFileName(still.Path)}' could not be prepared");
    }

    private static string Key(StillImage still, StillFit fit, int width, int height, string identity)
    {
        var text = string.Join('\n', Version, identity, Chunks.RenderChunkKey.HashOf(still.Path), still.Orientation.ToString(CultureInfo.InvariantCulture),
            fit.Name(), width.ToString(CultureInfo.InvariantCulture), height.ToString(CultureInfo.InvariantCulture));
        return System.Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>The identity of the ffmpeg build: its path, size and modification time (an upgrade changes them). Part of every cache key.</summary>
internal static class FFmpegIdentity
{
    public static string Of(FFmpegTools tools)
    {
        var fi = new FileInfo(tools.FFmpegPath);
        return $"{tools.FFmpegPath} {(fi.Exists ? fi.Length : -1)} {(fi.Exists ? fi.LastWriteTimeUtc.Ticks : 0)}";
    }
}
