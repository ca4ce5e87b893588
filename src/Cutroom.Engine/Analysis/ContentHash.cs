using System.Security.Cryptography;

namespace Cutroom.Engine.Analysis;

/// <summary>
/// A cheap content key for a media file: SHA-256 over its size (8 bytes, little-endian), its first
/// MiB and its last MiB. Reading 2 MiB instead of gigabytes keeps it instant; an edit that keeps
/// the size and both ends (practically never the case for media) would go unnoticed.
/// </summary>
public static class ContentHash
{
    private const int Chunk = 1 << 20;

    /// <summary>Hashes <paramref name="path"/>; returns lower-case hex.</summary>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static string Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var size = stream.Length;
        sha.AppendData(BitConverter.GetBytes(size));
        var buffer = new byte[Chunk];
        sha.AppendData(buffer, 0, ReadAt(stream, 0, buffer));
        if (size > Chunk) sha.AppendData(buffer, 0, ReadAt(stream, Math.Max(Chunk, size - Chunk), buffer));
        return System.Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static int ReadAt(FileStream stream, long offset, byte[] buffer)
    {
        stream.Position = offset;
        var total = 0;
        int n;
        while (total < buffer.Length && (n = stream.Read(buffer, total, buffer.Length - total)) > 0) total += n;
        return total;
    }
}
