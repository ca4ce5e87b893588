namespace Cutroom.Server.Operations;

/// <summary>Whether this process's job engine is running (for <c>/readyz</c>; <see cref="Jobs.JobEngine"/>).</summary>
public interface IJobEngineStatus
{
    /// <summary>True while the engine takes and runs jobs; false before it started and after it stopped or crashed.</summary>
    bool IsRunning { get; }
}
