using Cutroom.Contract.Time;

namespace Cutroom.Engine.Trim;

/// <summary>What <see cref="TrimJob"/> wrote, measured by probing the output.</summary>
public sealed record TrimResult
{
    /// <summary>The output file (absolute path).</summary>
    public required string OutputPath { get; init; }
    /// <summary>The mode used.</summary>
    public required TrimMode Mode { get; init; }
    /// <summary>The requested start (ms from the start of the source).</summary>
    public required long RequestedFromMs { get; init; }
    /// <summary>The requested end (ms, exclusive).</summary>
    public required long RequestedToMs { get; init; }
    /// <summary>Where the output's first shown frame is in the source (ms): the pts of the frame shown at the requested start.</summary>
    public required long StartMs { get; init; }
    /// <summary>Where the output ends in the source (ms, exclusive).</summary>
    public required long EndMs { get; init; }
    /// <summary>Fast mode: the keyframe (ms in the source) the copied video data starts at; before <see cref="StartMs"/> when the cut is not on a keyframe.</summary>
    public long? KeyframeMs { get; init; }
    /// <summary>Fast mode: how many frames before <see cref="StartMs"/> are in the file, hidden by the MP4 edit list.</summary>
    public int? HiddenFrames { get; init; }
    /// <summary>Index of the first shown frame in the source (0-based, decode order from the start, presentation-sorted).</summary>
    public required int FirstFrame { get; init; }
    /// <summary>Duration of the output (ms), as probed.</summary>
    public required long DurationMs { get; init; }
    /// <summary>Video frames shown in the output, as counted in the output.</summary>
    public required long FrameCount { get; init; }
    /// <summary>Output width in pixels.</summary>
    public required int Width { get; init; }
    /// <summary>Output height in pixels.</summary>
    public required int Height { get; init; }
    /// <summary>Output frame rate (the source's).</summary>
    public required Rational FrameRate { get; init; }
    /// <summary>Output video codec (<c>h264</c>).</summary>
    public required string VideoCodec { get; init; }
    /// <summary>Output audio codec (<c>aac</c>), null when the source has no audio.</summary>
    public string? AudioCodec { get; init; }
    /// <summary>Exact mode: where decoding started in the source (ms): a keyframe before the cut, or 0 when the file had to be decoded from the start.</summary>
    public long? DecodedFromMs { get; init; }
    /// <summary>Things the user should know (damaged source, edit list), one line each.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
