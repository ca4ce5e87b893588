using System.Text.Json;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Output;
using Cutroom.Engine.Common;
using Cutroom.Engine.Render;
using Cutroom.Server.Contract;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Cutroom.Server.Jobs;
using Cutroom.Server.Storage;
using Microsoft.Extensions.Logging;

namespace Cutroom.Server.Render.Chunks;

/// <summary>
/// Runs render-chunk jobs (kind <c>render_chunk</c>, docs/render.md "Chunks as jobs"): one piece of a
/// chunked render that a render job on any worker queued (<see cref="QueuedRenderChunkScheduler"/>). The
/// piece's media are resolved within its session and copied to local scratch when the store is S3; the
/// piece comes from this worker's render cache when it has it, else it is rendered with
/// <see cref="DraftRenderer"/> (one pass of exactly its frames, checked by counting them) and cached; then it
/// is put into the shared store under <see cref="RenderChunkPayload.BlobKey"/>, where its parent takes it.
/// A piece whose parent no longer waits for it (the parent ended, or was recovered and started again) is skipped.
/// </summary>
/// <param name="engine">ffmpeg, the render cache and the engine's limits.</param>
/// <param name="sources">Resolves media ids within the session.</param>
/// <param name="store">Temp names and the shared blob store.</param>
/// <param name="jobs">The jobs table (the parent's state).</param>
/// <param name="options">The render time limit.</param>
/// <param name="logger">The server log.</param>
public sealed class RenderChunkJobHandler(EngineContext engine, RenderSources sources, FileStore store, JobStore jobs, ServerOptions options,
    ILogger<RenderChunkJobHandler> logger) : IJobHandler
{
    /// <inheritdoc/>
    public string Kind => JobKinds.RenderChunk;

    /// <inheritdoc/>
    /// <returns><c>{"blob":"render-chunks/…","reused":false}</c>, or <c>{"skipped":true}</c> when the parent no longer waits.</returns>
    /// <exception cref="ApiException">4004 when a media item is gone; 5000 when ffmpeg fails or the piece does not hold its frames.</exception>
    public async Task<string?> RunAsync(JobRow job, string payload, IProgress<int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        var piece = RenderChunkPayload.Parse(payload);
        if (!await ParentWaitsAsync(piece, cancellationToken)) return Skipped;

        var draft = piece.Draft.Draft;
        var media = await sources.LoadAsync(piece.SessionId, draft, cancellationToken, fetch: true);
        foreach (var m in media.Values)
            if (m.Path is null || !File.Exists(m.Path))
                throw new ApiException(ApiCodes.NotFound, $"media '{m.Name}' ({m.Id}) is missing from storage");

        var temp = store.NewTempPath(piece.Extension);
        try
        {
            var reused = engine.RenderCache?.TryTake(piece.Key, piece.Extension, temp) == true;
            if (!reused)
            {
                var request = new DraftRenderRequest(piece.Draft, temp, id => media.TryGetValue(id, out var m) ? m.Path : null)
                {
                    Spec = OutputSpecs.ForRender(piece.Format, piece.Quality),
                    Background = piece.Background,
                    TargetLufs = piece.TargetLufs,
                    AllowChunks = false,
                    Window = piece.Window,
                    Parts = piece.Parts,
                };
                var outputMs = piece.Window is { } w ? (long)Math.Ceiling(w.Count * 1000.0 / draft.Fps) : draft.DurationMs;
                // The renderer verifies the piece: a window's pass must hold exactly its frames.
                await new DraftRenderer(RenderLimits.WithTimeLimit(engine, options.Render.FFmpegTimeLimitFor(outputMs)).WithChunkScheduler(null))
                    .RunAsync(request, new RenderJobHandler.PercentProgress(progress, 99), cancellationToken); // 100 when the job completes
                engine.RenderCache?.Put(piece.Key, piece.Extension, temp);
            }
            if (!await ParentWaitsAsync(piece, cancellationToken)) return Skipped;
            await store.Blobs.PutFileAsync(piece.BlobKey, temp, new BlobHeaders(ContentTypes.Of(temp), Path.GetFileName(temp)), move: true, cancellationToken);
            // The parent gave up on this piece while it was being put (it failed the piece's row): nobody will take it.
            if (await jobs.FindAsync(job.Id, CancellationToken.None) is not { Status: JobStates.Running })
                await store.Blobs.DeleteAsync(piece.BlobKey, CancellationToken.None);
            return JsonSerializer.Serialize(new { blob = piece.BlobKey, reused });
        }
        catch (CutroomException e)
        {
            logger.LogWarning("render chunk {Job} of {Parent} failed ({Code}): {Message}", job.Id, piece.ParentJobId, e.Code,
                RenderJobHandler.Redact(e.Message, media, temp));
            throw new ApiException(JobErrorMapping.ApiCodeOf(e), "a piece of the render failed: " + RenderJobHandler.Redact(e.Message, media, temp));
        }
        finally
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private const string Skipped = """{"skipped":true}""";

    /// <summary>Whether a completed piece's result says it was skipped (its parent no longer waited), so no piece was stored.</summary>
    /// <param name="resultJson">The piece job's result.</param>
    public static bool WasSkipped(string? resultJson)
    {
        if (string.IsNullOrEmpty(resultJson)) return true;
        using var doc = JsonDocument.Parse(resultJson);
        return !doc.RootElement.TryGetProperty("blob", out _);
    }

    /// <summary>Whether the attempt of the parent that queued the piece still runs.</summary>
    private async Task<bool> ParentWaitsAsync(RenderChunkPayload piece, CancellationToken ct) =>
        await jobs.FindAsync(piece.ParentJobId, ct) is { Status: JobStates.Running } parent && parent.Attempts == piece.ParentAttempt;
}
