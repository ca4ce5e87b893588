using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cutroom.Server.Hosting;
using Microsoft.AspNetCore.Http;

namespace Cutroom.Server.Storage;

/// <summary>
/// Signed, expiring download links (contract §8): <c>/files/&lt;key&gt;?exp=&lt;unix&gt;&amp;sig=&lt;hmac&gt;</c>, where
/// sig = base64url(HMAC-SHA256(secret, "key.exp")). The 256-bit secret is made on first start
/// and kept in <c>signing.key</c> (mode 0600) in the data folder, so links survive restarts.
/// </summary>
public sealed class UrlSigner
{
    private readonly byte[] _secret;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _clock;

    /// <summary>Loads (or makes) the secret.</summary>
    /// <param name="options">The data folder and the link lifetime.</param>
    /// <param name="clock">The time.</param>
    public UrlSigner(ServerOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _lifetime = options.DownloadLinkLifetime;
        _clock = clock;
        var path = Path.Combine(options.DataDir, "signing.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(options.DataDir);
            var tmp = path + ".tmp";
            File.WriteAllBytes(tmp, RandomNumberGenerator.GetBytes(32));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(tmp, path, overwrite: false);
        }
        _secret = File.ReadAllBytes(path);
    }

    /// <summary>The absolute signed URL of <paramref name="key"/> for a client of <paramref name="request"/>.</summary>
    /// <param name="request">The request being answered (the server's <see cref="PublicAddress"/> makes the URL absolute; never its <c>Host</c> header).</param>
    /// <param name="key">The stored file's key.</param>
    public string Url(HttpRequest request, string key) => Url(PublicAddress.Of(request), key);

    /// <summary>The signed URL of <paramref name="key"/> under <paramref name="baseUrl"/>.</summary>
    /// <param name="baseUrl">The server's base URL (no trailing slash).</param>
    /// <param name="key">The stored file's key.</param>
    public string Url(string baseUrl, string key)
    {
        var exp = _clock.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/files/{key}?exp={exp}&sig={Sign(key, exp)}");
    }

    /// <summary>Whether <paramref name="sig"/> signs <paramref name="key"/> and <paramref name="exp"/> and the link has not expired.</summary>
    /// <param name="key">The key.</param>
    /// <param name="exp">Expiry (Unix seconds) from the link.</param>
    /// <param name="sig">The signature from the link.</param>
    public bool Verify(string key, string? exp, string? sig)
    {
        if (string.IsNullOrEmpty(sig) || !long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var e)) return false;
        if (e < _clock.GetUtcNow().ToUnixTimeSeconds()) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(key, e));
        var given = Encoding.ASCII.GetBytes(sig);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private string Sign(string key, long exp)
    {
        var mac = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{key}.{exp}")));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
