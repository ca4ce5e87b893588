namespace Cutroom.Agent.Sessions;

/// <summary>
/// One output of a chat operation (an entry of the contract's <c>generated_media</c>). Outputs of
/// one operation share a <paramref name="Group"/>; a multi-file operation also yields one archive.
/// </summary>
/// <param name="Id">Id (<c>gen_...</c>).</param>
/// <param name="Kind">image, video, audio, archive or json.</param>
/// <param name="Op">The tool that made it (<c>extract_frames</c>).</param>
/// <param name="Name">File name (<c>frame_00010.jpg</c>).</param>
/// <param name="Group">The operation's group id (<c>op_...</c>).</param>
public sealed record GeneratedMedia(string Id, string Kind, string Op, string Name, string Group)
{
    /// <summary>The local file; null when only described.</summary>
    public string? Path { get; init; }

    /// <summary>The media it was made from.</summary>
    public string? SourceMediaId { get; init; }

    /// <summary>Width (pixels), for pictures.</summary>
    public int? Width { get; init; }

    /// <summary>Height (pixels), for pictures.</summary>
    public int? Height { get; init; }

    /// <summary>Duration (ms), for videos and audio.</summary>
    public long? DurationMs { get; init; }

    /// <summary>Time in the source (ms), for frames.</summary>
    public long? TimeMs { get; init; }
}
