using System.Net;
using System.Net.Sockets;

namespace Cutroom.Server.Uploads;

/// <summary>
/// Which resolved addresses a URL import may connect to (docs/security.md §10): public unicast
/// only. Refused: unspecified, loopback, "this network" 0/8, private 10/8 172.16/12 192.168/16,
/// CGNAT 100.64/10, link-local 169.254/16 (the cloud metadata address 169.254.169.254 among them),
/// IETF protocol 192.0.0/24, documentation and benchmark ranges, multicast, reserved 240/4 and broadcast; for IPv6
/// loopback, ULA fc00::/7 (fd00:ec2::254 among them), link-local fe80::/10, site-local fec0::/10,
/// multicast, documentation 2001:db8::/32, and addresses that embed an IPv4 address (IPv4-mapped
/// ::ffff:0:0/96, IPv4-compatible ::/96, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4 2002::/16,
/// Teredo 2001::/32), which are judged by that IPv4 address or refused outright.
/// </summary>
public static class ImportAddressPolicy
{
    /// <summary>Why <paramref name="address"/> is refused (<c>loopback</c>, <c>private</c>...), or null when an import may connect to it.</summary>
    /// <param name="address">A resolved address.</param>
    /// <param name="allowLoopback">Tests only (<see cref="Hosting.UploadOptions.AllowLoopbackImports"/>): loopback (127/8, ::1 and their mapped forms) is allowed; nothing else more.</param>
    public static string? Refusal(IPAddress address, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork) return RefusalV4(address.GetAddressBytes(), allowLoopback);
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return "non-IP";
        var b = address.GetAddressBytes();
        // IPv4-mapped ::ffff:a.b.c.d and the deprecated IPv4-compatible ::a.b.c.d: judge the IPv4 address.
        if (IsZero(b, 0, 10) && b[10] == 0xFF && b[11] == 0xFF) return RefusalV4(b[12..], allowLoopback);
        if (IsZero(b, 0, 15) && b[15] == 1) return allowLoopback ? null : "loopback";
        if (IsZero(b, 0, 16)) return "unspecified";
        if (IsZero(b, 0, 12)) return "IPv4-compatible";
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && (IsZero(b, 4, 8) || (b[4] == 0x00 && b[5] == 0x01))) return "NAT64";
        if ((b[0] & 0xFE) == 0xFC) return "unique local (private)";
        if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return "link-local";
        if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return "site-local";
        if (b[0] == 0xFF) return "multicast";
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) return "documentation";
        if (b[0] == 0x20 && b[1] == 0x02) return "6to4";
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00) return "Teredo";
        if ((b[0] & 0xE0) != 0x20) return "reserved"; // global unicast is 2000::/3
        return null;
    }

    private static string? RefusalV4(byte[] a, bool allowLoopback) => (a[0], a[1], a[2], a[3]) switch
    {
        (127, _, _, _) => allowLoopback ? null : "loopback",
        (0, 0, 0, 0) => "unspecified",
        (0, _, _, _) => "\"this network\" (0/8)",
        (10, _, _, _) => "private",
        (172, >= 16 and <= 31, _, _) => "private",
        (192, 168, _, _) => "private",
        (100, >= 64 and <= 127, _, _) => "shared (CGNAT)",
        (169, 254, _, _) => "link-local",
        (192, 0, 0, _) => "IETF protocol",
        (192, 0, 2, _) or (198, 51, 100, _) or (203, 0, 113, _) => "documentation",
        (198, 18 or 19, _, _) => "benchmarking",
        (255, 255, 255, 255) => "broadcast",
        ( >= 224 and <= 239, _, _, _) => "multicast",
        ( >= 240, _, _, _) => "reserved",
        _ => null,
    };

    private static bool IsZero(byte[] b, int start, int count)
    {
        for (var i = start; i < start + count; i++)
            if (b[i] != 0) return false;
        return true;
    }
}
