using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Cutroom.Engine.Animate;
using Cutroom.Engine.Create;

namespace Cutroom.Agent.Tools.Args;

/// <summary>Arguments of <c>create_video</c>: the draft of a slideshow or montage.</summary>
public sealed record CreateVideoArgs
{
    /// <summary>Photos and clips, in order (media ids).</summary>
    [Description("Photos and clips in the order they appear (media ids)"), MinLength(1)]
    public required IReadOnlyList<string> Media { get; init; }

    /// <summary>Total length (ms, default 30 s).</summary>
    [Description("Total length in ms (default 30000)"), Range(SlideshowRequest.MinDurationMs, SlideshowRequest.MaxDurationMs)]
    public long? DurationMs { get; init; }

    /// <summary>Canvas aspect (default 16:9).</summary>
    [Description("16:9 (default), 9:16, 1:1 or 4:5"), AllowedValues("16:9", "9:16", "1:1", "4:5", null)]
    public string? Aspect { get; init; }

    /// <summary>Background music (an audio media id).</summary>
    [Description("Background music: an audio media id")]
    public string? Music { get; init; }

    /// <summary>A logo shown in a corner (an image media id).</summary>
    [Description("A logo shown in a corner: an image media id")]
    public string? Logo { get; init; }

    /// <summary>A title over the first seconds.</summary>
    [Description("A title over the first seconds")]
    public string? Title { get; init; }

    /// <summary>Transition between items (crossfade, fade-black, wipe-left, slide-left, none...).</summary>
    [Description("Transition between items: crossfade (default), fade-black, wipe-left, slide-left, ..., none")]
    public string? Transition { get; init; }

    /// <summary>One caption per item, shown at the bottom while it is on screen.</summary>
    [Description("Captions, one per item in order, shown at the bottom")]
    public IReadOnlyList<string>? Captions { get; init; }
}

/// <summary>Arguments of <c>animate_image</c>: the draft of an image-to-video clip.</summary>
public sealed record AnimateImageArgs
{
    /// <summary>The image (media id).</summary>
    [Description("The image: a media id")]
    public required string Media { get; init; }

    /// <summary>The shortest clip the tool makes, ms: half a second (a shorter camera move is not seen as one).</summary>
    public const long MinAnimateMs = 500;

    /// <summary>Length (ms, default 6 s).</summary>
    [Description("Length in ms (default 6000)"), Range(MinAnimateMs, AnimateRequest.MaxDurationMs)]
    public long? DurationMs { get; init; }

    /// <summary>Camera motion.</summary>
    [Description("Camera motion (default zoom-in)"), AllowedValues("zoom-in", "zoom-out", "pan-left", "pan-right", "pan-up", "pan-down", null)]
    public string? Motion { get; init; }

    /// <summary>Canvas aspect (default 16:9).</summary>
    [Description("16:9 (default), 9:16, 1:1 or 4:5"), AllowedValues("16:9", "9:16", "1:1", "4:5", null)]
    public string? Aspect { get; init; }
}
