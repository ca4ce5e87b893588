using Cutroom.Server.Data.Entities;
using Cutroom.Server.Jobs;
using Cutroom.Server.Operations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cutroom.Server.Tests.Operations;

/// <summary>How <see cref="MeteredJobHandler"/> names an attempt's outcome and counts running jobs (no database, no ffmpeg).</summary>
[Trait("Tier", "Fast")]
public sealed class MeteredJobHandlerTests
{
    private static readonly JobRow Job = new() { Id = "job_1", Kind = JobKinds.Render, AccountId = "acc_1", SessionId = "ses_1", Status = JobStates.Running };

    [Fact]
    public async Task A_returned_result_is_completed_and_the_running_count_is_one_only_while_it_runs()
    {
        var metrics = NewMetrics();
        double during = -1;
        var handler = new MeteredJobHandler(new Handler(_ =>
        {
            during = metrics.JobsRunning.WithLabels(JobKinds.Render).Value;
            return Task.FromResult<string?>("{}");
        }), metrics);

        Assert.Equal("{}", await handler.RunAsync(Job, "{}", new Progress<int>(), CancellationToken.None));
        Assert.Equal(1, during);
        Assert.Equal(0, metrics.JobsRunning.WithLabels(JobKinds.Render).Value);
        Assert.Equal(1, metrics.JobDuration.WithLabels(JobKinds.Render, "completed").Count);
        Assert.Equal(0, metrics.JobDuration.WithLabels(JobKinds.Render, "failed").Count);
    }

    [Fact]
    public async Task An_error_is_failed_and_is_passed_on_unchanged()
    {
        var metrics = NewMetrics();
        var handler = new MeteredJobHandler(new Handler(_ => throw new InvalidOperationException("broke")), metrics);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => handler.RunAsync(Job, "{}", new Progress<int>(), CancellationToken.None));
        Assert.Equal("broke", ex.Message);
        Assert.Equal(1, metrics.JobDuration.WithLabels(JobKinds.Render, "failed").Count);
        Assert.Equal(0, metrics.JobsRunning.WithLabels(JobKinds.Render).Value);
    }

    [Fact]
    public async Task A_cancel_by_the_stopping_server_is_interrupted_but_a_cancel_from_inside_the_job_is_failed()
    {
        var metrics = NewMetrics();
        using var stop = new CancellationTokenSource();
        var stopped = new MeteredJobHandler(new Handler(ct => { stop.Cancel(); ct.ThrowIfCancellationRequested(); return Task.FromResult<string?>(null); }), metrics);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped.RunAsync(Job, "{}", new Progress<int>(), stop.Token));

        var timedOut = new MeteredJobHandler(new Handler(_ => throw new OperationCanceledException("a timeout inside")), metrics);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => timedOut.RunAsync(Job, "{}", new Progress<int>(), CancellationToken.None));

        Assert.Equal(1, metrics.JobDuration.WithLabels(JobKinds.Render, "interrupted").Count);
        Assert.Equal(1, metrics.JobDuration.WithLabels(JobKinds.Render, "failed").Count);
    }

    /// <summary>Metrics with a queue counter and a worker list that are never asked (nothing scrapes in these tests).</summary>
    private static ServerMetrics NewMetrics() => new(new QueueDepth(null!), new WorkerCapacity(null!, TimeProvider.System), NullLogger<ServerMetrics>.Instance);

    private sealed class Handler(Func<CancellationToken, Task<string?>> run) : IJobHandler
    {
        public string Kind => JobKinds.Render;

        public Task<string?> RunAsync(JobRow job, string payload, IProgress<int> progress, CancellationToken cancellationToken) => run(cancellationToken);
    }
}
