namespace Cutroom.Timeline.Model;

/// <summary>
/// The transition names a draft accepts in <c>m.tr.type</c>: the subset of ffmpeg 5.1's
/// <c>xfade</c> transitions (libavfilter/vf_xfade.c, "transition" option) that Cutroom offers,
/// plus the friendlier names of the agent's <c>add_transition</c> tool as aliases.
/// </summary>
public static class TransitionTypes
{
    /// <summary>Crossfade (ffmpeg <c>fade</c>).</summary>
    public const string Fade = "fade";

    /// <summary>Every name stored in drafts (ffmpeg <c>xfade</c> names).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "fade", "fadeblack", "fadewhite", "dissolve",
        "wipeleft", "wiperight", "wipeup", "wipedown",
        "slideleft", "slideright", "slideup", "slidedown",
        "smoothleft", "smoothright", "smoothup", "smoothdown",
        "circleopen", "circleclose", "radial", "pixelize", "zoomin",
    ];

    /// <summary>
    /// Maps a user or agent name to the stored name: <c>crossfade</c> and <c>cross-fade</c> are
    /// <c>fade</c>, hyphens, underscores and spaces are dropped (<c>fade-black</c> is <c>fadeblack</c>),
    /// case is ignored.
    /// </summary>
    /// <returns>The stored name, or null when the name is not a known transition.</returns>
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var compact = new string([.. name.Trim().ToLowerInvariant().Where(c => c is not ('-' or '_' or ' '))]);
        if (compact is "crossfade" or "xfade") compact = Fade;
        if (compact == "fadetoblack") compact = "fadeblack";
        if (compact == "fadetowhite") compact = "fadewhite";
        return All.Contains(compact) ? compact : null;
    }
}
