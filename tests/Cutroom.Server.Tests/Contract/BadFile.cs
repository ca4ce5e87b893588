namespace Cutroom.Server.Tests.Contract;

/// <summary>
/// The input of one row of a contract table. The CLI is given <see cref="Make"/>'s file; the agent
/// and HTTP upload <see cref="Upload"/> (a good file, so that the session accepts it as media of
/// its kind) and then find <see cref="Make"/>'s file in its place: deleted when it does not exist,
/// overwritten otherwise. So all three interfaces run the job on the same bytes.
/// </summary>
/// <param name="Label">What the file is, for messages.</param>
/// <param name="Upload">The good real file the session is given first.</param>
/// <param name="Make">Writes the bad file into a test folder (once) and returns its path (a path that does not exist for a missing file).</param>
internal sealed record BadFile(string Label, string Upload, Func<TempDir, string> Make)
{
    public static string Cockatoo => TestMedia.Real("video/cockatoo.mp4");  // 14 s, 30 fps, 1280x720
    public static string Photo => TestMedia.Real("image/photo-snow.jpg");
    public static string Wav => TestMedia.Real("audio/toy-mono.wav");

    /// <summary>The cockatoo video as it is.</summary>
    public static BadFile Video { get; } = new("the cockatoo video", Cockatoo, _ => Cockatoo);

    /// <summary>A photo as it is.</summary>
    public static BadFile Picture { get; } = new("a photo", Photo, _ => Photo);

    /// <summary>A video file that does not exist.</summary>
    public static BadFile MissingVideo { get; } = new("a missing video", Cockatoo, d => d.File("missing.mp4"));

    /// <summary>A photo file that does not exist.</summary>
    public static BadFile MissingPhoto { get; } = new("a missing photo", Photo, d => d.File("missing.jpg"));

    /// <summary>A text file named .mp4.</summary>
    public static BadFile TextAsVideo { get; } = new("a text file named .mp4", Cockatoo, d => Write(d, "notes.mp4", () => "These are my notes, not a video.\n"u8.ToArray()));

    /// <summary>A text file named .jpg.</summary>
    public static BadFile TextAsPhoto { get; } = new("a text file named .jpg", Photo, d => Write(d, "notes.jpg", () => "These are my notes, not a photo.\n"u8.ToArray()));

    /// <summary>A WAV file (sound, no picture).</summary>
    public static BadFile Sound { get; } = new("a WAV file", Wav, _ => Wav);

    /// <summary>The first 3000 bytes of the cockatoo video: it sniffs as MP4 (ftyp) but cannot be read.</summary>
    public static BadFile TruncatedVideo { get; } = new("a truncated MP4", Cockatoo, d => Write(d, "truncated.mp4", () => File.ReadAllBytes(Cockatoo)[..3000]));

    /// <summary>The first 600 bytes of a JPEG: it sniffs as JPEG (SOI, JFIF) but has no picture.</summary>
    public static BadFile TruncatedPhoto { get; } = new("a truncated JPEG", Photo, d => Write(d, "truncated.jpg", () => File.ReadAllBytes(Photo)[..600]));

    /// <summary>
    /// A 12 s video 8200 pixels wide: beyond the engine's limit of 8192 px a side, and long enough
    /// that no other request of the tables (a 1-2 s trim, 10 s highlight clips) is wrong for it.
    /// </summary>
    public static BadFile HugeVideo { get; } = new("a video 8200 px wide", Cockatoo, _ => TestMedia.Generate("contract-8200x16-12s.mp4",
        "-f", "lavfi", "-i", "color=c=gray:s=8200x16:r=2:d=12", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));

    /// <summary>Puts this row's bad bytes where the good upload was stored (deletes it for a missing file).</summary>
    /// <param name="stored">The uploaded file's path in the session or the server's store.</param>
    /// <param name="dir">The test's folder.</param>
    public void Replace(string stored, TempDir dir)
    {
        var bad = Make(dir);
        if (!File.Exists(bad)) File.Delete(stored);
        else if (bad != Upload) File.Copy(bad, stored, overwrite: true);
    }

    /// <inheritdoc/>
    public override string ToString() => Label;

    private static readonly Lock Gate = new();

    /// <summary>Writes the file once per test folder (the interfaces of one row may ask for it at the same time).</summary>
    private static string Write(TempDir d, string name, Func<byte[]> bytes)
    {
        var path = d.File(name);
        lock (Gate)
            if (!File.Exists(path)) File.WriteAllBytes(path, bytes());
        return path;
    }
}
