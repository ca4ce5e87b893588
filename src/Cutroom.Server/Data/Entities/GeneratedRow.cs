namespace Cutroom.Server.Data.Entities;

/// <summary>An output of a chat operation (contract §6a <c>generated_media</c>).</summary>
public sealed class GeneratedRow
{
    /// <summary>Server-made id (<c>gen_</c> + random).</summary>
    public required string Id { get; set; }

    /// <summary>The session.</summary>
    public required string SessionId { get; set; }

    /// <summary>Order within the session (newest last).</summary>
    public int Seq { get; set; }

    /// <summary><c>image</c>, <c>video</c>, <c>audio</c>, <c>archive</c> or <c>json</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>The tool that made it (<c>extract_frames</c>).</summary>
    public required string Op { get; set; }

    /// <summary>File name (<c>frame_00010.jpg</c>).</summary>
    public required string Name { get; set; }

    /// <summary>The operation's group id, shared by its outputs.</summary>
    public required string GroupId { get; set; }

    /// <summary>The stored file.</summary>
    public required string FileKey { get; set; }

    /// <summary>The media it was made from.</summary>
    public string? SourceMediaId { get; set; }

    /// <summary>Width (pixels).</summary>
    public int? Width { get; set; }

    /// <summary>Height (pixels).</summary>
    public int? Height { get; set; }

    /// <summary>Duration (ms).</summary>
    public long? DurationMs { get; set; }

    /// <summary>Time in the source (ms), for frames.</summary>
    public long? TimeMs { get; set; }

    /// <summary>Created at (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
