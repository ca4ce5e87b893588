namespace Cutroom.Contract.Jobs;

/// <summary>Adapters between a caller's plain 0..1 progress and a job's <see cref="JobProgress"/>.</summary>
public static class JobProgressExtensions
{
    /// <summary>
    /// An <see cref="IProgress{T}"/> of <see cref="JobProgress"/> that forwards each fraction to
    /// <paramref name="fractions"/> (a progress bar, a tool's progress); null when it is null.
    /// Reports on the caller's thread.
    /// </summary>
    public static IProgress<JobProgress>? AsJobProgress(this IProgress<double>? fractions) =>
        fractions is null ? null : new ToFractions(fractions);

    private sealed class ToFractions(IProgress<double> target) : IProgress<JobProgress>
    {
        public void Report(JobProgress value) => target.Report(value.Fraction);
    }
}
