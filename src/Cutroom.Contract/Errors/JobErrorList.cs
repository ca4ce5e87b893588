namespace Cutroom.Contract.Errors;

/// <summary>
/// Collects the problems a request's <c>Validate()</c> finds, in order, so that a request with
/// three bad fields reports all three.
/// </summary>
public sealed class JobErrorList
{
    private readonly List<JobError> _errors = [];

    /// <summary>The problems found so far.</summary>
    public IReadOnlyList<JobError> Errors => _errors;

    /// <summary>Adds a problem.</summary>
    public JobErrorList Add(string code, string field, string message)
    {
        _errors.Add(new JobError(code, field, message));
        return this;
    }

    /// <summary>Adds a problem when <paramref name="condition"/> is false.</summary>
    public JobErrorList Require(bool condition, string code, string field, string message) =>
        condition ? this : Add(code, field, message);

    /// <summary>
    /// Adds a problem unless <paramref name="min"/> ≤ <paramref name="value"/> ≤ <paramref name="max"/>:
    /// <see cref="JobErrorCodes.OutOfRange"/> below the minimum, and above the maximum
    /// <see cref="JobErrorCodes.OverLimit"/> when the maximum is a limit of the service (a count of
    /// frames, a size) or <see cref="JobErrorCodes.OutOfRange"/> when it is the end of a scale (a
    /// quality of 1-100).
    /// </summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The value; null passes (an optional field left out).</param>
    /// <param name="min">Smallest allowed value.</param>
    /// <param name="max">Largest allowed value.</param>
    /// <param name="unit">Unit words after the numbers (" pixels"), or empty.</param>
    /// <param name="maxIsLimit">True (default) when <paramref name="max"/> is a limit of the service; false for the end of a scale.</param>
    public JobErrorList InRange(string field, long? value, long min, long max, string unit = "", bool maxIsLimit = true)
    {
        if (value is not { } v || (v >= min && v <= max)) return this;
        var code = v > max && maxIsLimit ? JobErrorCodes.OverLimit : JobErrorCodes.OutOfRange;
        return Add(code, field, max == long.MaxValue ? $"must be {min}{unit} or more" : $"must be between {min} and {max}{unit}");
    }

    /// <summary>Throws <see cref="JobInputException"/> when any problem was found.</summary>
    /// <exception cref="JobInputException">With every problem found.</exception>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0) throw new JobInputException([.. _errors]);
    }
}
