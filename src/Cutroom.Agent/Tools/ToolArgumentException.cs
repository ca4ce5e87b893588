using Cutroom.Contract.Errors;

namespace Cutroom.Agent.Tools;

/// <summary>A tool call whose arguments do not fit the tool's argument record (unknown tool, missing or unknown argument, wrong type, out of range); code <c>wrong_type</c>.</summary>
/// <param name="tool">The tool name.</param>
/// <param name="message">What is wrong, in one line.</param>
public sealed class ToolArgumentException(string tool, string message)
    : CutroomException([new JobError(JobErrorCodes.WrongType, JobFields.Request, $"{tool}: {message}")])
{
    /// <summary>The tool name.</summary>
    public string Tool { get; } = tool;
}
