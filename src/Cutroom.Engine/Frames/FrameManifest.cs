using System.Text.Json.Serialization;

namespace Cutroom.Engine.Frames;

/// <summary>The <c>frames.json</c> manifest written beside extracted frames.</summary>
/// <param name="Source">The input file's name.</param>
/// <param name="Selector">What was selected, in words.</param>
/// <param name="Format">Image format (jpg, png, webp).</param>
/// <param name="Frames">One entry per image, in time order.</param>
public sealed record FrameManifest(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("selector")] string Selector,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("frames")] IReadOnlyList<FrameManifestEntry> Frames);

/// <summary>One manifest entry.</summary>
/// <param name="Index">Frame index from the start of the file (0-based, decoded frames in presentation order).</param>
/// <param name="PtsMs">Presentation time in ms from the start of the file.</param>
/// <param name="File">Image file name in the folder.</param>
public sealed record FrameManifestEntry(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("pts_ms")] long PtsMs,
    [property: JsonPropertyName("file")] string File);

/// <summary>Source-generated JSON for the manifest.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(FrameManifest))]
public sealed partial class FrameManifestJson : JsonSerializerContext;
