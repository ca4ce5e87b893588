using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Hosting;

/// <summary>
/// The base URL of every link the server writes (signed downloads, registration links): the
/// configured <see cref="ServerOptions.PublicBaseUrl"/> (<c>Cutroom__PublicBaseUrl</c>), else the
/// address Kestrel listens on. Never the request's <c>Host</c> header, which a client chooses
/// (a forged <c>Host: evil.example</c> would otherwise put the attacker's host in signed URLs).
/// </summary>
/// <param name="options">The configured public base URL, if any.</param>
/// <param name="server">Kestrel (its bound addresses, known once started).</param>
public sealed class PublicAddress(ServerOptions options, IServer server)
{
    private string? _listening;

    /// <summary>The base URL without a trailing slash, e.g. <c>https://cutroom.example.com/api-root</c> or <c>http://127.0.0.1:8080</c>.</summary>
    public string BaseUrl => Normalize(options.PublicBaseUrl) ?? (_listening ??= Listening());

    /// <summary>The base URL for the server answering <paramref name="request"/> (from its services).</summary>
    /// <param name="request">Any request of the app.</param>
    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.RequestServices.GetRequiredService<PublicAddress>().BaseUrl;
    }

    /// <summary>Why <paramref name="value"/> cannot be the public base URL, or null when it can (or is unset).</summary>
    /// <param name="value">A configured value.</param>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
            return "Cutroom:PublicBaseUrl must be an absolute http(s) URL such as https://cutroom.example.com";
        if (u.Query.Length > 0 || u.Fragment.Length > 0 || u.UserInfo.Length > 0)
            return "Cutroom:PublicBaseUrl must have no user info, query or fragment";
        return null;
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().TrimEnd('/');

    private string Listening()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the server is not listening yet");
        return address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal).TrimEnd('/');
    }
}
