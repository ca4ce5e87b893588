using System.Security.Cryptography;
using System.Text;

namespace Cutroom.Server.Auth;

/// <summary>Bearer tokens: 256 random bits, URL-safe, and their SHA-256 hashes (the only form stored).</summary>
public static class TokenHash
{
    /// <summary>A new token: 32 random bytes as unpadded base64url (43 characters), prefixed <c>ctk_</c>.</summary>
    public static string NewToken() => "ctk_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of <paramref name="token"/>.</summary>
    /// <param name="token">The token as sent.</param>
    public static string Of(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    private static string Base64Url(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
