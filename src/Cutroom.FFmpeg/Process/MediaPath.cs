namespace Cutroom.FFmpeg.Process;

/// <summary>
/// Turns a local path into the one form Cutroom hands to ffmpeg: an absolute path behind the
/// <c>file:</c> protocol prefix. The prefix stops a name that starts with a dash from being
/// read as an option and a name with a colon (<c>concat:x</c>, <c>http:</c>) from being read
/// as another protocol; spaces, quotes and Unicode need nothing because arguments are passed
/// as a list, never through a shell.
/// </summary>
public static class MediaPath
{
    /// <summary>Returns <c>file:/absolute/path</c> for <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">When the path is empty.</exception>
    public static string ForFFmpeg(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return "file:" + Path.GetFullPath(path);
    }
}
