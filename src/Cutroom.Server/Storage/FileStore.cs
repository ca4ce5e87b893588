using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Storage;

/// <summary>
/// Stored files by opaque keys (docs/security.md §9, docs/storage.md): the rows (<see cref="StoredFile"/>)
/// here, the bytes in the configured <see cref="IBlobStore"/> (the data folder, or an S3 bucket).
/// Uploads and render outputs are put under <c>files/&lt;ab&gt;/&lt;key&gt;&lt;ext&gt;</c>; chat outputs are
/// registered where the engine wrote them (<c>work/&lt;session&gt;/…</c>) with the local store, or
/// copied into the bucket with S3. A row is written only after its blob is whole, and a failed row
/// removes its blob. Jobs read inputs through <see cref="LocalCopyAsync"/>: the file itself when local,
/// a copy in the scratch folder (<c>scratch/</c> in the data folder) when S3.
/// Client file names are metadata only (<see cref="StoredFile.DownloadName"/>).
/// </summary>
public sealed class FileStore
{
    private readonly IDbContextFactory<CutroomDb> _db;
    private readonly TimeProvider _clock;
    private readonly LocalBlobStore? _local;

    /// <summary>Creates the store over <see cref="ServerOptions.DataDir"/> (its folders are created) and <paramref name="blobs"/>.</summary>
    /// <param name="options">The data folder.</param>
    /// <param name="db">The database.</param>
    /// <param name="clock">The time.</param>
    /// <param name="blobs">Where the bytes live.</param>
    public FileStore(ServerOptions options, IDbContextFactory<CutroomDb> db, TimeProvider clock, IBlobStore blobs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(blobs);
        _db = db;
        _clock = clock;
        Blobs = blobs;
        _local = blobs as LocalBlobStore;
        Root = Path.GetFullPath(options.DataDir);
        if (_local is not null && _local.Root != Root) throw new ArgumentException("the local blob store must be over the data folder", nameof(blobs));
        Directory.CreateDirectory(FilesDir);
        Directory.CreateDirectory(WorkDir);
        Directory.CreateDirectory(TempDir);
    }

    /// <summary>The data folder (absolute).</summary>
    public string Root { get; }

    /// <summary>Where the bytes live.</summary>
    public IBlobStore Blobs { get; }

    /// <summary>Whether the bytes live in the data folder (then <see cref="PathOf"/> is the file itself).</summary>
    public bool IsLocal => _local is not null;

    /// <summary>Stored uploads and render outputs (local store).</summary>
    public string FilesDir => Path.Combine(Root, "files");

    /// <summary>Work folders of sessions (chat outputs).</summary>
    public string WorkDir => Path.Combine(Root, "work");

    /// <summary>Uploads and renders in progress (temp names; emptied at start-up).</summary>
    public string TempDir => Path.Combine(Root, "tmp");

    /// <summary>Local copies of objects of a remote store (S3), read by jobs; a cache that may be deleted while the server is stopped.</summary>
    public string ScratchDir => Path.Combine(Root, "scratch");

    /// <summary>A new temp file path (not created) with <paramref name="extension"/> (<c>.mp4</c>).</summary>
    /// <param name="extension">The extension, with its dot, or empty.</param>
    public string NewTempPath(string extension = "") => Path.Combine(TempDir, Ids.Random(24) + extension);

    /// <summary>The work folder of a session (created).</summary>
    /// <param name="sessionId">A server-made session id.</param>
    public string SessionWorkDir(string sessionId) => Directory.CreateDirectory(Inside(Path.Combine(WorkDir, sessionId))).FullName;

    /// <summary>Puts a finished file into storage under a new key and records it; the file is consumed (moved, or deleted once uploaded).</summary>
    /// <param name="accountId">The owner.</param>
    /// <param name="source">The finished file (a temp name).</param>
    /// <param name="extension">The stored file's extension decided by content (<c>.mp4</c>).</param>
    /// <param name="contentType">Content-Type of downloads.</param>
    /// <param name="downloadName">The readable name of downloads.</param>
    /// <param name="cancellationToken">Cancels; nothing is stored then.</param>
    /// <returns>The stored file.</returns>
    /// <exception cref="IOException">The disk failed.</exception>
    /// <exception cref="Amazon.S3.AmazonS3Exception">The object store refused the put.</exception>
    public async Task<StoredFile> StoreAsync(string accountId, string source, string extension, string contentType, string downloadName, CancellationToken cancellationToken = default)
    {
        var key = NewKey();
        var blobKey = BlobKeyOf(key, extension);
        var size = new FileInfo(source).Length;
        var name = FileNames.Sanitize(downloadName);
        await Blobs.PutFileAsync(blobKey, source, new BlobHeaders(contentType, name), move: true, cancellationToken);
        return await RecordOrRemoveAsync(accountId, key, blobKey, contentType, name, size, cancellationToken);
    }

    /// <summary>
    /// Records a file the engine wrote inside the data folder (a chat output) under a new key: where it
    /// is with the local store; copied into the bucket with S3 (the local file stays as the job's scratch).
    /// </summary>
    /// <param name="accountId">The owner.</param>
    /// <param name="path">The file (inside the data folder).</param>
    /// <param name="downloadName">The readable name of downloads.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="InvalidOperationException">The path is outside the data folder.</exception>
    public async Task<StoredFile> RegisterAsync(string accountId, string path, string downloadName, CancellationToken cancellationToken = default)
    {
        var full = Inside(path);
        var key = NewKey();
        var name = FileNames.Sanitize(downloadName);
        var size = new FileInfo(full).Length;
        if (_local is not null) return await RecordAsync(accountId, key, _local.KeyOf(full), ContentTypes.Of(full), name, size, cancellationToken);
        var blobKey = BlobKeyOf(key, Path.GetExtension(full).ToLowerInvariant());
        await Blobs.PutFileAsync(blobKey, full, new BlobHeaders(ContentTypes.Of(full), name), move: false, cancellationToken);
        return await RecordOrRemoveAsync(accountId, key, blobKey, ContentTypes.Of(full), name, size, cancellationToken);
    }

    /// <summary>
    /// A local file with the bytes of <paramref name="file"/>, for a job to read: the stored file itself
    /// with the local store; with S3, a copy in <see cref="ScratchDir"/>, downloaded unless a whole one is there.
    /// </summary>
    /// <param name="file">The stored file.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The absolute path.</returns>
    /// <exception cref="FileNotFoundException">Its blob is gone.</exception>
    public async Task<string> LocalCopyAsync(StoredFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = PathOf(file);
        if (_local is not null) return path;
        var existing = new FileInfo(path);
        if (existing.Exists && existing.Length == file.SizeBytes) return path;
        await Blobs.GetToFileAsync(file.RelativePath, path, cancellationToken);
        return path;
    }

    /// <summary>Removes a stored file's blob (not its row); a missing blob is no error.</summary>
    /// <param name="file">The stored file.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task DeleteBlobAsync(StoredFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        await Blobs.DeleteAsync(file.RelativePath, cancellationToken);
        if (_local is null) File.Delete(PathOf(file));
    }

    /// <summary>
    /// A presigned URL of the store for <paramref name="file"/> valid for <paramref name="lifetime"/>, or
    /// null with the local store (Cutroom's own signed <c>/files/</c> link serves it).
    /// </summary>
    /// <param name="file">The stored file.</param>
    /// <param name="lifetime">The link lifetime (contract §8).</param>
    /// <param name="attachment">True: <c>Content-Disposition: attachment</c>.</param>
    public string? PresignedUrl(StoredFile file, TimeSpan lifetime, bool attachment = false)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Blobs.PresignedUrl(file.RelativePath, lifetime, new BlobHeaders(file.ContentType, file.DownloadName), attachment);
    }

    /// <summary>The stored file of <paramref name="key"/>, or null.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<StoredFile?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(key) || key.Length > 64) return null;
        await using var ctx = await _db.CreateDbContextAsync(cancellationToken);
        return await ctx.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, cancellationToken);
    }

    /// <summary>
    /// The absolute local path of a stored file: the file itself with the local store; with S3, where
    /// <see cref="LocalCopyAsync"/> keeps its copy (which may not be there yet).
    /// </summary>
    /// <param name="file">The file.</param>
    /// <exception cref="InvalidOperationException">The recorded key leaves the data folder.</exception>
    public string PathOf(StoredFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var relative = file.RelativePath.Replace('/', Path.DirectorySeparatorChar);
        return Inside(_local is not null ? Path.Combine(Root, relative) : Path.Combine(ScratchDir, relative));
    }

    /// <summary>Bytes of a session's uploads plus its work folder (local store) or its outputs' objects (S3): the quota's measure.</summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<long> SessionBytesAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await using var ctx = await _db.CreateDbContextAsync(cancellationToken);
        var uploads = await ctx.Media.Where(m => m.SessionId == sessionId).SumAsync(m => m.SizeBytes, cancellationToken);
        if (_local is null)
        {
            // S3: the work folder is this machine's scratch; the session's outputs are the objects its rows name.
            var outputs = await ctx.Generated.Where(g => g.SessionId == sessionId)
                .Join(ctx.Files, g => g.FileKey, f => f.Key, (g, f) => f.SizeBytes).SumAsync(cancellationToken);
            return uploads + outputs;
        }
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

    private static string NewKey() => "f" + Ids.Random(26);

    /// <summary>The blob key of a stored file: <c>files/&lt;2 characters of the key&gt;/&lt;key&gt;&lt;ext&gt;</c>.</summary>
    private static string BlobKeyOf(string key, string extension) => $"files/{key.Substring(1, 2)}/{key}{extension}";

    /// <summary>Records a blob that was just put; removes the blob when the row cannot be written.</summary>
    private async Task<StoredFile> RecordOrRemoveAsync(string accountId, string key, string blobKey, string contentType, string downloadName, long size, CancellationToken ct)
    {
        try
        {
            return await RecordAsync(accountId, key, blobKey, contentType, downloadName, size, ct);
        }
        catch
        {
            try { await Blobs.DeleteAsync(blobKey, CancellationToken.None); }
            catch (Exception) { /* the row failed; the orphaned blob is unreachable (no row names it) */ }
            throw;
        }
    }

    private async Task<StoredFile> RecordAsync(string accountId, string key, string blobKey, string contentType, string downloadName, long size, CancellationToken ct)
    {
        var file = new StoredFile
        {
            Key = key, AccountId = accountId, RelativePath = blobKey, ContentType = contentType,
            DownloadName = downloadName, SizeBytes = size, CreatedAt = _clock.GetUtcNow().UtcDateTime,
        };
        await using var ctx = await _db.CreateDbContextAsync(ct);
        ctx.Files.Add(file);
        await ctx.SaveChangesAsync(ct);
        return file;
    }
}
