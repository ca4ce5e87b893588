using System.Globalization;
using Cutroom.Contract.Output;
using Cutroom.Engine.Render;
using Cutroom.Engine.Render.Chunks;
using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Render;
using Cutroom.Server.Render.Chunks;
using Cutroom.Server.Storage;
using Cutroom.Timeline.Json;
using Cutroom.Server.Hosting;
using Cutroom.Server.Jobs;
using Cutroom.Server.Operations;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cutroom.Server.Tests.Render;

/// <summary>
/// Chunks as jobs (docs/render.md): with <c>Render:ChunkJobs=queued</c> an export's chunks and soundtrack are
/// <c>render_chunk</c> jobs of the job engine, rendered by the chunk workers and joined by the render job; the
/// output holds every frame, the pieces leave nothing in the shared store, and a render after an edit queues
/// only the pieces the edit changed. Real photos with Ken Burns motion, real music, real ffmpeg, real HTTP.
/// </summary>
public sealed class QueuedChunkTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDir _downloads = new();

    /// <inheritdoc/>
    public void Dispose() => _downloads.Dispose();

    private static readonly TimeSpan RenderTimeout = TimeSpan.FromMinutes(6);

    /// <summary>12 s at 640x360, 30 fps: three photos of 4 s (the first zooms in, a crossfade into the third), music, and a title over the first 2 s.</summary>
    private static string Slideshow(IReadOnlyList<string> media, string title) => string.Create(CultureInfo.InvariantCulture,
        $$$$"""
        {"v":1,"w":640,"h":360,"fps":30,"d":12000,"m":{"title":"Chunks"},"t":[
          {"id":"trk_1","tt":0,"m":{"name":"Video"},"sg":[
            {"id":"seg_1","src":"{{{{media[0]}}}}","st":0,"d":4000,"m":{"kind":"image","fit":"cover","motion":"zoom-in"}},
            {"id":"seg_2","src":"{{{{media[1]}}}}","st":4000,"d":4000,"m":{"kind":"image","fit":"cover"}},
            {"id":"seg_3","src":"{{{{media[2]}}}}","st":8000,"d":4000,"m":{"kind":"image","fit":"cover","tr":{"type":"fade","d":500}}}]},
          {"id":"trk_2","tt":1,"m":{"name":"BGM"},"sg":[
            {"id":"seg_4","src":"{{{{media[3]}}}}","st":0,"d":12000,"so":0,"vol":0.5,"m":{"kind":"audio","fo":1000}}]},
          {"id":"trk_3","tt":7,"m":{"name":"Title"},"sg":[
            {"id":"seg_5","st":0,"d":2000,"m":{"text":"{{{{title}}}}","pos":"center","size":60,"color":"#FFFFFF"}}]}]}
        """);

    [Fact]
    public async Task Queued_chunks_render_every_frame_leave_no_piece_behind_and_an_edit_queues_only_the_changed_pieces()
    {
        await using var server = await LiveServer.StartAsync(o => o.Render.ChunkJobs = ChunkJobModes.Queued);
        var client = await server.NewClientAsync();
        var media = await SeedMedia.AddAsync(server, client, TestMedia.Real("image/photo-snow.jpg"), TestMedia.Real("image/photo-skagen.jpg"),
            TestMedia.Real("image/photo-pool.jpg"), TestMedia.Real("audio/music-its-a-game.mkv"));

        var first = await RenderAsync(client, "render_chunks_1", Slideshow(media, "Hello"));
        var firstPieces = await PiecesOfAsync(server, "render_chunks_1");
        output.WriteLine($"first render: {firstPieces.Count} render_chunk jobs: {string.Join(", ", firstPieces.Select(p => p.Status))}");
        // 12 s in chunks of about 4 s, plus the soundtrack: several pieces, each a completed job of the engine.
        Assert.InRange(firstPieces.Count, 3, 8);
        Assert.All(firstPieces, p => Assert.Equal(JobStates.Completed, p.Status));
        Assert.Equal(360, CountFrames(first));
        Assert.InRange(RenderKit.DurationMs(RenderKit.Probe(first)), 11967, 12034);
        Assert.NotNull(RenderKit.Stream(RenderKit.Probe(first), "audio"));
        // The pieces passed through the shared store and were taken out of it.
        var shared = Path.Combine(server.DataDir, "render-chunks");
        Assert.Empty(Directory.Exists(shared) ? Directory.GetFiles(shared, "*", SearchOption.AllDirectories) : []);

        // A new title: only the chunk under it changed; the other chunks and the soundtrack come from the cache.
        var second = await RenderAsync(client, "render_chunks_2", Slideshow(media, "World"));
        var secondPieces = await PiecesOfAsync(server, "render_chunks_2");
        output.WriteLine($"after the title edit: {secondPieces.Count} render_chunk jobs");
        Assert.Single(secondPieces);
        Assert.Equal(360, CountFrames(second));
        Assert.True(TestMedia.MeanAbsDiff(TestMedia.DecodeRgb(first, 30), TestMedia.DecodeRgb(second, 30)) > 1.0, "the title changed at 1 s");
        Assert.True(TestMedia.MeanAbsDiff(TestMedia.DecodeRgb(first, 300), TestMedia.DecodeRgb(second, 300)) < 1.0, "the picture at 10 s is the same");
    }

    [Fact]
    public async Task A_failed_piece_fails_the_wait_with_its_code_and_a_stopped_wait_fails_its_pieces_and_leaves_no_piece_in_the_store()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var media = await SeedMedia.AddAsync(server, client, TestMedia.Real("image/photo-snow.jpg"));
        var jobStore = server.Services.GetRequiredService<JobStore>();
        var queue = server.Services.GetRequiredService<JobQueue>();
        var files = server.Services.GetRequiredService<FileStore>();

        // A piece whose photo is not in the session: its worker fails it with 4004, and the render's wait ends with that code.
        var gone = await RunningParentAsync(server, client, "job_parent_gone");
        var missing = Piece(Slideshow(["med_gone", "med_gone", "med_gone", media[0]], "x"), client.SessionId);
        var e = await Assert.ThrowsAsync<ApiException>(() => new QueuedRenderChunkScheduler(gone, missing.Payload, jobStore, queue, files, null, TimeSpan.FromMinutes(3))
            .RunAsync([missing.Job], CancellationToken.None));
        output.WriteLine($"failed piece: {e.Code} {e.Message}");
        Assert.Equal(4004, e.Code);

        // The render stops while its piece renders: the piece is failed, and the worker that finishes it deletes what it put.
        var parent = await RunningParentAsync(server, client, "job_parent_stop");
        var photo = Piece($$$$"""{"v":1,"w":640,"h":360,"fps":30,"d":12000,"t":[{"id":"trk_1","tt":0,"sg":[{"id":"seg_1","src":"{{{{media[0]}}}}","st":0,"d":12000,"m":{"kind":"image","fit":"cover","motion":"zoom-in"}}]}]}""", client.SessionId, frames: 360);
        using var stop = new CancellationTokenSource();
        var wait = new QueuedRenderChunkScheduler(parent, photo.Payload, jobStore, queue, files, null, TimeSpan.FromMinutes(3)).RunAsync([photo.Job], stop.Token);
        var row = await WaitForPieceAsync(server, parent.Id, JobStates.Running);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        Assert.Equal(JobStates.Failed, (await jobStore.FindAsync(row))!.Status);
        // The worker keeps rendering the 12 s piece (360 frames), then finds its row failed and removes the piece it put.
        var shared = Path.Combine(server.DataDir, "render-chunks");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        var finished = server.Services.GetRequiredService<ServerMetrics>().JobDuration.WithLabels(JobKinds.RenderChunk, "completed");
        while (DateTime.UtcNow < deadline && finished.Count == 0) await Task.Delay(200);
        Assert.Equal(1, finished.Count); // the worker rendered the piece to its end (and returned normally)
        Assert.Empty(Directory.Exists(shared) ? Directory.GetFiles(shared, "*", SearchOption.AllDirectories) : []);
    }

    /// <summary>A running render job row of the client's session (the parent the pieces belong to).</summary>
    private static async Task<JobRow> RunningParentAsync(LiveServer server, ApiClient client, string id)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync();
        var account = (await db.Sessions.AsNoTracking().SingleAsync(x => x.Id == client.SessionId)).AccountId;
        var now = DateTime.UtcNow;
        var row = new JobRow { Id = id, Kind = JobKinds.Render, AccountId = account, SessionId = client.SessionId, Status = JobStates.Running, Attempts = 1,
            CreatedAt = now, UpdatedAt = now, StartedAt = now, LeaseUntil = now.AddMinutes(10), WorkerId = "test" };
        db.Jobs.Add(row);
        await db.SaveChangesAsync();
        return row;
    }

    /// <summary>The first <paramref name="frames"/> frames (default 4 s) of <paramref name="draftJson"/> as a piece of a render of <paramref name="sessionId"/>.</summary>
    private static (RenderChunkJob Job, RenderPayload Payload) Piece(string draftJson, string sessionId, int frames = 120)
    {
        Assert.Empty(RenderableDraft.TryCreate(DraftJson.Parse(draftJson).Draft!, out var draft));
        var output = Path.Combine(Path.GetTempPath(), $"cutroom-piece-{Guid.NewGuid():N}.mp4");
        var request = new DraftRenderRequest(draft!, output, _ => null) { Window = new FrameWindow(0, frames), Parts = RenderParts.Video, AllowChunks = false };
        return (new RenderChunkJob(request, Guid.NewGuid().ToString("N"), _ => throw new InvalidOperationException("queued, not run here")),
            new RenderPayload(sessionId, draft!, OutputFormat.Mp4, OutputQuality.High));
    }

    private static async Task<string> WaitForPieceAsync(LiveServer server, string parentId, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync();
            var row = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Kind == JobKinds.RenderChunk && j.ExternalId!.StartsWith(parentId + ":") && j.Status == status);
            if (row is not null) return row.Id;
            await Task.Delay(100);
        }
        Assert.Fail($"no piece of {parentId} became {status}");
        return "";
    }

    private async Task<string> RenderAsync(ApiClient client, string id, string draft)
    {
        using (var res = await RenderKit.PostAsync(client.Http, RenderKit.Body(id, client.SessionId, draft)))
            await LiveServer.ReadEnvelopeAsync(res, 202);
        var done = await RenderKit.WaitForAsync(client.Http, id, RenderTimeout, "completed", "failed");
        Assert.True(done.GetProperty("status").GetString() == "completed", done.ToString());
        return await RenderKit.DownloadAsync(done.GetProperty("output").GetProperty("url").GetString()!, _downloads, id + ".mp4");
    }

    /// <summary>The video frames ffprobe decodes in <paramref name="path"/>.</summary>
    private static long CountFrames(string path)
    {
        var (code, stdout, stderr) = TestMedia.Run("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path]);
        Assert.True(code == 0, stderr);
        return long.Parse(stdout.Trim(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<(string Id, string Status)>> PiecesOfAsync(LiveServer server, string renderId)
    {
        await using var db = await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync();
        var parent = await db.Jobs.AsNoTracking().SingleAsync(j => j.Kind == JobKinds.Render && j.ExternalId == renderId);
        var prefix = parent.Id + ":";
        return (await db.Jobs.AsNoTracking().Where(j => j.Kind == JobKinds.RenderChunk && j.ExternalId!.StartsWith(prefix)).ToListAsync())
            .Select(j => (j.Id, j.Status)).ToList();
    }
}
