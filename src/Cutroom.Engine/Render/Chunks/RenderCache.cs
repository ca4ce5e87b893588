using System.Runtime.InteropServices;

namespace Cutroom.Engine.Render.Chunks;

/// <summary>
/// A folder of rendered pieces (video chunks, soundtracks) stored under the key of everything that
/// decides their content (<see cref="RenderChunkKey"/>), so that a render after an edit reuses every
/// piece the edit did not touch. Bounded: after each store, the least recently used pieces are deleted
/// until the folder is under <see cref="MaxBytes"/> (a use touches the file's modification time).
/// Safe under concurrent renders, in one process or several: a piece is written under a temporary name
/// and renamed into place (readers never see half a file), and a render takes its pieces by hard link
/// into its own work folder (<see cref="TryTake"/>), so that an eviction cannot pull a piece from
/// under a render that is joining it. Survives restarts: the folder is the whole state.
/// </summary>
public sealed class RenderCache
{
    /// <summary>The default size limit: 2 GiB.</summary>
    public const long DefaultMaxBytes = 2L << 30;

    /// <summary>Temporary files older than this are debris of a killed render and are deleted by eviction.</summary>
    private static readonly TimeSpan StaleTemp = TimeSpan.FromHours(1);
    private readonly object _evictLock = new();

    /// <summary>Creates a cache over <paramref name="folder"/> (created when missing).</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="maxBytes">The size limit in bytes (at least 1 MiB).</param>
    public RenderCache(string folder, long maxBytes = DefaultMaxBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1L << 20);
        Folder = Path.GetFullPath(folder);
        MaxBytes = maxBytes;
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The user's default cache: <c>$XDG_CACHE_HOME/cutroom/render</c> (default <c>~/.cache/cutroom/render</c>).</summary>
    public static string DefaultFolder() => Common.UserCache.Folder("render");

    /// <summary>The folder.</summary>
    public string Folder { get; }

    /// <summary>The size limit, bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>Where the piece of <paramref name="key"/> lives (it may not exist).</summary>
    /// <param name="key">A key from <see cref="RenderChunkKey"/> (lower-case hex).</param>
    /// <param name="extension">The piece's extension with its dot (<c>.mp4</c>, <c>.m4a</c>).</param>
    public string PathOf(string key, string extension) => Path.Combine(Folder, key + extension);

    /// <summary>
    /// When the piece of <paramref name="key"/> is cached: marks it used and links it (or copies it) to
    /// <paramref name="destination"/>, and returns true.
    /// </summary>
    public bool TryTake(string key, string extension, string destination)
    {
        var path = PathOf(key, extension);
        try
        {
            if (!File.Exists(path)) return false;
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
            LinkOrCopy(path, destination);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;   // evicted between the check and the link: render it again
        }
    }

    /// <summary>
    /// Stores <paramref name="file"/> (a finished piece) as the piece of <paramref name="key"/>: copied or
    /// linked under a temporary name, renamed into place, then the cache is brought under its limit.
    /// Failures are ignored: the cache is an optimisation.
    /// </summary>
    public void Put(string key, string extension, string file)
    {
        var final = PathOf(key, extension);
        var temp = Path.Combine(Folder, $".{key}.tmp-{Guid.NewGuid():N}{extension}");
        try
        {
            LinkOrCopy(file, temp);
            File.Move(temp, final, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return;
        }
        Evict();
    }

    /// <summary>Deletes least recently used pieces until the folder holds at most <see cref="MaxBytes"/>, and stale temporaries.</summary>
    /// <returns>How many files were deleted.</returns>
    public int Evict()
    {
        lock (_evictLock)
        {
            var deleted = 0;
            var files = new DirectoryInfo(Folder).EnumerateFiles().ToList();
            foreach (var f in files.Where(f => f.Name.StartsWith('.') && DateTime.UtcNow - f.LastWriteTimeUtc > StaleTemp))
                if (TryDelete(f.FullName)) deleted++;
            var pieces = files.Where(f => !f.Name.StartsWith('.')).OrderBy(f => f.LastWriteTimeUtc).ToList();
            var total = pieces.Sum(f => f.Length);
            foreach (var f in pieces)
            {
                if (total <= MaxBytes) break;
                if (TryDelete(f.FullName)) { total -= f.Length; deleted++; }
            }
            return deleted;
        }
    }

    /// <summary>The bytes the cached pieces take.</summary>
    public long SizeBytes() => new DirectoryInfo(Folder).EnumerateFiles().Where(f => !f.Name.StartsWith('.')).Sum(f => f.Length);

    private static bool TryDelete(string path)
    {
        try { File.Delete(path); return true; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>A hard link (no copy, and the data lives on while any link does), or a copy where links are not possible.</summary>
    internal static void LinkOrCopy(string source, string destination)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            if (File.Exists(destination)) File.Delete(destination);
            if (Link(source, destination) == 0) return;
        }
        File.Copy(source, destination, overwrite: true);
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true, CharSet = CharSet.Ansi)]
    private static extern int Link(string oldPath, string newPath);
}
