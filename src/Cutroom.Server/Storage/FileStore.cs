using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Storage;

/// <summary>
/// Files under the data folder by opaque keys (docs/security.md §9): uploads are moved into
/// <c>files/</c> under server-made names, chat outputs are registered where the engine wrote them
/// (<c>work/&lt;session&gt;/…</c>), and every resolved path is checked to stay inside the data folder.
/// Client file names are metadata only (<see cref="StoredFile.DownloadName"/>).
/// </summary>
public sealed class FileStore
{
    private readonly IDbContextFactory<CutroomDb> _db;
    private readonly TimeProvider _clock;

    /// <summary>Creates the store over <see cref="ServerOptions.DataDir"/> (its folders are created).</summary>
    /// <param name="options">The data folder.</param>
    /// <param name="db">The database.</param>
    /// <param name="clock">The time.</param>
    public FileStore(ServerOptions options, IDbContextFactory<CutroomDb> db, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _db = db;
        _clock = clock;
        Root = Path.GetFullPath(options.DataDir);
        Directory.CreateDirectory(FilesDir);
        Directory.CreateDirectory(WorkDir);
        Directory.CreateDirectory(TempDir);
    }

    /// <summary>The data folder (absolute).</summary>
    public string Root { get; }

    /// <summary>Stored uploads and render outputs.</summary>
    public string FilesDir => Path.Combine(Root, "files");

    /// <summary>Work folders of sessions (chat outputs).</summary>
    public string WorkDir => Path.Combine(Root, "work");

    /// <summary>Uploads and renders in progress (temp names; emptied at start-up).</summary>
    public string TempDir => Path.Combine(Root, "tmp");

    /// <summary>A new temp file path (not created) with <paramref name="extension"/> (<c>.mp4</c>).</summary>
    /// <param name="extension">The extension, with its dot, or empty.</param>
    public string NewTempPath(string extension = "") => Path.Combine(TempDir, Ids.Random(24) + extension);

    /// <summary>The work folder of a session (created).</summary>
    /// <param name="sessionId">A server-made session id.</param>
    public string SessionWorkDir(string sessionId) => Directory.CreateDirectory(Inside(Path.Combine(WorkDir, sessionId))).FullName;

    /// <summary>Moves a finished file into storage under a new key and records it.</summary>
    /// <param name="accountId">The owner.</param>
    /// <param name="source">The finished file (a temp name); moved, not copied.</param>
    /// <param name="extension">The stored file's extension decided by content (<c>.mp4</c>).</param>
    /// <param name="contentType">Content-Type of downloads.</param>
    /// <param name="downloadName">The readable name of downloads.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The stored file.</returns>
    public async Task<StoredFile> StoreAsync(string accountId, string source, string extension, string contentType, string downloadName, CancellationToken cancellationToken = default)
    {
        var key = "f" + Ids.Random(26);
        var dir = Directory.CreateDirectory(Path.Combine(FilesDir, key.Substring(1, 2))).FullName;
        var target = Path.Combine(dir, key + extension);
        File.Move(source, target);
        try
        {
            return await RecordAsync(accountId, key, target, contentType, downloadName, cancellationToken);
        }
        catch
        {
            File.Delete(target);
            throw;
        }
    }

    /// <summary>Records a file the engine wrote inside the data folder (a chat output) under a new key, where it is.</summary>
    /// <param name="accountId">The owner.</param>
    /// <param name="path">The file (inside the data folder).</param>
    /// <param name="downloadName">The readable name of downloads.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="InvalidOperationException">The path is outside the data folder.</exception>
    public Task<StoredFile> RegisterAsync(string accountId, string path, string downloadName, CancellationToken cancellationToken = default) =>
        RecordAsync(accountId, "f" + Ids.Random(26), Inside(path), ContentTypes.Of(path), downloadName, cancellationToken);

    /// <summary>The stored file of <paramref name="key"/>, or null.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<StoredFile?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 64) return null;
        await using var ctx = await _db.CreateDbContextAsync(cancellationToken);
        return await ctx.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, cancellationToken);
    }

    /// <summary>The absolute path of a stored file.</summary>
    /// <param name="file">The file.</param>
    /// <exception cref="InvalidOperationException">The recorded path leaves the data folder.</exception>
    public string PathOf(StoredFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Inside(Path.Combine(Root, file.RelativePath));
    }

    /// <summary>Bytes used under a session's work folder plus its uploads (the disk quota's measure).</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<long> SessionBytesAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var ctx = await _db.CreateDbContextAsync(cancellationToken);
        var uploads = await ctx.Media.Where(m => m.SessionId == sessionId).SumAsync(m => m.SizeBytes, cancellationToken);
        var dir = new DirectoryInfo(Path.Combine(WorkDir, sessionId));
        var work = dir.Exists ? dir.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
        return uploads + work;
    }

    /// <summary>Deletes leftovers of interrupted uploads and renders (called at start-up).</summary>
    public void CleanTemp()
    {
        foreach (var f in Directory.EnumerateFiles(TempDir))
        {
            try { File.Delete(f); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        // Work folders of engine jobs (cutroom serve points TMPDIR at tmp/engine).
        var engine = new DirectoryInfo(Path.Combine(TempDir, "engine"));
        if (engine.Exists)
            foreach (var d in engine.EnumerateDirectories())
            {
                try { d.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
    }

    /// <summary><paramref name="path"/> made absolute, refused when it leaves the data folder.</summary>
    /// <param name="path">A path.</param>
    /// <exception cref="InvalidOperationException">It leaves the data folder.</exception>
    public string Inside(string path)
    {
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("a storage path left the data folder");
        return full;
    }

    private async Task<StoredFile> RecordAsync(string accountId, string key, string path, string contentType, string downloadName, CancellationToken ct)
    {
        var file = new StoredFile
        {
            Key = key, AccountId = accountId, RelativePath = Path.GetRelativePath(Root, path), ContentType = contentType,
            DownloadName = FileNames.Sanitize(downloadName), SizeBytes = new FileInfo(path).Length, CreatedAt = _clock.GetUtcNow().UtcDateTime,
        };
        await using var ctx = await _db.CreateDbContextAsync(ct);
        ctx.Files.Add(file);
        await ctx.SaveChangesAsync(ct);
        return file;
    }
}
