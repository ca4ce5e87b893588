using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Cutroom.Agent.Tools.Args;

/// <summary>Arguments of <c>add_music</c> (adds or replaces the background music).</summary>
public sealed record AddMusicArgs
{
    /// <summary>The audio (media id).</summary>
    [Description("The music: an audio media id")]
    public required string Media { get; init; }

    /// <summary>Volume 0-1 (absent: the current music's volume, else 1).</summary>
    [Description("Volume 0-1 (absent: keep the current music volume, else 1)"), Range(0.0, 1.0)]
    public double? Volume { get; init; }

    /// <summary>Fade-in (ms).</summary>
    [Description("Fade-in in ms"), Range(0L, 600_000L)]
    public long? FadeInMs { get; init; }

    /// <summary>Fade-out (ms).</summary>
    [Description("Fade-out in ms"), Range(0L, 600_000L)]
    public long? FadeOutMs { get; init; }
}

/// <summary>Arguments of <c>set_volume</c>.</summary>
public sealed record SetVolumeArgs
{
    /// <summary><c>music</c>, <c>video</c> (the clips' own sound), or a segment/track id.</summary>
    [Description("music, video (the clips' own sound), or a segment or track id")]
    public required string Target { get; init; }

    /// <summary>Volume factor 0-2 (0 mutes, 1 unchanged).</summary>
    [Description("Volume factor: 0 mutes, 1 unchanged, up to 2"), Range(0.0, 2.0)]
    public required double Volume { get; init; }
}
