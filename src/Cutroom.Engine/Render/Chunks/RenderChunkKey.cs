using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Cutroom.Engine.Analysis;
using Cutroom.FFmpeg.Process;

namespace Cutroom.Engine.Render.Chunks;

/// <summary>
/// The cache key of a rendered piece: SHA-256 of everything that decides its bytes, namely the
/// compiled ffmpeg command itself (the draft slice it covers, as the filter graph and the input
/// options, and the output settings), with each input file replaced by its content hash
/// (<see cref="ContentHash"/>), the render's work folder by a placeholder (text files there are named
/// by their content), the script of a long graph by its text, plus the identity of the fonts, of the
/// ffmpeg build and <see cref="RendererVersion"/>. Two renders of the same slice of the same draft get
/// the same key on any path; an edit changes the key of exactly the pieces whose commands it changes.
/// </summary>
public static class RenderChunkKey
{
    /// <summary>Bumped whenever the renderer's output changes for the same command (a fix in how pieces are written or joined).</summary>
    public const string RendererVersion = "render-15.1";

    private static readonly ConcurrentDictionary<(string Path, long Size, DateTime Modified), string> FileHashes = new();

    /// <summary>The key of <paramref name="command"/>, whose work folder is <paramref name="workDirectory"/> and whose output (the last argument) is ignored.</summary>
    /// <param name="command">The compiled command.</param>
    /// <param name="workDirectory">The render's temporary folder (replaced by a placeholder).</param>
    /// <param name="ffmpegIdentity">The ffmpeg build (its path and version line), so that an upgrade renders again.</param>
    /// <param name="fonts">Font files the command may draw with (their size and time are hashed).</param>
    /// <returns>64 lower-case hex digits.</returns>
    /// <exception cref="IOException">When an input cannot be read.</exception>
    public static string Of(FFmpegCommand command, string workDirectory, string ffmpegIdentity, IEnumerable<string> fonts)
    {
        ArgumentNullException.ThrowIfNull(command);
        var sb = new StringBuilder();
        sb.Append(RendererVersion).Append('\n').Append(ffmpegIdentity).Append('\n');
        foreach (var font in fonts)
        {
            var fi = new FileInfo(font);
            sb.Append("font ").Append(font).Append(' ').Append(fi.Exists ? fi.Length : -1).Append(' ').Append(fi.Exists ? fi.LastWriteTimeUtc.Ticks : 0).Append('\n');
        }
        var args = command.Arguments;
        for (var i = 0; i < args.Count - 1; i++)
        {
            var a = args[i];
            if (i > 0 && args[i - 1] == "-i" && a.EndsWith(Motion.MotionFeed.Extension, StringComparison.Ordinal))
                sb.Append("feed ").Append(Path.GetFileName(a)); // a pipe named by everything that decides its frames
            else if (i > 0 && args[i - 1] == "-i" && LocalPath(a) is { } input)
                sb.Append("input ").Append(HashOf(input));
            else if (i > 0 && args[i - 1] == "-filter_complex_script" && LocalPath(a) is { } script)
                sb.Append("graph ").Append(File.ReadAllText(script).Replace(workDirectory, "<work>", StringComparison.Ordinal));
            else
                sb.Append(a.Replace(workDirectory, "<work>", StringComparison.Ordinal));
            sb.Append('\n');
        }
        return System.Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static string? LocalPath(string arg) =>
        arg.StartsWith("file:", StringComparison.Ordinal) ? arg[5..] : File.Exists(arg) ? arg : null;

    /// <summary>The content hash of a file, remembered per (path, size, time) so that a render's chunks hash each source once.</summary>
    internal static string HashOf(string path)
    {
        var fi = new FileInfo(path);
        return FileHashes.GetOrAdd((fi.FullName, fi.Length, fi.LastWriteTimeUtc), _ => ContentHash.Of(path));
    }
}
