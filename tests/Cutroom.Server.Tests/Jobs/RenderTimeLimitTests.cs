using Cutroom.Engine.Common;
using Cutroom.Server.Hosting;
using Cutroom.Server.Render;

namespace Cutroom.Server.Tests.Jobs;

[Trait("Tier", "Fast")]
public sealed class RenderTimeLimitTests
{
    [Fact]
    public void The_ffmpeg_time_limit_of_a_render_grows_with_its_output_instead_of_a_flat_30_minutes()
    {
        var options = new RenderOptions();
        Assert.Equal(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(50), options.FFmpegTimeLimitFor(5_000));
        Assert.Equal(TimeSpan.FromMinutes(7), options.FFmpegTimeLimitFor(30_000));
        Assert.Equal(TimeSpan.FromMinutes(302), options.FFmpegTimeLimitFor(30 * 60_000));
        options.FFmpegTimeLimitPerOutputSecond = TimeSpan.FromSeconds(2);
        options.FFmpegTimeLimitBase = TimeSpan.FromSeconds(30);
        Assert.Equal(TimeSpan.FromSeconds(50), options.FFmpegTimeLimitFor(10_000));
    }

    [Fact]
    public void A_draft_longer_than_the_output_limit_is_a_problem_at_path_draft_with_both_durations()
    {
        var options = new RenderOptions();
        Assert.Null(RenderLimits.TooLong(30 * 60_000, options));
        var problem = RenderLimits.TooLong(3 * 3_600_000 + 59 * 60_000, options);
        Assert.NotNull(problem);
        Assert.Equal("draft", problem.Path);
        Assert.Contains("3 h 59 min", problem.Message, StringComparison.Ordinal);
        Assert.Contains("30 min", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_render_s_engine_keeps_the_server_s_cache_chunking_and_other_limits()
    {
        var tools = new Cutroom.FFmpeg.Process.FFmpegTools("ffmpeg", "ffprobe");
        var engine = new EngineContext(new Cutroom.FFmpeg.Process.FFmpegRunner(tools), new Cutroom.FFmpeg.Probe.MediaProber(tools), new EngineLimits { Threads = 3 })
        {
            Chunking = new Cutroom.Engine.Render.Chunks.RenderChunkOptions { Concurrency = 5 },
        };
        var limited = RenderLimits.WithTimeLimit(engine, TimeSpan.FromMinutes(4));
        Assert.Equal(TimeSpan.FromMinutes(4), limited.Limits.FFmpegTimeout);
        Assert.Equal(3, limited.Limits.Threads);
        Assert.Same(engine.Chunking, limited.Chunking);
        Assert.Same(engine.Runner, limited.Runner);
    }
}
