using Cutroom.Server.Jobs;

namespace Cutroom.Server.Operations;

/// <summary>Whether this process's job engine is running (for <c>/readyz</c>).</summary>
public interface IJobEngineStatus
{
    /// <summary>True while the engine takes and runs jobs; false before it started and after it stopped or crashed.</summary>
    bool IsRunning { get; }
}

/// <summary>The <see cref="WorkerPool"/>'s status: running while its background loop has started and not ended.</summary>
/// <param name="pool">The pool.</param>
public sealed class WorkerPoolStatus(WorkerPool pool) : IJobEngineStatus
{
    /// <inheritdoc/>
    public bool IsRunning => pool.ExecuteTask is { IsCompleted: false };
}
