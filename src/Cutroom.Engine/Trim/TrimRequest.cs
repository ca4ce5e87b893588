using Cutroom.Contract.Output;
using Cutroom.Engine.Encoding;

namespace Cutroom.Engine.Trim;

/// <summary>A request to cut [<see cref="FromUs"/>, <see cref="ToUs"/>) out of a media file into an MP4.</summary>
/// <param name="InputPath">The source media file.</param>
/// <param name="FromUs">Start of the range, µs from the start of the file (the frame shown at that time is the first frame).</param>
/// <param name="ToUs">End of the range (exclusive), µs from the start of the file.</param>
/// <param name="OutputPath">The MP4 to write (through a temporary name; replaced when complete).</param>
public sealed record TrimRequest(string InputPath, long FromUs, long ToUs, string OutputPath)
{
    /// <summary>Exact (re-encode, default) or fast (stream copy from a keyframe).</summary>
    public TrimMode Mode { get; init; } = TrimMode.Exact;

    /// <summary>Encoding quality for <see cref="TrimMode.Exact"/> (and the audio of both modes).</summary>
    public OutputQuality Quality { get; init; } = OutputQuality.Medium;
}
