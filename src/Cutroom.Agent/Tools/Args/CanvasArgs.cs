using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Tools.Args;

/// <summary>
/// Arguments of <c>add_transition</c>. Besides the transitions between segments, the types
/// <c>fade-in</c> and <c>fade-out</c> fade the picture from/to black at the start/end of the
/// main video track (or of the given segment).
/// </summary>
public sealed record AddTransitionArgs
{
    /// <summary>crossfade, fade-black, wipe-left, slide-left, ..., none; or fade-in / fade-out.</summary>
    [Description("crossfade, fade-black, fade-white, dissolve, wipe-left, wipe-right, slide-left, slide-right, circle-open, pixelize, none; or fade-in / fade-out (from/to black)")]
    public required string Type { get; init; }

    /// <summary>Length (ms, default 500; 1000 for fade-in/out).</summary>
    [Description("Length in ms (default 500)"), Range(1L, 60_000L)]
    public long? DurationMs { get; init; }

    /// <summary>One segment (the transition into it); absent: every cut of the video tracks.</summary>
    [Description("Only into this segment (id); absent: between all segments")]
    public string? Segment { get; init; }
}

/// <summary>Arguments of <c>set_aspect</c>.</summary>
public sealed record SetAspectArgs
{
    /// <summary>16:9, 9:16, 1:1 or 4:5.</summary>
    [Description("16:9 (YouTube), 9:16 (TikTok, Reels, Shorts), 1:1 (Instagram feed) or 4:5"), AllowedValues("16:9", "9:16", "1:1", "4:5")]
    public required string Aspect { get; init; }

    /// <summary>How pictures fill the new canvas.</summary>
    [Description("contain (bars), cover (crop) or blur (blurred fill)"), AllowedValues("contain", "cover", "blur", null)]
    public string? Fit { get; init; }

    /// <summary>The platform named by the user (youtube, tiktok, ...), recorded in the draft.</summary>
    [Description("The platform the user named: youtube, youtube-shorts, tiktok, instagram-reels, instagram-square")]
    public string? Platform { get; init; }
}

/// <summary>Arguments of <c>set_duration</c>.</summary>
public sealed record SetDurationArgs
{
    /// <summary>Total length (ms), at most the draft's <see cref="DraftLimits.MaxTimeMs"/>.</summary>
    [Description("Total length in ms"), Range(500L, DraftLimits.MaxTimeMs)]
    public required long DurationMs { get; init; }
}
