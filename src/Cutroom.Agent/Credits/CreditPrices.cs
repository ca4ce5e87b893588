using Cutroom.Agent.Tools;

namespace Cutroom.Agent.Credits;

/// <summary>
/// The price table (a setting: the server may pass its own). Chat operations that process
/// media cost credits; draft edits, questions and exports are free (contract §7). The
/// defaults, documented in docs/agent.md, follow the work each job does: frames, thumbnails
/// and contact sheets decode once; trims and conversions re-encode by the minute; summaries
/// and highlights analyse the whole source (by the started five minutes).
/// </summary>
public sealed record CreditPrices
{
    /// <summary>The default table.</summary>
    public static CreditPrices Default { get; } = new();

    /// <summary>Prices by tool name; tools not listed are free.</summary>
    public IReadOnlyDictionary<string, CreditPrice> ByTool { get; init; } = new Dictionary<string, CreditPrice>
    {
        [ToolNames.ExtractFrames] = new(1, 1, 60_000),
        [ToolNames.Thumbnail] = new(1),
        [ToolNames.ContactSheet] = new(1),
        [ToolNames.Summarize] = new(1, 1, 300_000),
        [ToolNames.Highlights] = new(2, 1, 300_000),
        [ToolNames.Trim] = new(1),
        [ToolNames.Convert] = new(0, 1, 60_000),
    };

    /// <summary>The price rule of <paramref name="tool"/> (free when not listed).</summary>
    /// <param name="tool">A tool name.</param>
    public CreditPrice Of(string tool) => ByTool.GetValueOrDefault(tool) ?? CreditPrice.Free;
}
