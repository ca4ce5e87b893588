using Cutroom.FFmpeg.Probe;
using Cutroom.FFmpeg.Process;

namespace Cutroom.Engine.Common;

/// <summary>
/// What every engine job needs: the ffmpeg runner, the prober, and the limits jobs run under.
/// Create one per process with <see cref="CreateDefault"/> and share it.
/// </summary>
public sealed class EngineContext
{
    /// <summary>Creates a context over explicit parts.</summary>
    public EngineContext(FFmpegRunner runner, MediaProber prober, EngineLimits? limits = null)
    {
        Runner = runner;
        Prober = prober;
        Limits = limits ?? new EngineLimits();
    }

    /// <summary>Creates a context over the ffmpeg found on this machine.</summary>
    /// <exception cref="Cutroom.FFmpeg.Errors.ToolMissingException">When ffmpeg or ffprobe is missing (the message says what to install).</exception>
    public static EngineContext CreateDefault(EngineLimits? limits = null)
    {
        var tools = FFmpegTools.Locate();
        return new EngineContext(new FFmpegRunner(tools), new MediaProber(tools), limits);
    }

    /// <summary>Runs ffmpeg.</summary>
    public FFmpegRunner Runner { get; }
    /// <summary>Runs ffprobe.</summary>
    public MediaProber Prober { get; }
    /// <summary>Timeouts and thread caps.</summary>
    public EngineLimits Limits { get; }

    /// <summary>Where rendered chunks and soundtracks are kept for the next render of the same draft; null keeps nothing (chunks are still rendered in parallel).</summary>
    public Render.Chunks.RenderCache? RenderCache { get; init; }

    /// <summary>How renders are cut into chunks and how many run at once.</summary>
    public Render.Chunks.RenderChunkOptions Chunking { get; init; } = new();

    /// <summary>Who renders the chunks of a render; null: this process, <see cref="Render.Chunks.RenderChunkOptions.Concurrency"/> at once.</summary>
    public Render.Chunks.IRenderChunkScheduler? ChunkScheduler { get; init; }

    /// <summary>
    /// True (default): a render draws the Ken Burns motion of its photos in process (<see cref="Render.Motion.KenBurnsResampler"/>,
    /// about half the CPU of ffmpeg's <c>perspective</c>) and feeds the frames to ffmpeg through pipes. False: ffmpeg draws it
    /// with <c>perspective</c>, so that the render is one self-contained ffmpeg command (for comparisons with hand-written commands).
    /// </summary>
    public bool DrawMotionInProcess { get; init; } = true;

    /// <summary>This context with <paramref name="cache"/> as its <see cref="RenderCache"/>.</summary>
    public EngineContext WithRenderCache(Render.Chunks.RenderCache? cache) =>
        new(Runner, Prober, Limits) { RenderCache = cache, Chunking = Chunking, ChunkScheduler = ChunkScheduler, DrawMotionInProcess = DrawMotionInProcess };

    /// <summary>This context with <paramref name="scheduler"/> as its <see cref="ChunkScheduler"/> (e.g. the job queue's, for one render); every other setting is kept.</summary>
    public EngineContext WithChunkScheduler(Render.Chunks.IRenderChunkScheduler? scheduler) =>
        new(Runner, Prober, Limits) { RenderCache = RenderCache, Chunking = Chunking, ChunkScheduler = scheduler, DrawMotionInProcess = DrawMotionInProcess };

    /// <summary>This context with <paramref name="limits"/> (e.g. a render's own ffmpeg time limit); every other setting is kept.</summary>
    public EngineContext WithLimits(EngineLimits limits) =>
        new(Runner, Prober, limits) { RenderCache = RenderCache, Chunking = Chunking, ChunkScheduler = ChunkScheduler, DrawMotionInProcess = DrawMotionInProcess };
}

/// <summary>Limits every job runs under (docs/security.md §5-6).</summary>
public sealed record EngineLimits
{
    /// <summary>Wall-clock limit of one ffmpeg run (default 30 min).</summary>
    public TimeSpan FFmpegTimeout { get; init; } = TimeSpan.FromMinutes(30);
    /// <summary>Decoder/encoder threads per ffmpeg run (default: the machine's cores, at most 16).</summary>
    public int Threads { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 16);
    /// <summary>Largest accepted frame, in pixels (default 40 MP).</summary>
    public long MaxPixels { get; init; } = 40_000_000;
    /// <summary>Largest accepted width or height, in pixels (default 8192).</summary>
    public int MaxDimension { get; init; } = 8192;
}
