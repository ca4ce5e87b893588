using System.Globalization;

namespace Cutroom.Engine.Frames;

/// <summary>
/// Names of extracted frame files: <c>frame_000010_00-00-00.500.jpg</c> — the frame index
/// (6 digits, sorts in time order) and its time as <c>hh-mm-ss.mmm</c> (no colons, so the names
/// survive every file system and zip tool).
/// </summary>
public static class FrameFileNames
{
    /// <summary>The file name for frame <paramref name="index"/> at <paramref name="ptsMs"/> ms.</summary>
    public static string For(int index, long ptsMs, ImageFormat format)
    {
        var t = TimeSpan.FromMilliseconds(Math.Max(0, ptsMs));
        return string.Create(CultureInfo.InvariantCulture,
            $"frame_{index:D6}_{(int)t.TotalHours:D2}-{t.Minutes:D2}-{t.Seconds:D2}.{t.Milliseconds:D3}.{Extension(format)}");
    }

    /// <summary>The file extension for <paramref name="format"/> (no dot).</summary>
    public static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.Jpg => "jpg",
        ImageFormat.Png => "png",
        ImageFormat.Webp => "webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
