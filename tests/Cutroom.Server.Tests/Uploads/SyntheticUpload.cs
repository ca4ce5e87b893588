using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Cutroom.Server.Tests.Uploads;

/// <summary>
/// A multipart body with one part named <c>files</c> of <see cref="FileBytes"/> bytes: an MP4
/// <c>ftyp</c> box, then zeros, generated while it is sent from one reused 1 MiB buffer (never
/// held in memory). <see cref="SentBytes"/> counts what has been written so far.
/// </summary>
internal sealed class SyntheticUpload : HttpContent
{
    private const string Boundary = "cutroom-synthetic-boundary";
    private readonly byte[] _head;
    private readonly byte[] _tail = Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n");
    private long _sent;

    private readonly bool _announce;

    /// <summary>Creates the body; without <paramref name="announceLength"/> it is sent chunked (no Content-Length).</summary>
    public SyntheticUpload(long fileBytes, string fileName = "big.mp4", bool announceLength = true)
    {
        FileBytes = fileBytes;
        _announce = announceLength;
        _head = Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{fileName}\"\r\nContent-Type: video/mp4\r\n\r\n");
        Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
    }

    /// <summary>The file part's size (bytes).</summary>
    public long FileBytes { get; }

    /// <summary>The whole body's size (bytes), its <c>Content-Length</c>.</summary>
    public long Length => _head.Length + FileBytes + _tail.Length;

    /// <summary>Bytes of the body written so far.</summary>
    public long SentBytes => Interlocked.Read(ref _sent);

    /// <summary>The first bytes of the body: the part's headers and <paramref name="fileBytes"/> of the file.</summary>
    public byte[] Prefix(int fileBytes)
    {
        var file = new byte[fileBytes];
        FtypBox().CopyTo(file, 0);
        return [.. _head, .. file];
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await WriteAsync(stream, _head);
        var chunk = new byte[1024 * 1024];
        FtypBox().CopyTo(chunk, 0);
        for (var left = FileBytes; left > 0;)
        {
            var n = (int)Math.Min(chunk.Length, left);
            await WriteAsync(stream, chunk.AsMemory(0, n));
            if (left == FileBytes) Array.Clear(chunk, 0, 32);
            left -= n;
        }
        await WriteAsync(stream, _tail);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = Length;
        return _announce;
    }

    private async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> bytes)
    {
        await stream.WriteAsync(bytes);
        Interlocked.Add(ref _sent, bytes.Length);
    }

    /// <summary>A 32-byte <c>ftyp</c> box (isom), so the body sniffs as MP4.</summary>
    private static byte[] FtypBox() =>
        [0, 0, 0, 32, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2avc1mp41"u8];
}

/// <summary>A non-seekable stream of <c>length</c> copies of one byte: sent chunked by StreamContent (no Content-Length).</summary>
internal sealed class RepeatStream(long length, byte value) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long v) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        Array.Fill(buffer, value, offset, n);
        _position += n;
        return n;
    }
}
