namespace Cutroom.Server.Uploads;

/// <summary>
/// A read-only view of a request body that throws <see cref="BodyCapExceededException"/> once more
/// than <see cref="CapBytes"/> have been read, so a body without <c>Content-Length</c> (chunked)
/// is cut where an announced one would have been refused.
/// </summary>
/// <param name="inner">The request body.</param>
/// <param name="capBytes">The most bytes it may yield.</param>
public sealed class CappedReadStream(Stream inner, long capBytes) : Stream
{
    private long _read;

    /// <summary>The cap (bytes).</summary>
    public long CapBytes { get; } = capBytes;

    /// <inheritdoc/>
    public override bool CanRead => true;
    /// <inheritdoc/>
    public override bool CanSeek => false;
    /// <inheritdoc/>
    public override bool CanWrite => false;
    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();
    /// <inheritdoc/>
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    public override void Flush() { }
    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();
    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int n)
    {
        _read += n;
        if (_read > CapBytes) throw new BodyCapExceededException();
        return n;
    }
}

/// <summary>A request body passed the cap of its <see cref="CappedReadStream"/>.</summary>
public sealed class BodyCapExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BodyCapExceededException() : base("the request body passed its cap") { }
}
