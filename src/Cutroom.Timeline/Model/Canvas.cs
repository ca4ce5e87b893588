namespace Cutroom.Timeline.Model;

/// <summary>A canvas size in pixels with its aspect name.</summary>
/// <param name="Width">Width in pixels, even.</param>
/// <param name="Height">Height in pixels, even.</param>
/// <param name="Aspect">Aspect name written to the draft's <c>m.aspect</c>, e.g. "16:9".</param>
public sealed record Canvas(int Width, int Height, string Aspect)
{
    /// <summary>
    /// The canvases of the aspect names the agent's <c>set_aspect</c> accepts, each the largest
    /// allowed (long side ≤ 1920, short side ≤ 1080): 16:9 1920x1080, 9:16 1080x1920,
    /// 1:1 1080x1080, 4:5 1080x1350.
    /// </summary>
    public static IReadOnlyList<Canvas> Presets { get; } =
    [
        new(1920, 1080, "16:9"),
        new(1080, 1920, "9:16"),
        new(1080, 1080, "1:1"),
        new(1080, 1350, "4:5"),
    ];

    /// <summary>The preset canvas of an aspect name ("16:9", also "16x9" and "16/9").</summary>
    /// <returns>Null when the aspect is not a preset.</returns>
    public static Canvas? ForAspect(string? aspect)
    {
        var key = aspect?.Trim().Replace('x', ':').Replace('/', ':');
        return Presets.FirstOrDefault(c => c.Aspect == key);
    }
}

/// <summary>A platform preset: the canvas a platform expects (its published upload recommendations).</summary>
/// <param name="Name">Preset name written to the draft's <c>m.platform</c>.</param>
/// <param name="Canvas">Canvas size and aspect.</param>
public sealed record Platform(string Name, Canvas Canvas);

/// <summary>
/// Platform presets for <see cref="Edits.DraftEdits.SetPlatform"/>: YouTube 16:9, YouTube
/// Shorts, TikTok and Instagram Reels 9:16, Instagram posts 4:5 and square 1:1 (the sizes each
/// platform's help pages recommend, capped at Cutroom's 1920x1080).
/// </summary>
public static class Platforms
{
    /// <summary>Every preset.</summary>
    public static IReadOnlyList<Platform> All { get; } =
    [
        new("youtube", Canvas.Presets[0]),
        new("youtube-shorts", Canvas.Presets[1]),
        new("tiktok", Canvas.Presets[1]),
        new("instagram-reels", Canvas.Presets[1]),
        new("instagram-post", Canvas.Presets[3]),
        new("instagram-square", Canvas.Presets[2]),
    ];

    /// <summary>Finds a preset by name (case-insensitive; "shorts", "reels" and "instagram" are accepted as short forms).</summary>
    /// <returns>Null when no preset has that name.</returns>
    public static Platform? Find(string? name)
    {
        var key = name?.Trim().ToLowerInvariant().Replace(' ', '-').Replace('_', '-');
        key = key switch
        {
            "shorts" => "youtube-shorts",
            "reels" => "instagram-reels",
            "instagram" => "instagram-post",
            _ => key,
        };
        return All.FirstOrDefault(p => p.Name == key);
    }
}
