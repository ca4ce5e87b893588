namespace Cutroom.Timeline.Errors;

/// <summary>
/// A domain error as a value (never an exception): a draft that breaks a rule, or an edit that
/// cannot be applied. The HTTP layer turns a list of these into code 4000 with
/// <c>data.errors</c> = <c>[{path, message}]</c>; the agent turns them into text.
/// </summary>
/// <param name="Code">Machine-readable reason, one of <see cref="ErrorCodes"/>.</param>
/// <param name="Message">Human-readable, actionable text (no path in it).</param>
/// <param name="JsonPath">
/// Path into the draft, <c>t[1].sg[0].d</c> style (no <c>$.</c> prefix); <c>$</c> for the draft
/// as a whole or for an edit argument that does not name a place in the draft.
/// </param>
public sealed record EditError(string Code, string Message, string JsonPath)
{
    /// <summary>The error as one line: <c>t[1].sg[0].d: must be > 0</c>.</summary>
    public override string ToString() => $"{JsonPath}: {Message}";
}
