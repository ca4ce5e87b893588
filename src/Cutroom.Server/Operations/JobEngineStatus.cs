namespace Cutroom.Server.Operations;

/// <summary>Whether this process's job engine is running (for <c>/readyz</c>; <see cref="Jobs.JobEngine"/>).</summary>
public interface IJobEngineStatus
{
    /// <summary>True while the engine takes and runs jobs; false before it started and after it stopped or crashed.</summary>
    bool IsRunning { get; }

    /// <summary>This process's engine workers per queue while it runs (<c>render</c>, <c>chat</c>, <c>render_chunk</c>, <c>system</c> → jobs of that queue it runs at once); empty when it does not run.</summary>
    IReadOnlyDictionary<string, int> Workers { get; }
}
