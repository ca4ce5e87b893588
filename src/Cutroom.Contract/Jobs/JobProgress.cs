namespace Cutroom.Contract.Jobs;

/// <summary>How far a job is.</summary>
/// <param name="Fraction">Done so far, 0..1.</param>
/// <param name="Stage">What the job is doing now ("analysing", "encoding"), or null.</param>
public readonly record struct JobProgress(double Fraction, string? Stage = null)
{
    /// <summary>
    /// An <see cref="IProgress{T}"/> of plain fractions that forwards to <paramref name="target"/>,
    /// for the inner steps of a job that count in 0..1; null when <paramref name="target"/> is null.
    /// Reports on the caller's thread.
    /// </summary>
    public static IProgress<double>? Fractions(IProgress<JobProgress>? target, string? stage = null) =>
        target is null ? null : new FractionProgress(target, stage);

    private sealed class FractionProgress(IProgress<JobProgress> target, string? stage) : IProgress<double>
    {
        public void Report(double value) => target.Report(new JobProgress(Math.Clamp(value, 0, 1), stage));
    }
}
