using System.Collections.Immutable;

namespace Cutroom.Timeline.Model;

/// <summary>
/// One track (<c>t[i]</c>): a lane of segments of one type that do not overlap. Tracks draw
/// in list order: the first video track is the bottom layer and later video tracks are drawn
/// on top of it (as in OpenTimelineIO; Shotstack is the reverse); text tracks are drawn above
/// every video track, in their order.
/// </summary>
public sealed record Track
{
    /// <summary>Identifier, unique in the draft (<c>id</c>); empty when absent.</summary>
    public string Id { get; init; } = "";

    /// <summary>Track type (<c>tt</c>): 0 video, 1 audio, 7 text. Other numbers are kept and reported by validation.</summary>
    public TrackType Type { get; init; }

    /// <summary>Metadata (<c>m</c>).</summary>
    public TrackMeta Meta { get; init; } = TrackMeta.Empty;

    /// <summary>Segments (<c>sg</c>). Edits keep them sorted by start.</summary>
    public ImmutableArray<Segment> Segments { get; init; } = [];

    /// <summary>Keys of the track object that Cutroom does not model, kept for the round trip.</summary>
    public UnknownKeys Extra { get; init; } = UnknownKeys.None;

    /// <summary>End of the last segment in ms (0 when the track is empty).</summary>
    public long EndMs => Segments.IsDefaultOrEmpty ? 0 : Segments.Max(s => s.EndMs);

    /// <summary>True for the known track types (0, 1, 7).</summary>
    public bool HasKnownType => Type is TrackType.Video or TrackType.Audio or TrackType.Text;
}
