using System.Security.Cryptography;
using Cutroom.Server.Storage;

namespace Cutroom.Server.Tests.Storage;

/// <summary>What every <see cref="IBlobStore"/> must do, run against the local folder and against s3rver.</summary>
internal static class BlobStoreContract
{
    /// <summary>Bytes that differ at every offset (a range in the wrong place cannot pass).</summary>
    public static byte[] Bytes(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Put a file (copy), read it back whole and by range, check it exists, delete it.</summary>
    public static async Task PutGetRangeExistsDeleteAsync(IBlobStore store, string scratch)
    {
        var bytes = Bytes(300_000);
        var source = Path.Combine(scratch, "source.bin");
        await File.WriteAllBytesAsync(source, bytes);
        const string key = "files/ab/fab-contract.bin";
        var headers = new BlobHeaders("application/octet-stream", "contract.bin");

        Assert.False(await store.ExistsAsync(key, default));
        await store.PutFileAsync(key, source, headers, move: false, default);
        Assert.True(File.Exists(source), "a put without move leaves the source");
        Assert.True(await store.ExistsAsync(key, default));

        var copy = Path.Combine(scratch, "copy", "back.bin");
        await store.GetToFileAsync(key, copy, default);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(copy));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(copy)!, "*.part-*"));

        await using (var range = await store.OpenRangeAsync(key, 1000, 500, default))
            Assert.Equal(bytes.AsSpan(1000, 500).ToArray(), await ReadAllAsync(range));
        await using (var tail = await store.OpenRangeAsync(key, bytes.Length - 10, null, default))
            Assert.Equal(bytes.AsSpan(bytes.Length - 10).ToArray(), await ReadAllAsync(tail));

        await store.DeleteAsync(key, default);
        Assert.False(await store.ExistsAsync(key, default));
        await store.DeleteAsync(key, default); // deleting nothing is no error
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.GetToFileAsync(key, Path.Combine(scratch, "gone.bin"), default));
        Assert.False(File.Exists(Path.Combine(scratch, "gone.bin")));
    }

    /// <summary>A put from a stream of unknown length, larger than several parts, arrives whole; a move consumes the file.</summary>
    public static async Task StreamAndMoveAsync(IBlobStore store, string scratch, int length)
    {
        var bytes = Bytes(length, seed: 11);
        await using (var unknownLength = new NonSeekable(new MemoryStream(bytes)))
            await store.PutAsync("files/cd/fcd-stream.bin", unknownLength, new BlobHeaders("application/octet-stream", "s.bin"), default);
        var back = Path.Combine(scratch, "stream-back.bin");
        await store.GetToFileAsync("files/cd/fcd-stream.bin", back, default);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(await File.ReadAllBytesAsync(back)));

        var moved = Path.Combine(scratch, "moved.bin");
        await File.WriteAllBytesAsync(moved, bytes);
        await store.PutFileAsync("files/cd/fcd-moved.bin", moved, new BlobHeaders("application/octet-stream", "m.bin"), move: true, default);
        Assert.False(File.Exists(moved), "a put with move consumes the source");
        await using var all = await store.OpenRangeAsync("files/cd/fcd-moved.bin", 0, null, default);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(await ReadAllAsync(all)));
    }

    /// <summary>A put whose stream fails after <paramref name="failAfter"/> bytes throws and leaves no blob.</summary>
    public static async Task FailedPutLeavesNothingAsync(IBlobStore store, int failAfter)
    {
        await using var failing = new FailingStream(Bytes(failAfter + 1_000_000, seed: 3), failAfter);
        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("files/ef/fef-failed.bin", failing, new BlobHeaders("video/mp4", "f.mp4"), default));
        Assert.True(failing.Position >= failAfter, "the stream was read up to its failure");
        Assert.False(await store.ExistsAsync("files/ef/fef-failed.bin", default));
    }

    public static async Task<byte[]> ReadAllAsync(Stream s)
    {
        using var copy = new MemoryStream();
        await s.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A stream without a length (as a request body is).</summary>
    private sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }

    /// <summary>Serves bytes, then throws <see cref="IOException"/> at <c>failAt</c> (a client that went away).</summary>
    private sealed class FailingStream(byte[] bytes, int failAt) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= failAt) throw new IOException("the client went away");
            var n = Math.Min(count, failAt - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
