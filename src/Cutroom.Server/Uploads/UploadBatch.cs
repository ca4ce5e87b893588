namespace Cutroom.Server.Uploads;

/// <summary>A file of the request, received into a temp file.</summary>
/// <param name="Name">The client's name, sanitised (metadata only).</param>
/// <param name="TempPath">The temp file (server-made name, no extension).</param>
/// <param name="SizeBytes">Its size (bytes).</param>
/// <param name="Source">Where it came from, for error paths: <c>files[0]</c> or <c>urls[0]</c>.</param>
public sealed record ReceivedFile(string Name, string TempPath, long SizeBytes, string Source);

/// <summary>
/// The temp files of one upload request: every temp path is registered here before anything is
/// written to it, and whatever is still there when the batch is disposed (a failure anywhere, or
/// files already moved into storage) is deleted, so a request leaves nothing behind in <c>tmp/</c>.
/// </summary>
public sealed class UploadBatch : IDisposable
{
    private readonly List<string> _temps = [];
    private readonly List<ReceivedFile> _files = [];

    /// <summary>The files received so far, in request order.</summary>
    public IReadOnlyList<ReceivedFile> Files => _files;

    /// <summary>Bytes received so far (all files).</summary>
    public long TotalBytes => _files.Sum(f => f.SizeBytes);

    /// <summary>Registers a temp path about to be written (deleted on dispose if it still exists).</summary>
    /// <param name="path">The temp file.</param>
    public string Track(string path)
    {
        _temps.Add(path);
        return path;
    }

    /// <summary>Adds a complete file.</summary>
    /// <param name="file">The file (its temp path was tracked).</param>
    public void Add(ReceivedFile file) => _files.Add(file);

    /// <summary>Deletes every temp file still present.</summary>
    public void Dispose()
    {
        foreach (var path in _temps)
        {
            try { File.Delete(path); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        _temps.Clear();
    }
}
