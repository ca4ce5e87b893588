using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cutroom.Server.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Cutroom.Server.Tests.Infrastructure;

/// <summary>
/// The real server for a test: Kestrel on a free 127.0.0.1 port, a temp data folder (SQLite and
/// files), the real engine; talked to with a plain HttpClient over loopback, as a client written
/// from the seeds would. With <c>CUTROOM_TEST_POSTGRES</c> set, the database is a fresh
/// PostgreSQL database of its own (<see cref="TestDatabase"/>), dropped at dispose.
/// </summary>
public sealed class LiveServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDir _data;
    private readonly bool _ownsDatabase;

    private LiveServer(WebApplication app, TempDir data, ServerOptions options)
    {
        _app = app;
        _data = data;
        _ownsDatabase = string.Equals(Path.GetFullPath(options.DataDir), Path.GetFullPath(data.Path), StringComparison.Ordinal);
        Options = options;
        BaseUrl = ServerHost.BaseUrl(app);
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl + "/"), Timeout = TimeSpan.FromMinutes(10) };
    }

    /// <summary>The server's settings.</summary>
    public ServerOptions Options { get; }

    /// <summary><c>http://127.0.0.1:PORT</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>A client without credentials.</summary>
    public HttpClient Http { get; }

    /// <summary>The data folder (the temp folder made for this server, unless a test chose another).</summary>
    public string DataDir => Options.DataDir;

    /// <summary>The app's services (for checks on the database).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a server; <paramref name="configure"/> may change settings first, <paramref name="services"/> replace services (a scripted planner).</summary>
    public static async Task<LiveServer> StartAsync(Action<ServerOptions>? configure = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null)
    {
        var data = new TempDir();
        var options = new ServerOptions { DataDir = data.Path, Port = 0 };
        options.Upload.AllowLoopbackImports = false;
        configure?.Invoke(options);
        TestDatabase.Apply(options);
        var app = ServerHost.Build(options, services);
        await app.StartAsync();
        return new LiveServer(app, data, options);
    }

    /// <summary>A new anonymous client: a token for a fresh client id and one session.</summary>
    public async Task<ApiClient> NewClientAsync(string language = "en")
    {
        var clientId = Guid.NewGuid().ToString();
        using var req = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token");
        req.Headers.Add("X-Client-Id", clientId);
        using var res = await Http.SendAsync(req);
        var token = (await ReadEnvelopeAsync(res, 200)).GetProperty("token").GetString()!;
        var http = new HttpClient { BaseAddress = Http.BaseAddress, Timeout = TimeSpan.FromMinutes(15) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var s = await http.PostAsJsonAsync("api/tasks/me/with-session/nemo_agent", new { task_name = "project", language });
        var sessionId = (await ReadEnvelopeAsync(s, 200)).GetProperty("session_id").GetString()!;
        return new ApiClient(http, token, clientId, sessionId);
    }

    /// <summary>Asserts the HTTP status and code 0, and returns <c>data</c>.</summary>
    public static async Task<JsonElement> ReadEnvelopeAsync(HttpResponseMessage res, int status)
    {
        ArgumentNullException.ThrowIfNull(res);
        var body = await res.Content.ReadAsStringAsync();
        Assert.True((int)res.StatusCode == status, $"expected HTTP {status}, got {(int)res.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        Assert.Equal(0, doc.RootElement.GetProperty("code").GetInt32());
        return doc.RootElement.GetProperty("data").Clone();
    }

    /// <summary>Asserts an error envelope with <paramref name="status"/> and <paramref name="code"/> (and ADK's <c>error</c> text), and that it leaks nothing; returns the whole envelope.</summary>
    public async Task<JsonElement> ReadErrorAsync(HttpResponseMessage res, int status, int code)
    {
        ArgumentNullException.ThrowIfNull(res);
        var body = await res.Content.ReadAsStringAsync();
        Assert.True((int)res.StatusCode == status, $"expected HTTP {status}, got {(int)res.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        Assert.Equal(code, doc.RootElement.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(doc.RootElement.GetProperty("message").GetString()));
        // Google ADK's clients read a failure from "error": every error envelope carries the message there too.
        Assert.Equal(doc.RootElement.GetProperty("message").GetString(), doc.RootElement.GetProperty("error").GetString());
        Assert.DoesNotContain(DataDir, body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp/", body, StringComparison.Ordinal);
        Assert.True(res.Headers.Contains("X-Request-Id"));
        return doc.RootElement.Clone();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDatabase) await TestDatabase.DropAsync(Options.DataDir);
        _data.Dispose();
    }
}

/// <summary>A client with its token and session.</summary>
/// <param name="Http">Sends the bearer token.</param>
/// <param name="Token">The token.</param>
/// <param name="ClientId">The client id.</param>
/// <param name="SessionId">Its session.</param>
public sealed record ApiClient(HttpClient Http, string Token, string ClientId, string SessionId)
{
    /// <summary><c>GET state</c>: the <c>data</c> of the answer.</summary>
    public async Task<JsonElement> StateAsync()
    {
        using var res = await Http.GetAsync($"api/state/nemo_agent/me/{SessionId}/latest");
        return await LiveServer.ReadEnvelopeAsync(res, 200);
    }

    /// <summary><c>GET credits</c>: (available, frozen, total).</summary>
    public async Task<(int Available, int Frozen, int Total)> CreditsAsync()
    {
        using var res = await Http.GetAsync("api/credits/balance/simple");
        var d = await LiveServer.ReadEnvelopeAsync(res, 200);
        return (d.GetProperty("available").GetInt32(), d.GetProperty("frozen").GetInt32(), d.GetProperty("total").GetInt32());
    }
}
