using System.Security.Cryptography;

namespace Cutroom.Server.Hosting;

/// <summary>
/// Server-made ids: a prefix and 20 random base32 characters (100 bits from the OS CSPRNG), so
/// ids cannot be guessed or enumerated (docs/security.md §12).
/// </summary>
public static class Ids
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>A new id: <paramref name="prefix"/> + <c>_</c> + 20 random characters (<c>ses_k3…</c>).</summary>
    /// <param name="prefix">The kind (<c>ses</c>, <c>med</c>, <c>gen</c>, <c>job</c>, <c>acc</c>).</param>
    public static string New(string prefix) => prefix + "_" + Random(20);

    /// <summary><paramref name="length"/> random base32 characters (5 bits each).</summary>
    /// <param name="length">How many.</param>
    public static string Random(int length)
    {
        Span<byte> bytes = stackalloc byte[length];
        RandomNumberGenerator.Fill(bytes);
        return string.Create(length, bytes.ToArray(), static (span, b) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Alphabet[b[i] & 31];
        });
    }
}
