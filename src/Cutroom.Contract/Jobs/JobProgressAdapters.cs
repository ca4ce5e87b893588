namespace Cutroom.Contract.Jobs;

/// <summary>Adapters between a job's <see cref="JobProgress"/> and the plain 0..1 fractions of an interface's progress bar.</summary>
public static class JobProgressAdapters
{
    /// <summary>
    /// An <see cref="IProgress{T}"/> of <see cref="JobProgress"/> that forwards each fraction to
    /// <paramref name="fractions"/> (the stage is dropped); null when <paramref name="fractions"/> is null.
    /// Reports on the caller's thread.
    /// </summary>
    /// <param name="fractions">A progress of 0..1 (a CLI bar, a chat tool's progress).</param>
    public static IProgress<JobProgress>? AsJobProgress(this IProgress<double>? fractions) =>
        fractions is null ? null : new FractionSink(fractions);

    private sealed class FractionSink(IProgress<double> target) : IProgress<JobProgress>
    {
        public void Report(JobProgress value) => target.Report(value.Fraction);
    }
}
