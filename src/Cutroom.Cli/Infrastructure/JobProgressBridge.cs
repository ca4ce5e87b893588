using Cutroom.Contract.Jobs;

namespace Cutroom.Cli.Infrastructure;

/// <summary>Feeds a job's <see cref="JobProgress"/> to the progress bar of <see cref="JobConsole"/>, which counts in 0..1.</summary>
internal static class JobProgressBridge
{
    /// <summary>A <see cref="JobProgress"/> receiver that reports its fraction to <paramref name="bar"/>, on the caller's thread.</summary>
    /// <param name="bar">The progress bar's receiver.</param>
    public static IProgress<JobProgress> ForJob(this IProgress<double> bar)
    {
        ArgumentNullException.ThrowIfNull(bar);
        return new Bridge(bar);
    }

    private sealed class Bridge(IProgress<double> bar) : IProgress<JobProgress>
    {
        public void Report(JobProgress value) => bar.Report(value.Fraction);
    }
}
