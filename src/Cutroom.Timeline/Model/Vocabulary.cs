namespace Cutroom.Timeline.Model;

/// <summary>Values of a segment's <c>m.fit</c>: how a picture fills the canvas.</summary>
public static class Fits
{
    /// <summary>Whole picture visible, bars where the aspect differs (the default when <c>m.fit</c> is absent).</summary>
    public const string Contain = "contain";

    /// <summary>Canvas filled, the picture cropped where the aspect differs.</summary>
    public const string Cover = "cover";

    /// <summary>Contained picture over a blurred, cover-scaled copy of itself (16:9 in 9:16).</summary>
    public const string Blur = "blur";

    /// <summary>Every accepted value.</summary>
    public static IReadOnlyList<string> All { get; } = [Contain, Cover, Blur];
}

/// <summary>
/// Values of <c>m.pos</c>: where a text (or an overlay picture with <c>m.scale</c>, such as a
/// logo) sits on the canvas. The contract's top|center|bottom plus the four corners.
/// </summary>
public static class Positions
{
    /// <summary>Horizontally centred, near the top edge.</summary>
    public const string Top = "top";

    /// <summary>Centred.</summary>
    public const string Center = "center";

    /// <summary>Horizontally centred, near the bottom edge.</summary>
    public const string Bottom = "bottom";

    /// <summary>Every accepted value.</summary>
    public static IReadOnlyList<string> All { get; } = [Top, Center, Bottom, "top-left", "top-right", "bottom-left", "bottom-right"];
}

/// <summary>Values of <c>m.kind</c>: what a segment's <c>src</c> is (a hint written when the segment is added).</summary>
public static class MediaKinds
{
    /// <summary>A video clip.</summary>
    public const string Video = "video";

    /// <summary>An image, shown as a still for the segment's duration.</summary>
    public const string Image = "image";

    /// <summary>A sound file.</summary>
    public const string Audio = "audio";

    /// <summary>Every accepted value.</summary>
    public static IReadOnlyList<string> All { get; } = [Video, Image, Audio];
}

/// <summary>Values of <c>m.motion</c>: the Ken Burns move applied to a still (absent: none).</summary>
public static class Motions
{
    /// <summary>Every accepted value.</summary>
    public static IReadOnlyList<string> All { get; } = ["none", "zoom-in", "zoom-out", "pan-left", "pan-right", "pan-up", "pan-down"];
}

/// <summary>Values of a track's <c>m.role</c>.</summary>
public static class TrackRoles
{
    /// <summary>The background-music track (at most one is managed by the music edits).</summary>
    public const string Music = "music";

    /// <summary>A voice-over track.</summary>
    public const string Voice = "voice";

    /// <summary>Every accepted value.</summary>
    public static IReadOnlyList<string> All { get; } = [Music, Voice];
}
