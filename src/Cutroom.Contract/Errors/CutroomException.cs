namespace Cutroom.Contract.Errors;

/// <summary>
/// Root of every failure Cutroom raises on purpose. It carries one or more coded
/// <see cref="JobError"/>s; the first decides <see cref="Code"/> and <see cref="Kind"/>, which the
/// CLI maps to an exit code, the server to a contract code and the agent to a sentence. Its
/// <see cref="Exception.Message"/> is one line for people (the errors joined with <c>; </c>), with
/// no stack trace, no local path and no interface's wording.
/// Sealed subclasses: <see cref="JobInputException"/> (bad input, not found, unsupported media,
/// over a limit), <see cref="InsufficientCreditsException"/>, and in Cutroom.FFmpeg
/// <c>FFmpegException</c>, <c>MediaProbeException</c> and <c>ToolMissingException</c>.
/// </summary>
public abstract class CutroomException : Exception
{
    /// <summary>Creates the exception over its errors.</summary>
    /// <param name="errors">At least one error.</param>
    /// <param name="inner">The cause, if any.</param>
    /// <exception cref="ArgumentException">When <paramref name="errors"/> is empty.</exception>
    protected CutroomException(IReadOnlyList<JobError> errors, Exception? inner = null)
        : base(Describe(errors), inner) => Errors = errors;

    /// <summary>The problems, at least one; the first is the main one.</summary>
    public IReadOnlyList<JobError> Errors { get; }

    /// <summary>The main problem.</summary>
    public JobError Error => Errors[0];

    /// <summary>The code of the main problem (<see cref="JobErrorCodes"/>).</summary>
    public string Code => Errors[0].Code;

    /// <summary>The kind of the main problem.</summary>
    public ErrorKind Kind => Errors[0].Kind;

    private static string Describe(IReadOnlyList<JobError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0) throw new ArgumentException("at least one error is needed", nameof(errors));
        return string.Join("; ", errors.Select(e => e.ToSentence()));
    }
}

/// <summary>
/// A job was asked for something it cannot do with this input: a value out of range, a time
/// beyond the end, a selector that matches no frame, a missing file, media of the wrong kind, a
/// request over a limit. The codes of <see cref="CutroomException.Errors"/> tell which.
/// </summary>
public sealed class JobInputException : CutroomException
{
    /// <summary>Creates the exception over the problems found.</summary>
    /// <param name="errors">At least one error.</param>
    public JobInputException(IReadOnlyList<JobError> errors) : base(errors) { }

    /// <summary>Creates the exception over one problem.</summary>
    public JobInputException(JobError error) : base([error]) { }

    /// <summary>Creates the exception over one problem.</summary>
    /// <param name="code">One of <see cref="JobErrorCodes"/>.</param>
    /// <param name="field">The neutral field name (<see cref="JobFields"/>).</param>
    /// <param name="message">Neutral text that fits after the field's name.</param>
    public JobInputException(string code, string field, string message) : base([new JobError(code, field, message)]) { }

}

/// <summary>Thrown when an operation's estimate is more than the available credits.</summary>
public sealed class InsufficientCreditsException : CutroomException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="needed">The estimate, in credits.</param>
    /// <param name="available">What is available, in credits.</param>
    public InsufficientCreditsException(int needed, int available)
        : base([new JobError(JobErrorCodes.InsufficientCredits, JobFields.Request, $"this needs {needed} credits and {available} are available")])
    {
        Needed = needed;
        Available = available;
    }

    /// <summary>The estimate, in credits.</summary>
    public int Needed { get; }

    /// <summary>What was available, in credits.</summary>
    public int Available { get; }
}
