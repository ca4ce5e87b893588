using Cutroom.Engine.Common;
using Cutroom.Engine.Render.Chunks;

namespace Cutroom.Cli.Infrastructure;

/// <summary>
/// The engine context of the rendering commands (<c>create</c>, <c>render</c>, <c>local-chat</c>): the
/// default context with a render cache, so that rendering a draft again after an edit re-renders only
/// the chunks the edit touched. The cache is <c>CUTROOM_RENDER_CACHE</c> (a folder; <c>off</c> keeps
/// nothing), default <c>$XDG_CACHE_HOME/cutroom/render</c>; its size limit is
/// <c>CUTROOM_RENDER_CACHE_MB</c> (default 2048 MB), least recently used pieces evicted first.
/// <c>CUTROOM_RENDER_CHUNKS=off</c> renders every draft in one ffmpeg pass, and <c>CUTROOM_RENDER_MOTION=ffmpeg</c> has
/// ffmpeg draw Ken Burns motion (<c>perspective</c>) instead of Cutroom's resampler: together, a render is one
/// self-contained ffmpeg command (for comparisons, bench/create.sh).
/// </summary>
internal static class RenderEngine
{
    /// <summary>The context; a cache folder that cannot be created leaves the cache off.</summary>
    public static EngineContext Create()
    {
        var ctx = EngineContext.CreateDefault();
        if (string.Equals(Environment.GetEnvironmentVariable("CUTROOM_RENDER_CHUNKS"), "off", StringComparison.OrdinalIgnoreCase))
            ctx = new EngineContext(ctx.Runner, ctx.Prober, ctx.Limits) { Chunking = ctx.Chunking with { Enabled = false } };
        if (string.Equals(Environment.GetEnvironmentVariable("CUTROOM_RENDER_MOTION"), "ffmpeg", StringComparison.OrdinalIgnoreCase))
            ctx = new EngineContext(ctx.Runner, ctx.Prober, ctx.Limits) { Chunking = ctx.Chunking, DrawMotionInProcess = false };
        var folder = Environment.GetEnvironmentVariable("CUTROOM_RENDER_CACHE");
        if (string.Equals(folder, "off", StringComparison.OrdinalIgnoreCase)) return ctx;
        var mb = long.TryParse(Environment.GetEnvironmentVariable("CUTROOM_RENDER_CACHE_MB"), out var m) && m > 0 ? m : RenderCache.DefaultMaxBytes >> 20;
        try { return ctx.WithRenderCache(new RenderCache(string.IsNullOrWhiteSpace(folder) ? RenderCache.DefaultFolder() : folder, mb << 20)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ctx; }
    }
}
