using System.Globalization;
using Cutroom.Engine.Render.Chunks;
using Cutroom.Server.Contract;
using Cutroom.Server.Hosting;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Jobs;
using Cutroom.Server.Storage;

namespace Cutroom.Server.Render.Chunks;

/// <summary>
/// Hands the pieces of one render to the job system (docs/render.md, "Chunks as jobs"): each piece
/// becomes a <c>render_chunk</c> job (<see cref="RenderChunkPayload"/>) with a ticket in the engine's
/// <c>render_chunk</c> queue, so idle chunk workers of every worker process, on any machine, render
/// them at once; the render job waits, reporting the pieces' progress, and takes each finished piece
/// from the shared store into its work folder (and its render cache, for the next render after an edit).
/// When a piece fails, or the render stops, the pieces not yet finished are failed with it and
/// the pieces already put into the store are deleted.
/// </summary>
/// <param name="parent">The render job (its id, attempt, account and session).</param>
/// <param name="render">The render's payload (session, format, quality, draft).</param>
/// <param name="jobStore">The jobs table.</param>
/// <param name="queue">The engine's queue.</param>
/// <param name="store">The shared blob store.</param>
/// <param name="cache">This worker's render cache, or null.</param>
/// <param name="waitLimit">The longest wait for all pieces (the render's ffmpeg time limit).</param>
public sealed class QueuedRenderChunkScheduler(JobRow parent, RenderPayload render, JobStore jobStore, JobQueue queue, FileStore store, RenderCache? cache,
    TimeSpan waitLimit) : IRenderChunkScheduler
{
    /// <summary>How often the render job reads its pieces' rows.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <inheritdoc/>
    /// <exception cref="ApiException">A piece failed (its code and message), or the pieces were not all rendered within the wait limit (5000).</exception>
    public async Task RunAsync(IReadOnlyList<RenderChunkJob> jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var pieces = jobs;
        var pending = new Dictionary<string, (RenderChunkJob Piece, RenderChunkPayload Payload)>(StringComparer.Ordinal);
        try
        {
            for (var i = 0; i < pieces.Count; i++)
            {
                var piece = pieces[i];
                var r = piece.Request;
                var payload = new RenderChunkPayload(parent.Id, parent.Attempts, render.SessionId, render.Format, render.Quality, r.Background, r.TargetLufs,
                    r.Parts, r.Window, piece.Key, Path.GetExtension(r.OutputFile), render.Draft);
                var row = new JobRow
                {
                    Id = Ids.New("job"), Kind = JobKinds.RenderChunk, AccountId = parent.AccountId, SessionId = parent.SessionId, Status = JobStates.Queued,
                    ExternalId = string.Create(CultureInfo.InvariantCulture, $"{parent.Id}:{parent.Attempts}:{i}"),
                };
                await jobStore.CreateAsync(row, payload.ToJson(), cancellationToken);
                pending[row.Id] = (piece, payload);
            }
            // One ticket per piece: every idle chunk worker, on any machine, takes one.
            foreach (var _ in pending) queue.Wake(JobKinds.RenderChunk);

            var deadline = DateTime.UtcNow + waitLimit;
            while (pending.Count > 0)
            {
                await Task.Delay(PollInterval, cancellationToken);
                foreach (var row in await jobStore.FindManyAsync(pending.Keys, cancellationToken))
                {
                    var (piece, payload) = pending[row.Id];
                    switch (row.Status)
                    {
                        case JobStates.Running:
                            piece.Progress?.Report(row.Progress / 100.0);
                            break;
                        case JobStates.Completed when !RenderChunkJobHandler.WasSkipped(row.ResultJson):
                            await store.Blobs.GetToFileAsync(payload.BlobKey, piece.Request.OutputFile, cancellationToken);
                            await store.Blobs.DeleteAsync(payload.BlobKey, CancellationToken.None);
                            cache?.Put(piece.Key, payload.Extension, piece.Request.OutputFile);
                            piece.Progress?.Report(1);
                            pending.Remove(row.Id);
                            break;
                        case JobStates.Completed:
                            throw new ApiException(ApiCodes.ServerError, "a piece of the render was skipped by its worker; post the render again");
                        case JobStates.Failed or JobStates.Cancelled:
                            throw new ApiException(row.ErrorCode ?? ApiCodes.ServerError, row.ErrorMessage ?? "a piece of the render failed");
                    }
                }
                if (pending.Count > 0 && DateTime.UtcNow > deadline)
                    throw new ApiException(ApiCodes.ServerError,
                        $"the pieces of the render were not all rendered within {waitLimit.TotalMinutes:0.#} minutes (no render worker took them); post the render again");
            }
        }
        catch
        {
            foreach (var (id, (_, payload)) in pending)
            {
                await jobStore.FailAsync(id, ApiCodes.ServerError, "its render stopped", workerId: null, CancellationToken.None);
                try { await store.Blobs.DeleteAsync(payload.BlobKey, CancellationToken.None); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or Amazon.S3.AmazonS3Exception) { }
            }
            throw;
        }
    }
}
