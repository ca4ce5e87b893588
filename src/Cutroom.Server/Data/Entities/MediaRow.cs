namespace Cutroom.Server.Data.Entities;

/// <summary>An upload in a session's media bin (contract §5, §6a <c>video_infos</c>).</summary>
public sealed class MediaRow
{
    /// <summary>Server-made id (<c>med_</c> + random).</summary>
    public required string Id { get; set; }

    /// <summary>The session.</summary>
    public required string SessionId { get; set; }

    /// <summary>Upload order within the session (0, 1, ...).</summary>
    public int Seq { get; set; }

    /// <summary><c>video</c>, <c>image</c> or <c>audio</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The client's file name, sanitised (metadata only; never a path).</summary>
    public required string Name { get; set; }

    /// <summary>The stored file (<see cref="StoredFile.Key"/>).</summary>
    public required string FileKey { get; set; }

    /// <summary>MIME type decided by content (<c>video/mp4</c>).</summary>
    public required string Mime { get; set; }

    /// <summary>Size (bytes).</summary>
    public long SizeBytes { get; set; }

    /// <summary>Duration (ms); null for stills.</summary>
    public long? DurationMs { get; set; }

    /// <summary>Displayed width (pixels).</summary>
    public int? Width { get; set; }

    /// <summary>Displayed height (pixels).</summary>
    public int? Height { get; set; }

    /// <summary>Average frame rate (frames/s), videos only.</summary>
    public double? Fps { get; set; }

    /// <summary>Whether it has sound.</summary>
    public bool HasAudio { get; set; }

    /// <summary>ffprobe's video codec name.</summary>
    public string? VideoCodec { get; set; }

    /// <summary>ffprobe's audio codec name.</summary>
    public string? AudioCodec { get; set; }

    /// <summary>Uploaded at (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
