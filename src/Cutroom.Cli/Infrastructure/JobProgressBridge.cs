using Cutroom.Contract.Jobs;

namespace Cutroom.Cli.Infrastructure;

/// <summary>Connects a job's <see cref="JobProgress"/> to the CLI's progress bar, which counts in plain fractions.</summary>
public static class JobProgressBridge
{
    /// <summary>An <see cref="IProgress{T}"/> of <see cref="JobProgress"/> that reports each fraction to <paramref name="fractions"/> on the caller's thread.</summary>
    /// <param name="fractions">The bar, 0..1.</param>
    public static IProgress<JobProgress> ToJobProgress(this IProgress<double> fractions)
    {
        ArgumentNullException.ThrowIfNull(fractions);
        return new Forward(fractions);
    }

    private sealed class Forward(IProgress<double> target) : IProgress<JobProgress>
    {
        public void Report(JobProgress value) => target.Report(value.Fraction);
    }
}
