using Cutroom.Contract.Output;
using Cutroom.Engine.Encoding;

namespace Cutroom.Engine.Render;

/// <summary>The containers a draft renders to.</summary>
public enum RenderFormat
{
    /// <summary>MP4: H.264 High yuv420p + AAC 48 kHz, <c>+faststart</c>.</summary>
    Mp4,
    /// <summary>WebM: VP9 + Opus.</summary>
    Webm,
    /// <summary>QuickTime MOV: H.264 + AAC.</summary>
    Mov,
    /// <summary>Animated GIF (palette per clip, at most 15 fps and 640 px wide, no sound).</summary>
    Gif,
}

/// <summary>How to render a draft.</summary>
public sealed record RenderOptions
{
    /// <summary>Maps a segment's <c>src</c> (a media id, or a path on the command line) to a local file; null when unknown.</summary>
    public required Func<string, string?> ResolveMedia { get; init; }
    /// <summary>Container and codecs (default MP4).</summary>
    public RenderFormat Format { get; init; } = RenderFormat.Mp4;
    /// <summary>Quality preset (x264 CRF/preset, audio bitrate); default high, as the contract's export.</summary>
    public OutputQuality Quality { get; init; } = OutputQuality.High;
    /// <summary>Integrated loudness target in LUFS for the mix (EBU R128 via ffmpeg <c>loudnorm</c>); null leaves levels as mixed. Default -14 LUFS (the streaming platforms' level).</summary>
    public double? TargetLufs { get; init; } = -14;
    /// <summary>Canvas colour behind the bottom layer, ffmpeg colour syntax (default black).</summary>
    public string Background { get; init; } = "black";
    /// <summary>When set, ffmpeg's command line and log are appended here.</summary>
    public string? LogFile { get; init; }
}

/// <summary>A rendered draft.</summary>
/// <param name="File">The output file.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="DurationMs">Duration as probed, in ms.</param>
/// <param name="Frames">Video frames written.</param>
/// <param name="SizeBytes">File size.</param>
/// <param name="ElapsedMs">Wall time of the render.</param>
/// <param name="Warnings">Problems that did not stop the render.</param>
public sealed record RenderResult(string File, int Width, int Height, long DurationMs, long Frames, long SizeBytes, long ElapsedMs, IReadOnlyList<string> Warnings);
