using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;

namespace Cutroom.Cli.Client;

/// <summary>
/// The HTTP side of <c>cutroom chat</c>: sends every request with the bearer token and the three
/// attribution headers, reads the envelope (contract §1), and recovers as the contract's table
/// says: 1001 → one new anonymous token for the kept client id, then the request again; 429 →
/// waits <c>Retry-After</c> (when short) and tries once more. Everything else is thrown as an
/// <see cref="ApiCallException"/>. Never logs tokens or bodies.
/// </summary>
public sealed class ApiClient : IDisposable
{
    /// <summary>The longest <c>Retry-After</c> the client waits by itself before retrying (longer: it reports when to retry).</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan JsonTimeout = TimeSpan.FromSeconds(100);
    private readonly HttpClient _http;
    private readonly TokenStore _store;
    private readonly TimeProvider _clock;
    private StoredCredentials? _credentials;
    private string? _token;

    /// <summary>Creates a client of the server at <paramref name="baseUrl"/>.</summary>
    /// <param name="baseUrl">The server, e.g. <c>http://127.0.0.1:8080</c>.</param>
    /// <param name="store">Where the client id and token are kept.</param>
    /// <param name="clock">The time (token expiry).</param>
    public ApiClient(Uri baseUrl, TokenStore store, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        BaseUrl = new Uri(baseUrl.ToString().TrimEnd('/') + "/");
        _store = store;
        _clock = clock ?? TimeProvider.System;
        _http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, ConnectTimeout = TimeSpan.FromSeconds(15) })
        {
            BaseAddress = BaseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("cutroom-cli", Version));
        foreach (var (name, value) in AttributionHeaders()) _http.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
    }

    /// <summary>The server's base URL (ends with a slash).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Called with a short, token-free line when the client recovers by itself ("got a new token").</summary>
    public Action<string>? Notice { get; set; }

    /// <summary>The CLI's version, as sent in <c>X-Skill-Version</c>.</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>The three attribution headers (contract §1): source <c>cutroom-cli</c>, the CLI's version, the operating system.</summary>
    public static IReadOnlyList<(string Name, string Value)> AttributionHeaders() =>
    [
        ("X-Skill-Source", "cutroom-cli"),
        ("X-Skill-Version", Version),
        ("X-Skill-Platform", OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsMacOS() ? "macos" : OperatingSystem.IsWindows() ? "windows" : "unknown"),
    ];

    /// <summary>
    /// Makes sure there is a usable token: <c>CUTROOM_TOKEN</c> when set, else the stored one, else a
    /// new anonymous token for the kept client id (a new UUID the first time).
    /// </summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="ApiCallException">The token request was refused (429: with when to retry).</exception>
    /// <exception cref="ServerUnreachableException">The server cannot be reached.</exception>
    public async Task EnsureTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is not null) return;
        if (Environment.GetEnvironmentVariable("CUTROOM_TOKEN") is { Length: > 0 } fromEnv)
        {
            _token = fromEnv;
            return;
        }
        _credentials = _store.Load();
        if (_credentials is null)
        {
            // The client id is kept from the first run on, even if the token request fails.
            _credentials = new StoredCredentials(Guid.NewGuid().ToString(), null, null);
            _store.Save(_credentials);
        }
        if (_credentials.HasUsableToken(_clock.GetUtcNow())) _token = _credentials.Token;
        else await RenewTokenAsync(cancellationToken);
    }

    /// <summary>Sends a request and returns the envelope's <c>data</c> (cloned; <c>null</c> JSON when absent).</summary>
    /// <param name="method">GET, POST...</param>
    /// <param name="path">A path under the base URL, without a leading slash.</param>
    /// <param name="content">Makes the body (called again for a retry), or null.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="timeout">How long the whole request may take (default 100 s; infinite for uploads).</param>
    /// <exception cref="ApiCallException">The server answered an error the client cannot recover from.</exception>
    /// <exception cref="ServerUnreachableException">The server cannot be reached.</exception>
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, Func<HttpContent>? content, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? JsonTimeout);
        try
        {
            using var res = await SendWithRecoveryAsync(method, path, content, HttpCompletionOption.ResponseContentRead, limit.Token);
            return (await ReadEnvelopeAsync(res, limit.Token)).Data;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerUnreachableException($"the server at {BaseUrl} did not answer within {(timeout ?? JsonTimeout).TotalSeconds:0} s");
        }
    }

    /// <summary>
    /// Sends a request whose success is a stream (<c>/run_sse</c>); errors before the stream
    /// starts are envelopes and handled as in <see cref="SendAsync"/>. The caller disposes the answer.
    /// </summary>
    /// <param name="path">The path.</param>
    /// <param name="content">Makes the body.</param>
    /// <param name="cancellationToken">Cancels (also the stream).</param>
    /// <exception cref="ApiCallException">The server refused the request.</exception>
    /// <exception cref="ServerUnreachableException">The server cannot be reached.</exception>
    public async Task<HttpResponseMessage> OpenStreamAsync(string path, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        var res = await SendWithRecoveryAsync(HttpMethod.Post, path, content, HttpCompletionOption.ResponseHeadersRead, cancellationToken, accept: "text/event-stream");
        if (res.IsSuccessStatusCode && !IsJson(res)) return res;
        using (res)
        {
            // A JSON answer with code 0 where a stream was expected is a protocol error.
            await ReadEnvelopeAsync(res, cancellationToken);
            throw new ApiCallException(5000, "the server answered the chat request without a stream", requestId: RequestIdOf(res));
        }
    }

    /// <summary>Downloads a signed URL (no bearer token: contract §8) to <paramref name="path"/>, written under a temporary name and renamed when complete.</summary>
    /// <param name="url">The absolute signed URL.</param>
    /// <param name="path">Where to write the file.</param>
    /// <param name="progress">Reports (bytes so far, total bytes or null).</param>
    /// <param name="cancellationToken">Cancels (nothing is left behind).</param>
    /// <returns>The bytes written.</returns>
    /// <exception cref="ApiCallException">The link was refused (403: expired or tampered).</exception>
    /// <exception cref="ServerUnreachableException">The server cannot be reached.</exception>
    public async Task<long> DownloadAsync(Uri url, string path, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, url);
        req.Headers.Authorization = null;
        using var res = await TransportAsync(() => _http.SendAsync(req, HttpCompletionOption.ResponseHeadersRead, cancellationToken), cancellationToken);
        if (!res.IsSuccessStatusCode)
        {
            if (IsJson(res)) await ReadEnvelopeAsync(res, cancellationToken);
            throw new ApiCallException((int)res.StatusCode, $"the download link was refused (HTTP {(int)res.StatusCode})", requestId: RequestIdOf(res));
        }
        return await SaveBodyAsync(res, path, progress, cancellationToken);
    }

    /// <summary>
    /// GETs an API path whose success is a file (the live preview), with the bearer token and the
    /// recoveries of <see cref="SendAsync"/>, and saves the body to <paramref name="path"/> under a
    /// temporary name renamed when complete; errors are envelopes.
    /// </summary>
    /// <param name="apiPath">A path under the base URL, without a leading slash.</param>
    /// <param name="path">Where to write the file.</param>
    /// <param name="progress">Reports (bytes so far, total bytes or null).</param>
    /// <param name="cancellationToken">Cancels (nothing is left behind).</param>
    /// <param name="timeout">How long the server may take to answer (the preview waits for its render); default 100 s.</param>
    /// <returns>The bytes written and the answer's headers (the first value of each, by case-insensitive name).</returns>
    /// <exception cref="ApiCallException">The server answered an error.</exception>
    /// <exception cref="ServerUnreachableException">The server cannot be reached or did not answer in time.</exception>
    public async Task<(long Bytes, IReadOnlyDictionary<string, string> Headers)> SaveAsync(string apiPath, string path, Action<long, long?>? progress,
        CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? JsonTimeout);
        try
        {
            using var res = await SendWithRecoveryAsync(HttpMethod.Get, apiPath, null, HttpCompletionOption.ResponseHeadersRead, limit.Token);
            if (!res.IsSuccessStatusCode || IsJson(res))
            {
                await ReadEnvelopeAsync(res, limit.Token);
                throw new ApiCallException(5000, $"the server answered {apiPath} without a file", requestId: RequestIdOf(res));
            }
            var headers = res.Headers.ToDictionary(h => h.Key, h => h.Value.FirstOrDefault() ?? "", StringComparer.OrdinalIgnoreCase);
            return (await SaveBodyAsync(res, path, progress, limit.Token), headers);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerUnreachableException($"the server at {BaseUrl} did not answer within {(timeout ?? JsonTimeout).TotalSeconds:0} s");
        }
    }

    /// <summary>Streams a successful answer's body to <paramref name="path"/> (a <c>.part</c> file renamed when complete).</summary>
    private static async Task<long> SaveBodyAsync(HttpResponseMessage res, string path, Action<long, long?>? progress, CancellationToken cancellationToken)
    {
        var total = res.Content.Headers.ContentLength;
        var tmp = path + ".part";
        try
        {
            long written = 0;
            await using (var source = await res.Content.ReadAsStreamAsync(cancellationToken))
            await using (var target = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                int n;
                while ((n = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await target.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
                    written += n;
                    progress?.Invoke(written, total);
                }
            }
            if (total is { } t && t != written) throw new ServerUnreachableException($"the download stopped after {written} of {t} bytes");
            File.Move(tmp, path, overwrite: true);
            return written;
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendWithRecoveryAsync(HttpMethod method, string path, Func<HttpContent>? content, HttpCompletionOption completion,
        CancellationToken cancellationToken, string? accept = null)
    {
        await EnsureTokenAsync(cancellationToken);
        var renewed = false;
        var waited = false;
        while (true)
        {
            using var req = new HttpRequestMessage(method, path) { Content = content?.Invoke() };
            req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
            if (accept is not null) req.Headers.Accept.ParseAdd(accept);
            var res = await TransportAsync(() => _http.SendAsync(req, completion, cancellationToken), cancellationToken);
            if (res.IsSuccessStatusCode) return res;
            var code = await PeekCodeAsync(res, cancellationToken);
            if (code == 1001 && !renewed)
            {
                res.Dispose();
                renewed = true;
                Notice?.Invoke("Your access token expired; getting a new one...");
                await RenewTokenAsync(cancellationToken);
                continue;
            }
            if (code == 429 && !waited && RetryAfterOf(res) is { } wait && wait <= LongestWait)
            {
                res.Dispose();
                waited = true;
                Notice?.Invoke($"The server asked to slow down; retrying in {wait.TotalSeconds:0} s...");
                await Task.Delay(WithMargin(wait), _clock, cancellationToken);
                continue;
            }
            return res;
        }
    }

    /// <summary>POST anonymous-token for the kept client id; saves the token (mode 0600).</summary>
    private async Task RenewTokenAsync(CancellationToken cancellationToken)
    {
        _credentials ??= _store.Load() ?? new StoredCredentials(Guid.NewGuid().ToString(), null, null);
        var regenerated = false;
        var waited = false;
        while (true)
        {
            using var req = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token");
            req.Headers.Add("X-Client-Id", _credentials.ClientId);
            using var res = await TransportAsync(() => _http.SendAsync(req, cancellationToken), cancellationToken);
            if (res.StatusCode == HttpStatusCode.BadRequest && !regenerated)
            {
                // The kept client id was refused as malformed (a damaged file): make a new one, once.
                regenerated = true;
                _credentials = new StoredCredentials(Guid.NewGuid().ToString(), null, null);
                _store.Save(_credentials);
                continue;
            }
            if (res.StatusCode == HttpStatusCode.TooManyRequests && !waited && RetryAfterOf(res) is { } wait && wait <= LongestWait)
            {
                waited = true;
                Notice?.Invoke($"The server asked to slow down; retrying in {wait.TotalSeconds:0} s...");
                await Task.Delay(WithMargin(wait), _clock, cancellationToken);
                continue;
            }
            var (data, _) = await ReadEnvelopeAsync(res, cancellationToken);
            var token = JsonRead.Str(data, "token");
            if (string.IsNullOrEmpty(token)) throw new ApiCallException(5000, "the server's token answer had no token", requestId: RequestIdOf(res));
            DateTimeOffset? expires = JsonRead.Prop(data, "expires_at") is { ValueKind: JsonValueKind.String } e && e.TryGetDateTimeOffset(out var at) ? at : null;
            _token = token;
            _credentials = _credentials with { Token = token, ExpiresAt = expires };
            _store.Save(_credentials);
            return;
        }
    }

    /// <summary>Reads an envelope; returns data on code 0, throws <see cref="ApiCallException"/> otherwise.</summary>
    private static async Task<(JsonElement Data, int Code)> ReadEnvelopeAsync(HttpResponseMessage res, CancellationToken cancellationToken)
    {
        string body;
        try { body = await res.Content.ReadAsStringAsync(cancellationToken); }
        catch (HttpRequestException e) { throw new ServerUnreachableException("the connection to the server was cut: " + e.Message, e); }
        JsonDocument doc;
        try { doc = JsonDocument.Parse(body); }
        catch (JsonException)
        {
            var why = res.StatusCode == HttpStatusCode.NotFound
                ? $"the server does not offer {res.RequestMessage?.RequestUri?.AbsolutePath} (HTTP 404): is it a Cutroom server, and recent enough?"
                : $"the server answered HTTP {(int)res.StatusCode} without the expected JSON envelope";
            throw new ApiCallException((int)res.StatusCode, why, requestId: RequestIdOf(res), retryAfter: RetryAfterOf(res));
        }
        using (doc)
        {
            var root = doc.RootElement;
            var code = JsonRead.Int32Of(root, "code") ?? (int)res.StatusCode;
            var message = JsonRead.Str(root, "message") ?? $"HTTP {(int)res.StatusCode}";
            var data = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var d) ? d.Clone() : default;
            if (code == 0 && res.IsSuccessStatusCode) return (data, 0);
            var requestId = JsonRead.Str(data, "request_id") ?? RequestIdOf(res);
            throw new ApiCallException(code == 0 ? (int)res.StatusCode : code, message, data.ValueKind == JsonValueKind.Undefined ? null : data, requestId, RetryAfterOf(res));
        }
    }

    /// <summary>The code of an error answer, without consuming it for a later read (the body is buffered).</summary>
    private static async Task<int> PeekCodeAsync(HttpResponseMessage res, CancellationToken cancellationToken)
    {
        if (!IsJson(res)) return (int)res.StatusCode;
        await res.Content.LoadIntoBufferAsync(cancellationToken);
        try
        {
            using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync(cancellationToken));
            return JsonRead.Int32Of(doc.RootElement, "code") ?? (int)res.StatusCode;
        }
        catch (JsonException)
        {
            return (int)res.StatusCode;
        }
    }

    private async Task<HttpResponseMessage> TransportAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException e)
        {
            throw new ServerUnreachableException($"cannot reach the Cutroom server at {BaseUrl.ToString().TrimEnd('/')} ({e.Message.TrimEnd('.')}); is `cutroom serve` running? (set --server or CUTROOM_SERVER)", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && e.InnerException is TimeoutException)
        {
            throw new ServerUnreachableException($"the server at {BaseUrl} did not answer in time", e);
        }
    }

    /// <summary>A little more than asked (a tenth and 200 ms), so that the retry lands after the server's window has turned.</summary>
    private static TimeSpan WithMargin(TimeSpan wait) => wait + wait / 10 + TimeSpan.FromMilliseconds(200);

    private static bool IsJson(HttpResponseMessage res) => res.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;

    private static string? RequestIdOf(HttpResponseMessage res) => res.Headers.TryGetValues("X-Request-Id", out var v) ? v.FirstOrDefault() : null;

    private static TimeSpan? RetryAfterOf(HttpResponseMessage res)
    {
        if (res.Headers.RetryAfter?.Delta is { } delta) return delta;
        if (res.Headers.RetryAfter?.Date is { } date) return date - DateTimeOffset.UtcNow;
        return res.Headers.TryGetValues("Retry-After", out var v) && int.TryParse(v.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? TimeSpan.FromSeconds(s) : null;
    }

    private static string ReadVersion()
    {
        var info = typeof(ApiClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = string.IsNullOrEmpty(info) ? typeof(ApiClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" : info;
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }
}
