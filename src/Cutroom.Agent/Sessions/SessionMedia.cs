using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Sessions;

/// <summary>
/// One upload of the session's media bin (an entry of the contract's <c>video_infos</c>):
/// its id, kind and name, what the probe found, and where its file is.
/// </summary>
/// <param name="Id">Media id (<c>med_...</c>).</param>
/// <param name="Kind">Video, image or audio.</param>
/// <param name="Name">The uploaded file name (<c>beach.jpg</c>).</param>
public sealed record SessionMedia(string Id, MediaKind Kind, string Name)
{
    /// <summary>Duration (ms); null for stills.</summary>
    public long? DurationMs { get; init; }

    /// <summary>Displayed width (pixels), for pictures.</summary>
    public int? Width { get; init; }

    /// <summary>Displayed height (pixels), for pictures.</summary>
    public int? Height { get; init; }

    /// <summary>Average frame rate (frames/s), for videos.</summary>
    public double? Fps { get; init; }

    /// <summary>Whether it has sound.</summary>
    public bool HasAudio { get; init; }

    /// <summary>Video codec name (ffprobe's), if any.</summary>
    public string? VideoCodec { get; init; }

    /// <summary>Audio codec name (ffprobe's), if any.</summary>
    public string? AudioCodec { get; init; }

    /// <summary>File size (bytes).</summary>
    public long? SizeBytes { get; init; }

    /// <summary>The local file; null when only the description is known (planning from a state file).</summary>
    public string? Path { get; init; }

    /// <summary>The name without its extension, lower case (<c>beach</c>).</summary>
    public string Stem => System.IO.Path.GetFileNameWithoutExtension(Name).ToLowerInvariant();

    /// <summary>The timeline's view of this media (for the edits).</summary>
    public MediaItem ToMediaItem() => new(Id, Kind, DurationMs, Name);
}
