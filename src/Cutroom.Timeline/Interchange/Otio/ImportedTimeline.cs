using System.Text.Json;

namespace Cutroom.Timeline.Interchange.Otio;

/// <summary>A segment read from an OTIO item, times in ms, before it becomes draft JSON.</summary>
/// <param name="Cutroom">The item's <c>metadata.cutroom</c> object (the draft keys written on export), if any.</param>
/// <param name="Src">The media: <c>metadata.cutroom.src</c>, else the reference's <c>target_url</c>; null on text.</param>
/// <param name="StartMs">Start on the timeline.</param>
/// <param name="EndMs">End on the timeline (exclusive).</param>
/// <param name="InMs">In-point in the source.</param>
/// <param name="Speed">The <c>LinearTimeWarp</c> scalar, null for none.</param>
/// <param name="TransitionType">The draft transition name into this segment, null for a cut.</param>
/// <param name="TransitionMs">The transition's length.</param>
/// <param name="Label">The clip's name, used as <c>m.label</c> when the metadata has none.</param>
/// <param name="Kind">The <c>m.kind</c> guessed when the metadata has none (<c>image</c> for a picture file, <c>audio</c> on audio tracks).</param>
internal sealed record ImportedSegment(JsonElement? Cutroom, string? Src, long StartMs, long EndMs, long InMs, double? Speed,
    string? TransitionType, long TransitionMs, string? Label, string? Kind);

/// <summary>A track read from an OTIO track (or from the text markers of one Cutroom text track).</summary>
/// <param name="Cutroom">The track's <c>metadata.cutroom</c> object, if any.</param>
/// <param name="Type">The draft track type: 0 video, 1 audio, 7 text.</param>
/// <param name="Name">The OTIO track's name, used as <c>m.name</c> when the metadata has none.</param>
internal sealed record ImportedTrack(JsonElement? Cutroom, int Type, string? Name)
{
    /// <summary>Its segments in timeline order.</summary>
    public List<ImportedSegment> Segments { get; } = [];

    /// <summary>The id written on export, if any.</summary>
    public string? PreferredId => Cutroom is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
