using Cutroom.Engine.Render;
using Cutroom.Engine.Render.Chunks;
using static Cutroom.Engine.Tests.Render.Chunks.ChunkTestKit;
using static Cutroom.Engine.Tests.Render.RenderTestKit;

namespace Cutroom.Engine.Tests.Render.Chunks;

/// <summary>A render after an edit renders only the chunks the edit touched and reuses the rest from the cache.</summary>
public class IncrementalRenderTests
{
    [Fact]
    public async Task After_a_title_edit_only_the_chunks_under_the_title_render_and_the_rest_are_the_same_coded_frames()
    {
        using var dir = new TempDir();
        var cache = new RenderCache(Path.Combine(dir.Path, "cache"));
        var before = await new DraftRenderer(Context(cache)).RunAsync(Request(Slideshow("#FFFF00", 40), Path.Combine(dir.Path, "before.mp4")), null, CancellationToken.None);
        Assert.Equal(0, before.Chunks!.Reused);

        // "make the title bigger and red": the title covers frames [0, 75).
        var after = await new DraftRenderer(Context(cache)).RunAsync(Request(Slideshow("#FF0000", 56), Path.Combine(dir.Path, "after.mp4")), null, CancellationToken.None);
        var report = after.Chunks!;
        var touched = report.Chunks.Where(c => c.FirstFrame < 75).ToList();
        Assert.Equal(touched.Count, report.Rendered);
        Assert.Equal(report.Chunks.Count - touched.Count, report.Reused);
        Assert.True(report.AudioReused);
        Assert.Equal(before.Frames, after.Frames);

        // The picture changed where the edit is: the title's letters at the centre turned from yellow to red.
        var (r0, g0, b0) = Brightest(before.File, 40);
        var (r1, g1, b1) = Brightest(after.File, 40);
        Assert.True(r0 > 180 && g0 > 180 && b0 < 120, $"before: {r0},{g0},{b0}");
        Assert.True(r1 > 180 && g1 < 100 && b1 < 100, $"after: {r1},{g1},{b1}");

        // Everywhere else the coded frames are bit-identical.
        var h0 = PacketHashes(before.File);
        var h1 = PacketHashes(after.File);
        Assert.Equal(h0.Length, h1.Length);
        var firstReused = (int)report.Chunks.First(c => c.Reused).FirstFrame;
        Assert.Equal(h0[firstReused..], h1[firstReused..]);
        Assert.NotEqual(h0[..firstReused], h1[..firstReused]);
    }

    [Fact]
    public async Task The_same_draft_again_after_a_restart_reuses_every_piece_and_two_renders_at_once_both_succeed()
    {
        using var dir = new TempDir();
        var folder = Path.Combine(dir.Path, "cache");
        var draft = Slideshow();
        var first = Task.Run(() => new DraftRenderer(Context(new RenderCache(folder))).RunAsync(Request(draft, Path.Combine(dir.Path, "a.mp4")), null, CancellationToken.None));
        var second = Task.Run(() => new DraftRenderer(Context(new RenderCache(folder))).RunAsync(Request(draft, Path.Combine(dir.Path, "b.mp4")), null, CancellationToken.None));
        var results = await Task.WhenAll(first, second);
        Assert.All(results, r => Assert.Equal(200, r.Frames));

        var again = await new DraftRenderer(Context(new RenderCache(folder))).RunAsync(Request(draft, Path.Combine(dir.Path, "c.mp4")), null, CancellationToken.None);
        Assert.Equal(0, again.Chunks!.Rendered);
        Assert.True(again.Chunks.AudioReused);
        Assert.Equal(PacketHashes(results[0].File), PacketHashes(again.File));
        Assert.DoesNotContain(Directory.GetFiles(folder), f => Path.GetFileName(f).StartsWith('.'));
    }

    /// <summary>The colour of the brightest pixel of the centre row band of frame <paramref name="frame"/> (the title's letters).</summary>
    private static (int R, int G, int B) Brightest(string video, int frame)
    {
        var rgb = TestMedia.DecodeRgb(video, frame);
        (int, int, int) best = (0, 0, 0);
        var bestSum = -1;
        for (var y = 70; y < 110; y++)
            for (var x = 100; x < 220; x++)
            {
                var i = ((y * 320) + x) * 3;
                var r = rgb[i]; var g = rgb[i + 1]; var b = rgb[i + 2];
                // The most saturated bright pixel: letters, not the black box.
                var score = Math.Max(r, Math.Max(g, b)) * 2 - Math.Min(r, Math.Min(g, b));
                if (score > bestSum) { bestSum = score; best = (r, g, b); }
            }
        return best;
    }
}

/// <summary>A chunk is a job: a self-standing render request that another worker can run into the shared cache.</summary>
public class RenderChunkJobTests
{
    /// <summary>Runs each piece the way a worker of a job queue would: a fresh renderer, the job's own request, the result stored under its key.</summary>
    private sealed class OtherWorkers(RenderCache shared) : IRenderChunkScheduler
    {
        public List<DraftRenderRequest> Ran { get; } = [];

        public async Task RunAsync(IReadOnlyList<RenderChunkJob> jobs, CancellationToken cancellationToken)
        {
            foreach (var job in jobs)
            {
                var output = Path.Combine(Path.GetTempPath(), $"worker-{Guid.NewGuid():N}" + Path.GetExtension(job.Request.OutputFile));
                try
                {
                    var result = await new DraftRenderer(ChunkTestKit.Context()).RunAsync(job.Request with { OutputFile = output }, null, cancellationToken);
                    if (job.Request.Window is { } w) Assert.Equal(w.Count, result.Frames);
                    shared.Put(job.Key, Path.GetExtension(job.Request.OutputFile), output);
                    lock (Ran) Ran.Add(job.Request);
                }
                finally { File.Delete(output); }
            }
        }
    }

    [Fact]
    public async Task Pieces_rendered_by_other_workers_join_into_the_same_video_as_a_local_render()
    {
        using var dir = new TempDir();
        var draft = Slideshow();
        var local = await new DraftRenderer(Context()).RunAsync(Request(draft, Path.Combine(dir.Path, "local.mp4")), null, CancellationToken.None);

        var shared = new RenderCache(Path.Combine(dir.Path, "shared"));
        var workers = new OtherWorkers(shared);
        var ctx = new Common.EngineContext(Engine.Context.Runner, Engine.Context.Prober, Engine.Context.Limits)
        {
            Chunking = SmallChunks, RenderCache = shared, ChunkScheduler = workers,
        };
        var remote = await new DraftRenderer(ctx).RunAsync(Request(draft, Path.Combine(dir.Path, "remote.mp4")), null, CancellationToken.None);

        Assert.Equal(local.Chunks!.Chunks.Count + 1, workers.Ran.Count);   // every chunk and the soundtrack
        Assert.Contains(workers.Ran, r => r.Parts == RenderParts.Audio && r.Window is null);
        Assert.All(workers.Ran.Where(r => r.Parts == RenderParts.Video), r => Assert.False(r.AllowChunks));
        Assert.Equal(PacketHashes(local.File), PacketHashes(remote.File));
    }
}
