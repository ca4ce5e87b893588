namespace Cutroom.Engine.Render.Chunks;

/// <summary>
/// One piece of a chunked render as a job: <see cref="Request"/> is a complete, self-standing render
/// request (the draft, where its media are, the output settings, and <see cref="DraftRenderRequest.Window"/>
/// and <see cref="DraftRenderRequest.Parts"/> set), so any worker that can read the media can render it
/// with <see cref="DraftRenderer"/>; <see cref="RunHereAsync"/> renders it in this process (sources already probed).
/// </summary>
/// <param name="Request">The piece's render request: a window of the picture, or the whole soundtrack.</param>
/// <param name="Key">The piece's cache key (<see cref="RenderChunkKey"/>): a worker elsewhere stores its output under it.</param>
/// <param name="RunHereAsync">Renders the piece in this process to the render's work folder and caches it.</param>
public sealed record RenderChunkJob(DraftRenderRequest Request, string Key, Func<CancellationToken, Task> RunHereAsync)
{
    /// <summary>Where a scheduler that runs the piece elsewhere reports its progress (0..1); <see cref="RunHereAsync"/> reports its own.</summary>
    public IProgress<double>? Progress { get; init; }
}

/// <summary>
/// Runs the pieces of a chunked render. The local scheduler runs them in this process, as many at once
/// as <see cref="RenderChunkOptions.Concurrency"/> (the cores); a scheduler over a job queue can hand
/// them to several workers, which store each piece in a shared <see cref="RenderCache"/> under its key.
/// </summary>
public interface IRenderChunkScheduler
{
    /// <summary>Runs every job; completes when all are done, throws the first failure (the rest are cancelled).</summary>
    /// <param name="jobs">The pieces still to render.</param>
    /// <param name="cancellationToken">Cancels every piece.</param>
    Task RunAsync(IReadOnlyList<RenderChunkJob> jobs, CancellationToken cancellationToken);
}

/// <summary>Runs the pieces in this process, <paramref name="concurrency"/> at once.</summary>
/// <param name="concurrency">Pieces rendered at once (at least 1).</param>
public sealed class LocalRenderChunkScheduler(int concurrency) : IRenderChunkScheduler
{
    /// <inheritdoc/>
    public Task RunAsync(IReadOnlyList<RenderChunkJob> jobs, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken },
            async (job, token) => await job.RunHereAsync(token).ConfigureAwait(false));
}
