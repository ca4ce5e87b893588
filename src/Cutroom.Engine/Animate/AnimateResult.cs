namespace Cutroom.Engine.Animate;

/// <summary>What <c>cutroom animate</c> wrote.</summary>
/// <param name="Output">Absolute path of the MP4.</param>
/// <param name="Image">Absolute path of the picture.</param>
/// <param name="Motion">The camera move (<c>zoom-in</c>...).</param>
/// <param name="Fit">How the picture filled the canvas (<c>cover</c>...).</param>
/// <param name="Width">Frame width, pixels.</param>
/// <param name="Height">Frame height, pixels.</param>
/// <param name="FrameRate">Frame rate, exact (<c>30/1</c>).</param>
/// <param name="Frames">Frames written.</param>
/// <param name="DurationMs">Clip length, ms (frames / rate).</param>
/// <param name="Quality">Quality preset (<c>medium</c>...).</param>
/// <param name="Audio">The audio track: <c>silent aac</c> or <c>none</c>.</param>
/// <param name="ImageOrientation">The EXIF orientation applied (1 = upright).</param>
/// <param name="SizeBytes">Size of the MP4, bytes.</param>
/// <param name="ElapsedMs">Wall time of the ffmpeg run, ms.</param>
public sealed record AnimateResult(
    string Output, string Image, string Motion, string Fit, int Width, int Height, string FrameRate, long Frames,
    long DurationMs, string Quality, string Audio, int ImageOrientation, long SizeBytes, long ElapsedMs);
