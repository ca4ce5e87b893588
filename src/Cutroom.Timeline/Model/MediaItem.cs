namespace Cutroom.Timeline.Model;

/// <summary>The kind of a media item placed by an edit.</summary>
public enum MediaKind
{
    /// <summary>A video clip (it may carry sound).</summary>
    Video,

    /// <summary>An image, placed as a still.</summary>
    Image,

    /// <summary>A sound file.</summary>
    Audio,
}

/// <summary>
/// What an edit needs to know about a media item it places (the timeline is pure: the caller
/// looked the item up in the session's media bin).
/// </summary>
/// <param name="Id">Media id written to <c>src</c> (or a file path on the command line).</param>
/// <param name="Kind">Video, image or audio.</param>
/// <param name="DurationMs">Duration of the media in ms; null for images or when unknown.</param>
/// <param name="Name">Display name (usually the file name), written to <c>m.label</c>.</param>
public sealed record MediaItem(string Id, MediaKind Kind, long? DurationMs = null, string? Name = null)
{
    /// <summary>The <c>m.kind</c> value for this item.</summary>
    public string KindKey => Kind switch
    {
        MediaKind.Image => MediaKinds.Image,
        MediaKind.Audio => MediaKinds.Audio,
        _ => MediaKinds.Video,
    };
}
