using Cutroom.Engine.Common;
using Cutroom.Engine.Encoding;
using Cutroom.FFmpeg.Errors;
using Cutroom.FFmpeg.Process;

namespace Cutroom.Engine.Render.Chunks;

/// <summary>
/// A render in chunks: each chunk of the plan is one video-only pass to a closed-GOP H.264 piece
/// (every piece starts on an IDR frame, with the same encoder settings), the soundtrack is one audio
/// pass over the whole timeline, pieces already in the <see cref="RenderCache"/> are reused, the rest
/// are jobs of the <see cref="IRenderChunkScheduler"/> (by default this process, <see cref="RenderChunkOptions.Concurrency"/>
/// at once), each is checked to hold exactly its
/// frames before it is cached, and the pieces and the soundtrack are joined with the concat demuxer and
/// stream copy (no re-encoding: the join takes a fraction of a second).
/// </summary>
internal sealed class ChunkedRender(DraftRenderer renderer, EngineContext ctx)
{
    private const string VideoExtension = ".mp4";
    private const string AudioExtension = ".m4a";

    /// <summary>Renders <paramref name="chunks"/> and joins them into <paramref name="output"/>.</summary>
    /// <exception cref="FFmpegException">A pass or the join failed, or a piece does not hold its frames (<c>output_invalid</c>).</exception>
    public async Task<RenderChunkReport> RunAsync(DraftRenderRequest request, SourceCatalog sources, IReadOnlyList<FrameWindow> chunks,
        string work, string output, List<string> warnings, IProgress<double>? progress, CancellationToken ct)
    {
        var cache = ctx.RenderCache;
        var identity = Render.FFmpegIdentity.Of(ctx.Runner.Tools);
        string[] fonts = File.Exists(Fonts.Cjk.Path) ? [Fonts.Cjk.Path] : [];
        var pieces = new List<Piece>();
        for (var i = 0; i < chunks.Count; i++)
        {
            var file = Path.Combine(work, $"chunk-{i:D4}{VideoExtension}");
            var command = renderer.Compile(request, sources, work, file, chunks[i], RenderParts.Video, allowSeeking: true).Command.Build();
            var key = RenderChunkKey.Of(command, work, identity, fonts);
            pieces.Add(new Piece(chunks[i], RenderParts.Video, file, key, VideoExtension, cache?.TryTake(key, VideoExtension, file) == true));
        }
        var total = FrameWindow.All(chunks[^1].End);
        var audioFile = Path.Combine(work, "audio" + AudioExtension);
        var audioKey = RenderChunkKey.Of(renderer.Compile(request, sources, work, audioFile, total, RenderParts.Audio, allowSeeking: true).Command.Build(), work, identity, []);
        var audio = new Piece(total, RenderParts.Audio, audioFile, audioKey, AudioExtension, cache?.TryTake(audioKey, AudioExtension, audioFile) == true);

        // Progress: each piece weighs its frames (the soundtrack a tenth of the timeline); the join is the last 2 %.
        var todo = pieces.Where(p => !p.Reused).Append(audio).Where(p => !p.Reused).ToList();
        var weights = todo.ToDictionary(p => p, p => p.Parts == RenderParts.Audio ? Math.Max(1, total.Count / 10.0) : p.Window.Count);
        var sum = weights.Values.Sum();
        var done = new Dictionary<Piece, double>();
        void Report(Piece p, double f)
        {
            if (progress is null) return;
            lock (done) { done[p] = f; progress.Report(0.98 * done.Sum(d => d.Value * weights[d.Key]) / sum); }
        }

        var jobs = todo.Select(piece => new RenderChunkJob(
            request with { Window = piece.Parts == RenderParts.Audio ? null : piece.Window, Parts = piece.Parts, AllowChunks = false, OutputFile = piece.File },
            piece.Key,
            async token =>
            {
                var frames = await renderer.RenderPassAsync(request, sources, piece.Window, piece.Parts, work, piece.File, warnings,
                    new Progress(f => Report(piece, f)), token);
                Check(piece, frames);
                cache?.Put(piece.Key, piece.Extension, piece.File);
                Report(piece, 1);
            }) { Progress = new Progress(f => Report(piece, f)) }).ToList();
        var scheduler = ctx.ChunkScheduler ?? new LocalRenderChunkScheduler(ctx.Chunking.Concurrency);
        await scheduler.RunAsync(jobs, ct);
        // A job another worker ran left its piece in the shared cache, under its key.
        foreach (var piece in todo.Where(p => !File.Exists(p.File)))
            if (cache?.TryTake(piece.Key, piece.Extension, piece.File) != true)
                throw FFmpegException.InvalidOutput($"the piece {piece.Window} was not rendered");

        await JoinAsync(request, pieces, audioFile, work, output, ct);
        return new RenderChunkReport([.. pieces.Select(p => new RenderChunkOutcome(p.Window.First, p.Window.Count, p.Key, p.Reused))], audio.Reused);
    }

    /// <summary>A piece must hold exactly its window's frames (ffmpeg's final count) or some sound before it is cached or joined.</summary>
    private static void Check(Piece piece, long? frames)
    {
        if (!File.Exists(piece.File) || new FileInfo(piece.File).Length == 0)
            throw FFmpegException.InvalidOutput($"the piece {piece.Window} was not written");
        if (piece.Parts == RenderParts.Video && frames != piece.Window.Count)
            throw FFmpegException.InvalidOutput($"the chunk {piece.Window} has {frames?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} frames instead of {piece.Window.Count}");
    }

    private async Task JoinAsync(DraftRenderRequest request, List<Piece> pieces, string audioFile, string work, string output, CancellationToken ct)
    {
        // Relative names: the concat demuxer resolves them against the list's folder, and they need no quoting.
        var list = Path.Combine(work, "chunks.txt");
        await File.WriteAllLinesAsync(list, pieces.Select(p => $"file '{Path.GetFileName(p.File)}'"), ct);
        var command = new FFmpegCommandBuilder().LogLevel("warning").Overwrite()
            .Input(list, new InputOptions { Demuxer = "concat", FormatWhitelist = "concat,mov", Extra = ["-safe", "1"] })
            .Input(audioFile, new InputOptions { Demuxer = "mov" })
            .Output(output, ["-map", "0:v:0", "-map", "1:a:0", "-c", "copy", .. request.Spec.ContainerArguments()])
            .Build();
        await ctx.Runner.RunAsync(command, new FFmpegRunOptions { Timeout = ctx.Limits.FFmpegTimeout, Purpose = "joining the rendered chunks", LogFile = request.LogFile }, ct);
    }

    private sealed record Piece(FrameWindow Window, RenderParts Parts, string File, string Key, string Extension, bool Reused);

    private sealed class Progress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
