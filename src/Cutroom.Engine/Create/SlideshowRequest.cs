namespace Cutroom.Engine.Create;

/// <summary>What a slideshow ("combine these photos and our logo into a 30-second video with music and text") is made of.</summary>
public sealed record SlideshowRequest
{
    /// <summary>Photos and clips, in order (files or media ids the resolver knows).</summary>
    public required IReadOnlyList<string> Items { get; init; }
    /// <summary>The name shown for an item, the music or the logo (segment labels, messages), by id; null or a null answer: the file's name.</summary>
    public Func<string, string?>? DisplayName { get; init; }
    /// <summary>Background music, faded out over the last 2 s; null for none.</summary>
    public string? Music { get; init; }
    /// <summary>Music volume 0-2 (default 0.8; clip sound stays at 1).</summary>
    public double MusicVolume { get; init; } = 0.8;
    /// <summary>A logo drawn in a corner for the whole video; null for none.</summary>
    public string? Logo { get; init; }
    /// <summary>Logo corner (<c>top-left</c>, <c>top-right</c>, <c>bottom-left</c>, <c>bottom-right</c>).</summary>
    public string LogoPosition { get; init; } = "top-right";
    /// <summary>A title shown over the first seconds (min(4 s, a third of the video)); null for none.</summary>
    public string? Title { get; init; }
    /// <summary>Captions: the n-th is shown at the bottom during the n-th item.</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];
    /// <summary>Total duration in ms (default 30 s). Clips keep their length up to an equal share; photos share the rest.</summary>
    public long DurationMs { get; init; } = 30_000;
    /// <summary>16:9 (1920x1080), 9:16 (1080x1920) or 1:1 (1080x1080).</summary>
    public string Aspect { get; init; } = "16:9";
    /// <summary>A smaller canvas (width, height in pixels, even) instead of the aspect's full size, e.g. for previews; null for the full size.</summary>
    public (int Width, int Height)? Size { get; init; }
    /// <summary>Frames per second (default 30).</summary>
    public int Fps { get; init; } = 30;
    /// <summary>Transition between items (an xfade name, or crossfade); null or "none" for cuts.</summary>
    public string? Transition { get; init; } = "fade";
    /// <summary>Transition length in ms (default 800).</summary>
    public long TransitionMs { get; init; } = 800;
    /// <summary>Ken Burns motion on photos: "auto" (alternating gentle zooms and pans), "none", or one motion for all.</summary>
    public string Motion { get; init; } = "auto";
    /// <summary>How pictures fill the canvas: cover (default), contain or blur.</summary>
    public string Fit { get; init; } = "cover";
}
