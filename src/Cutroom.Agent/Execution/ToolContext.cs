using Cutroom.Agent.Sessions;
using Cutroom.Engine.Common;

namespace Cutroom.Agent.Execution;

/// <summary>What an executor runs against.</summary>
/// <param name="Session">The session.</param>
/// <param name="Engine">The media engine (ffmpeg runner and prober).</param>
/// <param name="Language">The reply language: <c>en</c> or <c>zh</c>.</param>
/// <param name="Options">Agent settings.</param>
public sealed record ToolContext(IAgentSession Session, EngineContext Engine, string Language, AgentOptions Options)
{
    /// <summary>Progress of the running job (0..1).</summary>
    public IProgress<double>? Progress { get; init; }

    /// <summary>Stops the running job.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Whether replies are in Chinese.</summary>
    public bool Chinese => Language == "zh";

    /// <summary>The English or the Chinese text, by <see cref="Language"/>.</summary>
    /// <param name="en">English.</param>
    /// <param name="zh">Simplified Chinese.</param>
    public string T(string en, string zh) => Chinese ? zh : en;
}
