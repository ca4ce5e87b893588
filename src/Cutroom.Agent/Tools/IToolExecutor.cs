using Cutroom.Agent.Execution;

namespace Cutroom.Agent.Tools;

/// <summary>Runs one tool against a session.</summary>
/// <typeparam name="TArgs">The tool's argument record.</typeparam>
public interface IToolExecutor<in TArgs> where TArgs : class
{
    /// <summary>Runs the tool. Domain failures (a segment that does not exist, an edit that does not fit) are failed outcomes, not exceptions.</summary>
    /// <param name="args">Validated arguments.</param>
    /// <param name="context">The session, the engine, the language, cancellation.</param>
    /// <returns>What happened, in words, and what changed.</returns>
    /// <exception cref="Cutroom.Contract.Errors.CutroomException">A media job failed (bad input, ffmpeg).</exception>
    Task<ToolOutcome> ExecuteAsync(TArgs args, ToolContext context);
}
