namespace Cutroom.Server.Storage;

/// <summary>
/// Blobs as files under the data folder (the default, and what <c>cutroom serve</c> always did):
/// a key is a path relative to the folder (<c>files/ab/fxyz.mp4</c>); every resolved path is checked
/// to stay inside it. Puts write under a temp name in the target's folder and rename, so a blob is
/// whole or absent. Downloads are served by Cutroom itself (<see cref="FileEndpoints"/>): no presigned URLs.
/// </summary>
public sealed class LocalBlobStore : IBlobStore
{
    private const int CopyBufferBytes = 128 * 1024;

    /// <summary>A store over <paramref name="root"/>.</summary>
    /// <param name="root">The data folder (made absolute).</param>
    public LocalBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The data folder (absolute).</summary>
    public string Root { get; }

    /// <inheritdoc/>
    public string Provider => "local";

    /// <summary>The file of <paramref name="key"/> (absolute; may not exist).</summary>
    /// <param name="key">A blob key.</param>
    /// <exception cref="InvalidOperationException">The key leaves the data folder.</exception>
    public string PathOf(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Inside(Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar)));
    }

    /// <summary>The key of a file inside the data folder (<c>work/ses_x/frames.zip</c>).</summary>
    /// <param name="path">A file inside the data folder.</param>
    /// <exception cref="InvalidOperationException">The path is outside the data folder.</exception>
    public string KeyOf(string path) => Path.GetRelativePath(Root, Inside(path)).Replace(Path.DirectorySeparatorChar, '/');

    /// <inheritdoc/>
    public async Task PutFileAsync(string key, string path, BlobHeaders headers, bool move, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (move)
        {
            File.Move(path, target, overwrite: true);
            return;
        }
        await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferBytes, useAsync: true);
        await WriteAsync(target, source, cancellationToken);
    }

    /// <inheritdoc/>
    public Task PutAsync(string key, Stream content, BlobHeaders headers, CancellationToken cancellationToken)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        return WriteAsync(target, content, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task GetToFileAsync(string key, string path, CancellationToken cancellationToken)
    {
        var source = PathOf(key);
        if (!File.Exists(source)) throw new FileNotFoundException("no stored file under this key", key);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferBytes, useAsync: true);
        await WriteAsync(Path.GetFullPath(path), input, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<Stream> OpenRangeAsync(string key, long offset, long? length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var source = PathOf(key);
        if (!File.Exists(source)) throw new FileNotFoundException("no stored file under this key", key);
        var file = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, CopyBufferBytes, useAsync: true);
        file.Seek(Math.Min(offset, file.Length), SeekOrigin.Begin);
        Stream result = length is { } n ? new SliceStream(file, n) : file;
        return Task.FromResult(result);
    }

    /// <inheritdoc/>
    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    /// <inheritdoc/>
    public string? PresignedUrl(string key, TimeSpan lifetime, BlobHeaders headers, bool attachment = false) => null;

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

    /// <summary>Copies <paramref name="content"/> into <paramref name="target"/> under a temp name beside it, then renames.</summary>
    internal static async Task WriteAsync(string target, Stream content, CancellationToken cancellationToken)
    {
        var temp = target + ".part-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferBytes, useAsync: true))
                await content.CopyToAsync(output, CopyBufferBytes, cancellationToken);
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
