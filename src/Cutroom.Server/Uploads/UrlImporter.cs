using System.Net;
using System.Net.Sockets;
using Cutroom.Server.Contract;
using Cutroom.Server.Hosting;
using Cutroom.Server.Storage;

namespace Cutroom.Server.Uploads;

/// <summary>
/// URL import (contract §5, docs/security.md §3, §10): downloads each URL into a temp file, which
/// is then checked like an upload; ffmpeg never sees a URL. Only http and https on their default
/// ports, without user info; every address the host resolves to is checked by
/// <see cref="ImportAddressPolicy"/> when the connection is made (so a DNS answer cannot change
/// between check and use), and the socket connects to exactly the checked addresses. Redirects are
/// followed here, at most <see cref="UploadLimits.MaxRedirects"/>, each hop checked again; no proxy,
/// no cookies, no decompression; size and time are capped while streaming.
/// </summary>
public sealed class UrlImporter : IDisposable
{
    private readonly HttpClient _http;
    private readonly UploadOptions _options;

    /// <summary>Creates the importer (one per server).</summary>
    /// <param name="options">The upload settings.</param>
    public UrlImporter(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Upload;
        var allowLoopback = _options.AllowLoopbackImports;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            MaxResponseHeadersLength = 64,
            ConnectCallback = (context, ct) => ConnectCheckedAsync(context.DnsEndPoint, allowLoopback, ct),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Cutroom-Import/1.0");
    }

    /// <summary>Why <paramref name="text"/> cannot be imported (scheme, port, user info), or null; <paramref name="uri"/> is the parsed URL.</summary>
    /// <param name="text">The URL as sent.</param>
    /// <param name="allowAnyPort">Tests only (<see cref="UploadOptions.AllowLoopbackImports"/>): any port.</param>
    /// <param name="uri">The parsed URL when acceptable.</param>
    public static string? Problem(string? text, bool allowAnyPort, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(text)) return "empty URL";
        if (text.Length > UploadLimits.MaxUrlLength) return $"URL longer than {UploadLimits.MaxUrlLength} characters";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var u)) return "not an absolute URL";
        var problem = Problem(u, allowAnyPort);
        if (problem is null) uri = u;
        return problem;
    }

    /// <summary>Why <paramref name="uri"/> cannot be imported, or null.</summary>
    /// <param name="uri">An absolute URL (a request's or a redirect's).</param>
    /// <param name="allowAnyPort">Tests only: any port.</param>
    public static string? Problem(Uri uri, bool allowAnyPort)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return $"scheme '{uri.Scheme}' is not allowed: only http and https";
        if (uri.UserInfo.Length > 0) return "user info (user:password@) is not allowed in an import URL";
        if (uri.Host.Length == 0) return "the URL has no host";
        if (!allowAnyPort && !uri.IsDefaultPort) return $"port {uri.Port} is not allowed: only the default ports (80 for http, 443 for https)";
        return null;
    }

    /// <summary>Downloads <paramref name="uri"/> into a new temp file of <paramref name="batch"/>.</summary>
    /// <param name="uri">A URL that passed <see cref="Problem(Uri, bool)"/>.</param>
    /// <param name="index">Its index in the request's <c>urls</c>, for error paths.</param>
    /// <param name="store">Makes temp paths.</param>
    /// <param name="budget">The size limits.</param>
    /// <param name="batch">Collects the temp file.</param>
    /// <param name="cancellationToken">Cancels (the request went away).</param>
    /// <exception cref="ApiException">4000 (refused address, redirect, HTTP error, timeout, broken download) with path <c>urls[i]</c>; 4002 over the limit.</exception>
    /// <exception cref="IOException">Writing the temp file failed (a full disk: 507).</exception>
    public async Task ImportAsync(Uri uri, int index, FileStore store, ByteBudget budget, UploadBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(batch);
        var path = $"urls[{index}]";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ImportTimeout);
        var ct = timeout.Token;
        try
        {
            var (response, final) = await FetchAsync(uri, path, ct);
            using (response)
            {
                var name = NameOf(final);
                if (response.Content.Headers.ContentLength is { } announced) budget.CheckAnnounced(announced, name);
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                var temp = batch.Track(store.NewTempPath());
                var size = await budget.CopyAsync(body, temp, name, ct);
                batch.Add(new ReceivedFile(name, temp, size, path));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw ApiException.BadRequest(path, $"the download took longer than {_options.ImportTimeout.TotalSeconds:0} s");
        }
        catch (SourceReadException)
        {
            throw ApiException.BadRequest(path, timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                ? $"the download took longer than {_options.ImportTimeout.TotalSeconds:0} s"
                : "the download broke off; check the URL and try again");
        }
        catch (HttpRequestException e)
        {
            throw ApiException.BadRequest(path, Describe(e, uri));
        }
    }

    /// <summary>The final response of <paramref name="uri"/>, following at most <see cref="UploadLimits.MaxRedirects"/> redirects, each one checked.</summary>
    private async Task<(HttpResponseMessage Response, Uri Final)> FetchAsync(Uri uri, string path, CancellationToken ct)
    {
        var current = uri;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308)
            {
                var location = response.Headers.Location;
                response.Dispose();
                if (location is null) throw ApiException.BadRequest(path, $"the server answered HTTP {status} without a Location");
                if (hop == UploadLimits.MaxRedirects) throw ApiException.BadRequest(path, $"more than {UploadLimits.MaxRedirects} redirects");
                var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                if (Problem(next, _options.AllowLoopbackImports) is { } problem) throw ApiException.BadRequest(path, $"a redirect leads to a refused URL: {problem}");
                current = next;
                continue;
            }
            if (status is < 200 or > 299)
            {
                response.Dispose();
                throw ApiException.BadRequest(path, $"the server answered HTTP {status}; check the URL");
            }
            return (response, current);
        }
    }

    /// <summary>Resolves the host, refuses it unless every address passes <see cref="ImportAddressPolicy"/>, and connects to exactly those addresses (URL import and webhook deliveries).</summary>
    internal static async ValueTask<Stream> ConnectCheckedAsync(DnsEndPoint endpoint, bool allowLoopback, CancellationToken ct)
    {
        var host = endpoint.Host.TrimStart('[').TrimEnd(']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        if (addresses.Length == 0) throw new ImportAddressRefusedException($"'{host}' has no address");
        foreach (var address in addresses)
        {
            if (ImportAddressPolicy.Refusal(address, allowLoopback) is { } why)
                throw new ImportAddressRefusedException($"'{host}' resolves to an address that is not public ({why}); only public addresses can be imported from");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The file name of a URL: its last path segment, decoded and sanitised (<c>download</c> when there is none).</summary>
    /// <param name="uri">The URL.</param>
    public static string NameOf(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var last = uri.AbsolutePath.Split('/').LastOrDefault(s => s.Length > 0);
        if (last is null) return "download";
        var name = FileNames.Sanitize(Uri.UnescapeDataString(last));
        return name == "file" ? "download" : name;
    }

    private static string Describe(HttpRequestException e, Uri uri)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is ImportAddressRefusedException refused) return refused.Message;
        return e.InnerException is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData }
            ? $"the host '{uri.Host}' was not found"
            : $"could not download from '{uri.Host}' (connection failed)";
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();
}

/// <summary>A URL import's host resolved to an address the import may not connect to.</summary>
public sealed class ImportAddressRefusedException : Exception
{
    /// <summary>Creates the refusal.</summary>
    /// <param name="message">Which host and why (no addresses of names: they would map the inside of the network).</param>
    public ImportAddressRefusedException(string message) : base(message) { }
}
