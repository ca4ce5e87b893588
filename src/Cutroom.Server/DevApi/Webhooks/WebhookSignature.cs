using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cutroom.Server.DevApi.Webhooks;

/// <summary>
/// The <c>Cutroom-Signature</c> header of a delivery (the Stripe scheme):
/// <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>. A receiver recomputes
/// v1 over the raw body with its secret, compares in constant time, and refuses old timestamps.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header's name.</summary>
    public const string Header = "Cutroom-Signature";

    /// <summary>The hex HMAC-SHA256 of <c>timestamp + "." + body</c> with <paramref name="secret"/>.</summary>
    /// <param name="secret">The signing secret (<c>whsec_…</c>, used as UTF-8 bytes).</param>
    /// <param name="timestamp">Unix time in seconds.</param>
    /// <param name="body">The exact body bytes sent.</param>
    public static string Compute(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    /// <param name="secret">The signing secret.</param>
    /// <param name="timestamp">Unix time in seconds.</param>
    /// <param name="body">The body bytes.</param>
    public static string HeaderValue(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Compute(secret, timestamp, body)}");

    /// <summary>Whether <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> within <paramref name="tolerance"/> of <paramref name="now"/> (a receiver's check).</summary>
    /// <param name="header">The <c>Cutroom-Signature</c> value.</param>
    /// <param name="secret">The signing secret.</param>
    /// <param name="body">The raw body received.</param>
    /// <param name="now">The receiver's time.</param>
    /// <param name="tolerance">The largest age accepted (5 min is usual).</param>
    public static bool Verify(string? header, string secret, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header)) return false;
        long? t = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(','))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2) continue;
            if (kv[0].Trim() == "t" && long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ts)) t = ts;
            else if (kv[0].Trim() == "v1") signatures.Add(kv[1].Trim());
        }
        if (t is null || Math.Abs(now.ToUnixTimeSeconds() - t.Value) > tolerance.TotalSeconds) return false;
        var expected = Encoding.ASCII.GetBytes(Compute(secret, t.Value, body));
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s)));
    }
}
