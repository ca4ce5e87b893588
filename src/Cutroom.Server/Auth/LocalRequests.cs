using System.Net;
using Cutroom.Server.Contract;
using Microsoft.AspNetCore.Http;

namespace Cutroom.Server.Auth;

/// <summary>
/// What <c>--auth local</c> takes as a request of the machine's own user: it arrived on a loopback
/// connection, its <c>Host</c> names a loopback address (<c>127.0.0.1</c>, <c>localhost</c>,
/// <c>[::1]</c>: a page on another site that rebinds its DNS name to 127.0.0.1 still sends its own
/// name), and, when a browser says where the request comes from (<c>Origin</c>), that is a page on
/// this machine too (a page on the web cannot drive the local account through the user's browser).
/// </summary>
public static class LocalRequests
{
    /// <summary>Refuses a request that is not the local user's.</summary>
    /// <param name="request">The request.</param>
    /// <exception cref="ApiException">1001 naming what was wrong.</exception>
    public static void Require(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HttpContext.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
            throw Refused("the request did not come from this machine");
        if (!IsLoopbackHost(request.Host.Host))
            throw Refused("the Host header does not name this machine (127.0.0.1, localhost or [::1])");
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && origin != "null" && !(Uri.TryCreate(origin, UriKind.Absolute, out var o) && IsLoopbackHost(o.Host)))
            throw Refused("the request came from a web page of another site");
    }

    /// <summary>Whether <paramref name="host"/> (without port) is a loopback name or address.</summary>
    /// <param name="host">A host name or address (IPv6 with or without brackets).</param>
    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static ApiException Refused(string why) =>
        new(ApiCodes.Unauthorized, $"token missing: the local account (--auth local) serves only requests from this machine, and {why}; send Authorization: Bearer <token>");
}
