namespace Cutroom.Cli.Tests;

/// <summary>Files that are not media, each written into a test's own folder.</summary>
internal static class BadInput
{
    /// <summary>Writes the bad input <paramref name="kind"/> into <paramref name="dir"/> and returns its path.</summary>
    public static string Make(string kind, TempDir dir)
    {
        var (name, bytes) = kind switch
        {
            "missing" => ("missing.mp4", null),
            "empty" => ("empty.mp4", []),
            "text" => ("notes.mp4", "These are my notes, not a video.\n"u8.ToArray()),
            "hls" => ("playlist.mp4", "#EXTM3U\n#EXTINF:10.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n"u8.ToArray()),
            "ffconcat" => ("list.mp4", "ffconcat version 1.0\nfile /etc/passwd\n"u8.ToArray()),
            "truncated" => ("truncated.mp4", File.ReadAllBytes(TestMedia.Real("video/cockatoo.mp4"))[..3000]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var path = dir.File(name);
        if (bytes is not null) File.WriteAllBytes(path, bytes);
        return path;
    }
}
