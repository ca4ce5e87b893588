namespace Cutroom.Timeline.Interchange.Otio;

/// <summary>
/// The <c>OTIO_SCHEMA</c> names (name.version) Cutroom writes and reads, from the
/// OpenTimelineIO file format documentation, and the metadata key that carries Cutroom's own
/// draft keys through an NLE.
/// </summary>
public static class OtioSchemas
{
    /// <summary>The key naming an object's schema.</summary>
    public const string SchemaKey = "OTIO_SCHEMA";
    /// <summary>The root: a name, metadata, <c>global_start_time</c> and a stack of tracks.</summary>
    public const string Timeline = "Timeline.1";
    /// <summary>Tracks drawn over each other, bottom first.</summary>
    public const string Stack = "Stack.1";
    /// <summary>A sequence of items of one <c>kind</c>.</summary>
    public const string Track = "Track.1";
    /// <summary>A range of media: <c>source_range</c> and <c>media_references</c>.</summary>
    public const string Clip = "Clip.2";
    /// <summary>The older clip form with one <c>media_reference</c> (read only).</summary>
    public const string ClipV1 = "Clip.1";
    /// <summary>Empty time on a track.</summary>
    public const string Gap = "Gap.1";
    /// <summary>A blend between the items either side: <c>in_offset</c> before the cut, <c>out_offset</c> after it.</summary>
    public const string Transition = "Transition.1";
    /// <summary>A range with a name, colour and comment.</summary>
    public const string Marker = "Marker.2";
    /// <summary>A media file: <c>target_url</c>.</summary>
    public const string ExternalReference = "ExternalReference.1";
    /// <summary>A clip whose media is not known.</summary>
    public const string MissingReference = "MissingReference.1";
    /// <summary>A time range: <c>start_time</c> and <c>duration</c>.</summary>
    public const string TimeRange = "TimeRange.1";
    /// <summary>A time: <c>value</c> units at <c>rate</c> per second.</summary>
    public const string RationalTime = "RationalTime.1";
    /// <summary>A constant speed change: <c>time_scalar</c>.</summary>
    public const string LinearTimeWarp = "LinearTimeWarp.1";

    /// <summary>Track kind of pictures.</summary>
    public const string VideoKind = "Video";
    /// <summary>Track kind of sound.</summary>
    public const string AudioKind = "Audio";
    /// <summary>The transition type of a crossfade.</summary>
    public const string Dissolve = "SMPTE_Dissolve";
    /// <summary>The transition type of every other blend (its name says which).</summary>
    public const string CustomTransition = "Custom_Transition";
    /// <summary>The key of <c>media_references</c> a Clip.2 plays.</summary>
    public const string DefaultMedia = "DEFAULT_MEDIA";

    /// <summary>The metadata key under which Cutroom keeps its draft keys (ids, labels, fit, fades, volume, text style).</summary>
    public const string CutroomKey = "cutroom";
}
