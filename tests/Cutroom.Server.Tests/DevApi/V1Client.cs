using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cutroom.Server.Accounts;
using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.DevApi;

/// <summary>A developer-API client for the tests: an API key (made as the operator makes it) on plain HttpClient calls.</summary>
internal sealed class V1Client : IDisposable
{
    private V1Client(HttpClient http, string key, string webhookSecret)
    {
        Http = http;
        Key = key;
        WebhookSecret = webhookSecret;
    }

    public HttpClient Http { get; }

    public string Key { get; }

    public string WebhookSecret { get; }

    /// <summary>A new key (and account) on <paramref name="server"/>.</summary>
    public static async Task<V1Client> CreateAsync(LiveServer server, string name = "tests", int credits = 0)
    {
        using var admin = new AdminTools(server.Options);
        var made = await admin.Keys.CreateAsync(name, credits, null);
        var http = new HttpClient { BaseAddress = server.Http.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", made.Key);
        return new V1Client(http, made.Key, made.WebhookSecret);
    }

    /// <summary>POST JSON.</summary>
    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Uploads <paramref name="path"/> to <c>/v1/media</c>; returns the media id.</summary>
    public async Task<string> UploadAsync(string path)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        form.Add(file, "files", Path.GetFileName(path));
        using var res = await Http.PostAsync("v1/media", form);
        var body = await ReadAsync(res, 201);
        return body.GetProperty("data")[0].GetProperty("id").GetString()!;
    }

    /// <summary>Asserts the status and returns the JSON body.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage res, int status)
    {
        var text = await res.Content.ReadAsStringAsync();
        Assert.True((int)res.StatusCode == status, $"expected HTTP {status}, got {(int)res.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem with <paramref name="status"/> and <paramref name="code"/>; returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage res, int status, string code)
    {
        var p = await ReadAsync(res, status);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        Assert.Equal(status, p.GetProperty("status").GetInt32());
        Assert.Equal(code, p.GetProperty("code").GetString());
        Assert.Equal("urn:cutroom:problem:" + code, p.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("message").GetString()));
        Assert.DoesNotContain("/tmp/", p.ToString(), StringComparison.Ordinal);
        return p;
    }

    /// <summary>Polls <c>GET /v1/renders/{id}</c> until its status is one of <paramref name="statuses"/>.</summary>
    public async Task<JsonElement> WaitForRenderAsync(string id, TimeSpan timeout, params string[] statuses)
    {
        var sw = Stopwatch.StartNew();
        JsonElement last = default;
        while (sw.Elapsed < timeout)
        {
            using var res = await Http.GetAsync($"v1/renders/{id}");
            last = await ReadAsync(res, 200);
            if (statuses.Contains(last.GetProperty("status").GetString())) return last;
            await Task.Delay(200);
        }
        Assert.Fail($"render {id} did not reach {string.Join("|", statuses)} within {timeout}: {last}");
        return last;
    }

    public void Dispose() => Http.Dispose();
}
