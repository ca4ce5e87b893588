using Cutroom.FFmpeg.Process;
using Cutroom.Server.Jobs;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Cutroom.Server.Operations;

/// <summary>
/// The Prometheus series of one server (its own registry, exposed at <c>/metrics</c>; names in
/// docs/operations.md): queue depth per kind, job durations per kind and outcome, running jobs,
/// ffmpeg CPU seconds, and prometheus-net's process and .NET runtime series.
/// </summary>
public sealed class ServerMetrics
{
    /// <summary>Job duration buckets in seconds: a chat turn takes about a second, a long render up to an hour.</summary>
    private static readonly double[] DurationBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    private readonly Counter _ffmpegCpu;
    private readonly Gauge _queued;

    /// <summary>Creates the registry and its series, and reads the queue depth and ffmpeg CPU time before every scrape.</summary>
    /// <param name="queue">Counts queued jobs.</param>
    /// <param name="logger">Logs a queue count that failed (the scrape still answers, with the last values).</param>
    public ServerMetrics(QueueDepth queue, ILogger<ServerMetrics> logger)
    {
        ArgumentNullException.ThrowIfNull(queue);
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _queued = factory.CreateGauge("cutroom_jobs_queued", "Jobs waiting in the queue, per kind (the jobs table: the same for every process).", ["kind"]);
        JobsRunning = factory.CreateGauge("cutroom_jobs_running", "Jobs this process is running now, per kind.", ["kind"]);
        JobDuration = factory.CreateHistogram("cutroom_job_duration_seconds",
            "Wall time of one job attempt in this process, per kind and outcome (completed, failed, interrupted).",
            ["kind", "outcome"], new HistogramConfiguration { Buckets = DurationBuckets });
        _ffmpegCpu = factory.CreateCounter("cutroom_ffmpeg_cpu_seconds_total",
            "User + system CPU seconds used by this process's finished ffmpeg and ffprobe runs (the kernel's accounting of reaped children).");
        foreach (var kind in JobRunner.Kinds)
        {
            _queued.WithLabels(kind).Set(0);
            JobsRunning.WithLabels(kind).Set(0);
        }
        DotNetStats.Register(Registry);

        Registry.AddBeforeCollectCallback(async ct =>
        {
            _ffmpegCpu.IncTo(ChildProcessCpu.TotalSeconds);
            try
            {
                var counts = await queue.CountAsync(ct);
                foreach (var kind in counts.Keys.Concat(JobRunner.Kinds).Distinct())
                    _queued.WithLabels(kind).Set(counts.GetValueOrDefault(kind));
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("counting queued jobs for /metrics failed: {Error}", e.Message);
            }
        });
    }

    /// <summary>The registry <c>/metrics</c> serves.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary><c>cutroom_jobs_running{kind}</c>.</summary>
    public Gauge JobsRunning { get; }

    /// <summary><c>cutroom_job_duration_seconds{kind,outcome}</c>.</summary>
    public Histogram JobDuration { get; }
}
