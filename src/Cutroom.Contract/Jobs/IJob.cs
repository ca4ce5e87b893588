using Cutroom.Contract.Errors;

namespace Cutroom.Contract.Jobs;

/// <summary>
/// A job's request: an immutable record whose <see cref="Validate"/> finds every problem that can
/// be found without reading the media, as values.
/// </summary>
public interface IJobRequest
{
    /// <summary>The problems of this request; empty when it is valid.</summary>
    IReadOnlyList<JobError> Validate();
}

/// <summary>
/// A job on media: validates its request, runs, and returns a typed result. Every failure is a
/// <see cref="CutroomException"/> with a code (docs/architecture.md, "The job contract").
/// </summary>
/// <typeparam name="TRequest">The request record.</typeparam>
/// <typeparam name="TResult">The result record.</typeparam>
public interface IJob<in TRequest, TResult> where TRequest : IJobRequest
{
    /// <summary>Runs the job.</summary>
    /// <param name="request">What to do.</param>
    /// <param name="progress">How far it is (may be null).</param>
    /// <param name="cancellationToken">Stops the job; nothing is left half-written.</param>
    /// <returns>What was made.</returns>
    /// <exception cref="CutroomException">A coded failure: bad input, unreadable media, ffmpeg failed.</exception>
    /// <exception cref="OperationCanceledException">When cancelled.</exception>
    Task<TResult> RunAsync(TRequest request, IProgress<JobProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>Helpers for <see cref="IJobRequest"/>.</summary>
public static class JobRequests
{
    /// <summary>Throws when the request is invalid.</summary>
    /// <exception cref="JobInputException">With every problem <see cref="IJobRequest.Validate"/> found.</exception>
    public static void ThrowIfInvalid(this IJobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = request.Validate();
        if (errors.Count > 0) throw new JobInputException(errors);
    }
}
