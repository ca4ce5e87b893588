namespace Cutroom.Contract.Errors;

/// <summary>
/// One problem with a job's request, as a value: the one shape for bad drafts, bad edits and bad
/// job requests. It names no interface: <see cref="Field"/> is a neutral name (<c>every</c>,
/// <c>range.start</c>) or, for a draft, a JSON path into it (<c>t[1].sg[0].d</c>); the CLI maps it to a
/// flag, the agent to a tool argument, the server to a JSON path of the request body.
/// </summary>
/// <param name="Code">Why, one of <see cref="JobErrorCodes"/>; decides the <see cref="ErrorKind"/>.</param>
/// <param name="Field">Where: a neutral field name or a draft JSON path; <see cref="JobFields.Request"/> (<c>$</c>) for the request as a whole.</param>
/// <param name="Message">What is wrong and, where there is one, the fix, in words that fit after the field's name ("must be 1 or more"); never a flag, a tool argument or a local path.</param>
public sealed record JobError(string Code, string Field, string Message)
{
    /// <summary>The kind of failure this error is (bad input, not found, over a limit...).</summary>
    public ErrorKind Kind => JobErrorCodes.KindOf(Code);

    /// <summary>The error as one line: <c>every: must be 1 or more</c>, <c>$: must be an object</c>.</summary>
    public override string ToString() => $"{Field}: {Message}";

    /// <summary>The error as people read it when no interface names the field: the message alone for the request as a whole and for the input file (its messages name the file), else <see cref="ToString"/>.</summary>
    public string ToSentence() => Field is JobFields.Request or JobFields.Input or "" ? Message : ToString();
}
