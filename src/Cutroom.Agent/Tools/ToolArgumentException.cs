using Cutroom.Contract.Errors;

namespace Cutroom.Agent.Tools;

/// <summary>
/// A tool call whose arguments do not fit the tool's argument record: an unknown tool, a missing,
/// unknown or mistyped argument (code <c>wrong_type</c> unless given), or a value outside the
/// argument's range (<c>out_of_range</c>, or <c>over_limit</c> above a limit).
/// </summary>
/// <param name="tool">The tool name.</param>
/// <param name="message">What is wrong, in one line.</param>
/// <param name="code">One of <see cref="JobErrorCodes"/>.</param>
/// <param name="field">The argument at fault (snake_case), or <see cref="JobFields.Request"/>.</param>
public sealed class ToolArgumentException(string tool, string message, string code = JobErrorCodes.WrongType, string field = JobFields.Request)
    : CutroomException([new JobError(code, field, field == JobFields.Request ? $"{tool}: {message}" : message)])
{
    /// <summary>The tool name.</summary>
    public string Tool { get; } = tool;
}
