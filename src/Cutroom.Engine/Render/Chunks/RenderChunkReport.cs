namespace Cutroom.Engine.Render.Chunks;

/// <summary>What a chunked render did: how the timeline was cut and which pieces it rendered or reused.</summary>
/// <param name="Chunks">The chunks, in timeline order.</param>
/// <param name="AudioReused">True when the soundtrack came from the cache.</param>
public sealed record RenderChunkReport(IReadOnlyList<RenderChunkOutcome> Chunks, bool AudioReused)
{
    /// <summary>Chunks rendered by this render.</summary>
    public int Rendered => Chunks.Count(c => !c.Reused);

    /// <summary>Chunks taken from the cache.</summary>
    public int Reused => Chunks.Count(c => c.Reused);
}

/// <summary>One chunk of a render.</summary>
/// <param name="FirstFrame">Its first timeline frame.</param>
/// <param name="Frames">Its frames.</param>
/// <param name="Key">Its cache key (<see cref="RenderChunkKey"/>).</param>
/// <param name="Reused">True when it came from the cache.</param>
public sealed record RenderChunkOutcome(long FirstFrame, long Frames, string Key, bool Reused);
