using System.Text.Json.Serialization;
using Cutroom.Engine.Analysis;

namespace Cutroom.Engine.Highlights;

/// <summary>One highlight clip written.</summary>
/// <param name="Rank">1 = best.</param>
/// <param name="StartMs">Start in the source (ms).</param>
/// <param name="EndMs">End in the source (ms, exclusive).</param>
/// <param name="Score">Interest 0-100.</param>
/// <param name="File">The clip's file name in the output folder.</param>
/// <param name="Reasons">Why it was chosen, in words.</param>
public sealed record HighlightClip(int Rank, long StartMs, long EndMs, double Score, string File, IReadOnlyList<string> Reasons);

/// <summary>The highlights of a video (also written as <c>highlights.json</c>).</summary>
/// <param name="Source">The input's file name.</param>
/// <param name="OutputDirectory">The folder written.</param>
/// <param name="DurationMs">The source's duration (ms).</param>
/// <param name="Analysis">The analysis mode used.</param>
/// <param name="Mode">How the clips were cut.</param>
/// <param name="Clips">The clips, best first.</param>
/// <param name="Reel">The reel's file name, when asked for.</param>
/// <param name="Notes">Why fewer clips than asked, boundaries that could not avoid speech, fallbacks.</param>
/// <param name="ElapsedMs">Wall time of the whole job (ms).</param>
public sealed record HighlightsResult(string Source, [property: JsonIgnore] string OutputDirectory, long DurationMs, AnalysisMode Analysis, ClipMode Mode,
    IReadOnlyList<HighlightClip> Clips, string? Reel, IReadOnlyList<string> Notes, long ElapsedMs);

/// <summary>Source-generated JSON (snake_case) for <c>highlights.json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HighlightsResult))]
public sealed partial class HighlightsJson : JsonSerializerContext;
