namespace Cutroom.Timeline.Interchange;

/// <summary>The NLE interchange formats a draft is exported to (docs/nle-interchange.md).</summary>
public enum TimelineFormat
{
    /// <summary>OpenTimelineIO JSON (<c>.otio</c>): every track, text as markers, Cutroom's keys in metadata; imports back.</summary>
    Otio,

    /// <summary>Final Cut Pro XML 1.10 (<c>.fcpxml</c>): a spine of the first video track, other tracks as connected clips, text as titles.</summary>
    Fcpxml,

    /// <summary>CMX 3600 EDL (<c>.edl</c>): the first video track and the first two audio tracks as events.</summary>
    Edl,
}

/// <summary>Names, file extensions and media types of <see cref="TimelineFormat"/>.</summary>
public static class TimelineFormats
{
    /// <summary>The names accepted by <see cref="TryParse"/>, as the CLI and the server spell them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["otio", "fcpxml", "edl"];

    /// <summary>Reads a format name or file extension (<c>otio</c>, <c>.fcpxml</c>, <c>EDL</c>; case-insensitive).</summary>
    /// <returns>False when the name is none of <see cref="Names"/>.</returns>
    public static bool TryParse(string? name, out TimelineFormat format)
    {
        switch (name?.Trim().TrimStart('.').ToLowerInvariant())
        {
            case "otio": format = TimelineFormat.Otio; return true;
            case "fcpxml": format = TimelineFormat.Fcpxml; return true;
            case "edl": format = TimelineFormat.Edl; return true;
            default: format = default; return false;
        }
    }

    /// <summary>The file extension without the dot: <c>otio</c>, <c>fcpxml</c>, <c>edl</c>.</summary>
    public static string Extension(this TimelineFormat format) => format switch
    {
        TimelineFormat.Otio => "otio",
        TimelineFormat.Fcpxml => "fcpxml",
        _ => "edl",
    };

    /// <summary>The HTTP media type: JSON for OpenTimelineIO, XML for FCPXML, plain text for the EDL.</summary>
    public static string MediaType(this TimelineFormat format) => format switch
    {
        TimelineFormat.Otio => "application/json",
        TimelineFormat.Fcpxml => "application/xml",
        _ => "text/plain",
    };
}
