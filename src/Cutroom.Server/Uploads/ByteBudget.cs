using System.Buffers;

namespace Cutroom.Server.Uploads;

/// <summary>
/// What one request may still write: at most <see cref="MaxFileBytes"/> per file and
/// <see cref="QuotaLeftBytes"/> in all (the session's quota minus what it holds). Files are copied
/// through <see cref="CopyAsync"/>, which counts while it copies and stops at the first byte over
/// either limit, so nothing larger than the limit (plus one buffer) ever reaches the disk.
/// </summary>
/// <param name="maxFileBytes">The per-file limit (bytes).</param>
/// <param name="quotaLeftBytes">What the session's quota leaves (bytes).</param>
/// <param name="quotaBytes">The session's quota (bytes), for messages.</param>
public sealed class ByteBudget(long maxFileBytes, long quotaLeftBytes, long quotaBytes)
{
    private const int ChunkBytes = 128 * 1024;
    private long _used;

    /// <summary>The per-file limit (bytes).</summary>
    public long MaxFileBytes { get; } = maxFileBytes;

    /// <summary>What the session's quota left when the request started (bytes).</summary>
    public long QuotaLeftBytes { get; } = Math.Max(0, quotaLeftBytes);

    /// <summary>The session's quota (bytes).</summary>
    public long QuotaBytes { get; } = quotaBytes;

    /// <summary>
    /// Copies <paramref name="source"/> into a new file at <paramref name="path"/> (mode 0600), counting.
    /// </summary>
    /// <param name="source">The file's bytes (a multipart section or a download).</param>
    /// <param name="path">The temp file to create (already tracked by the request's <see cref="UploadBatch"/>).</param>
    /// <param name="name">The file's sanitised name, for refusals.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The bytes copied.</returns>
    /// <exception cref="Contract.ApiException">4002 when the file passes the per-file limit or the session's quota.</exception>
    /// <exception cref="SourceReadException">Reading <paramref name="source"/> failed (malformed body, broken download).</exception>
    /// <exception cref="IOException">Writing failed (a full disk: the error middleware answers 507).</exception>
    public async Task<long> CopyAsync(Stream source, string path, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var fileOptions = new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0, Options = FileOptions.Asynchronous,
            };
            if (!OperatingSystem.IsWindows()) fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using var target = new FileStream(path, fileOptions);
            long copied = 0;
            while (true)
            {
                int n;
                try { n = await source.ReadAsync(buffer.AsMemory(0, ChunkBytes), cancellationToken); }
                catch (IOException e) { throw new SourceReadException(e); }
                if (n == 0) return copied;
                copied += n;
                Charge(n, copied, name);
                await target.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Checks a file's announced size (a download's <c>Content-Length</c>) before reading it.</summary>
    /// <param name="announcedBytes">The announced size.</param>
    /// <param name="name">The file's name, for the refusal.</param>
    /// <exception cref="Contract.ApiException">4002 when it cannot fit.</exception>
    public void CheckAnnounced(long announcedBytes, string name)
    {
        if (announcedBytes > MaxFileBytes) throw UploadRefusals.FileTooLarge(name, MaxFileBytes);
        if (_used + announcedBytes > QuotaLeftBytes) throw UploadRefusals.QuotaExceeded(name, QuotaBytes, MaxFileBytes);
    }

    private void Charge(int bytes, long fileBytes, string name)
    {
        _used += bytes;
        if (fileBytes > MaxFileBytes) throw UploadRefusals.FileTooLarge(name, MaxFileBytes);
        if (_used > QuotaLeftBytes) throw UploadRefusals.QuotaExceeded(name, QuotaBytes, MaxFileBytes);
    }
}

/// <summary>Reading an upload's source failed (a malformed or cut multipart body, a broken download); not a disk error.</summary>
public sealed class SourceReadException : Exception
{
    /// <summary>Wraps the read error.</summary>
    /// <param name="inner">What the source threw.</param>
    public SourceReadException(Exception inner) : base("reading the upload failed", inner) { }
}
