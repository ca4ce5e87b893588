using Cutroom.Agent.Credits;

namespace Cutroom.Agent.Execution;

/// <summary>Settings of the agent (server settings, CLI options, test choices).</summary>
public sealed record AgentOptions
{
    /// <summary>The price table.</summary>
    public CreditPrices Prices { get; init; } = CreditPrices.Default;

    /// <summary>Export quality when the call does not name one (default high, as the contract's render).</summary>
    public string DefaultExportQuality { get; init; } = "high";

    /// <summary>Render exports at most this tall (pixels; texts and margins scale). Null: the canvas size. Tests use a small value to stay fast.</summary>
    public int? MaxExportHeight { get; init; }

    /// <summary>Analysis mode for summaries and highlights (null: by length).</summary>
    public Cutroom.Engine.Analysis.AnalysisMode? AnalysisMode { get; init; }
}
