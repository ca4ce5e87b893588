using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Render;

namespace Cutroom.Server.Tests.Hardening;

/// <summary>
/// Every endpoint that reads a JSON body, sent hostile variants of a valid body
/// (<see cref="JsonMutations"/>): the answer is never a 5xx, and text that is not valid Unicode
/// (a lone surrogate, bytes that are not UTF-8) is a 4000 that names the field (issue 17).
/// </summary>
public sealed class JsonBodyFuzzTests(JsonBodyFuzzTests.SharedServer shared) : IClassFixture<JsonBodyFuzzTests.SharedServer>
{
    /// <summary>One server and client for all cases.</summary>
    public sealed class SharedServer : IAsyncLifetime
    {
        public LiveServer Server { get; private set; } = null!;
        public ApiClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await LiveServer.StartAsync();
            Client = await Server.NewClientAsync();
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    /// <summary>The endpoints with a JSON body and a valid body of each (SID: the client's session).</summary>
    public static TheoryData<string, string> Endpoints => new()
    {
        { "api/tasks/me/with-session/nemo_agent", """{"task_name":"project","language":"en"}""" },
        { "api/upload-video/nemo_agent/me/SID", """{"urls":["http://192.0.2.1/clip.mp4"],"source_type":"url"}""" },
        { "api/render/proxy/lambda", RenderKit.Body("render_fuzz", "SID", RenderKit.Draft("med_missing")) },
        { "run", """{"app_name":"nemo_agent","user_id":"me","session_id":"SID","new_message":{"role":"user","parts":[{"text":"hi"}]},"streaming":false}""" },
        { "run_sse", """{"app_name":"nemo_agent","user_id":"me","session_id":"SID","new_message":{"role":"user","parts":[{"text":"hi"}]},"streaming":true}""" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task No_mutated_body_gets_a_5xx(string endpoint, string validBody)
    {
        var client = shared.Client;
        endpoint = endpoint.Replace("SID", client.SessionId, StringComparison.Ordinal);
        var failures = new List<string>();
        var tried = 0;
        foreach (var body in JsonMutations.Of(validBody.Replace("SID", client.SessionId, StringComparison.Ordinal)))
        {
            tried++;
            var (status, text) = await PostAsync(client.Http, endpoint, body.Bytes);
            if (status >= 500) failures.Add($"{body.What}: HTTP {status} {Trim(text)}");
            else if (status != 200) AssertEnvelope(text, body.What);
        }
        Assert.True(tried > 50, $"only {tried} mutations");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} mutated bodies of {endpoint} got a 5xx:\n" + string.Join("\n", failures.Take(30)));
    }

    [Theory]
    [InlineData("api/tasks/me/with-session/nemo_agent", """{"task_name":BAD,"language":"en"}""", "task_name")]
    [InlineData("api/tasks/me/with-session/nemo_agent", """{"task_name":"p","language":BAD}""", "language")]
    [InlineData("api/upload-video/nemo_agent/me/SID", """{"urls":[BAD],"source_type":"url"}""", "urls[0]")]
    [InlineData("api/render/proxy/lambda", """{"id":BAD,"sessionId":"SID","draft":{}}""", "id")]
    [InlineData("api/render/proxy/lambda", """{"id":"r1","sessionId":"SID","draft":{"v":1,"m":{"title":BAD}}}""", "draft.m.title")]
    [InlineData("run", """{"session_id":"SID","new_message":{"parts":[{"text":BAD}]}}""", "new_message.parts[0].text")]
    [InlineData("run_sse", """{"session_id":"SID","new_message":{"parts":[{"text":BAD}]}}""", "new_message.parts[0].text")]
    [InlineData("run_sse", """{"session_id":BAD,"new_message":{"parts":[{"text":"hi"}]}}""", "session_id")]
    public async Task Invalid_text_in_a_field_is_4000_with_that_field(string endpoint, string template, string field)
    {
        var (server, client) = (shared.Server, shared.Client);
        endpoint = endpoint.Replace("SID", client.SessionId, StringComparison.Ordinal);
        template = template.Replace("SID", client.SessionId, StringComparison.Ordinal);
        var loneSurrogate = Encoding.UTF8.GetBytes(template.Replace("BAD", "\"x\\ud800y\"", StringComparison.Ordinal));
        var notUtf8 = Encoding.UTF8.GetBytes(template.Replace("BAD", "\"x\u0001y\"", StringComparison.Ordinal));
        var at = Array.IndexOf(notUtf8, (byte)1);
        notUtf8[at] = 0xFF; // one byte that is never UTF-8
        // NUL is no text a person writes, and PostgreSQL's text cannot hold it (the insert failed with 22021: a 500 there).
        var nul = Encoding.UTF8.GetBytes(template.Replace("BAD", "\"x\\u0000y\"", StringComparison.Ordinal));
        foreach (var body in new[] { loneSurrogate, notUtf8, nul })
        {
            using var req = Request(endpoint, body);
            using var res = await client.Http.SendAsync(req);
            var error = await server.ReadErrorAsync(res, 400, 4000);
            var paths = error.GetProperty("data").GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
            Assert.Contains(field, paths);
        }
    }

    private static HttpRequestMessage Request(string endpoint, byte[] body)
    {
        var req = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        req.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (endpoint.StartsWith("run", StringComparison.Ordinal)) req.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        foreach (var (n, v) in RenderKit.AttributionHeaders) req.Headers.Add(n, v);
        return req;
    }

    private static async Task<(int Status, string Text)> PostAsync(HttpClient http, string endpoint, byte[] body)
    {
        using var req = Request(endpoint, body);
        using var res = await http.SendAsync(req);
        return ((int)res.StatusCode, await res.Content.ReadAsStringAsync());
    }

    private static void AssertEnvelope(string text, string what)
    {
        using var doc = JsonDocument.Parse(text);
        Assert.True(doc.RootElement.GetProperty("code").GetInt32() is > 0 and < 5000, $"{what}: {Trim(text)}");
    }

    private static string Trim(string s) => s.Length > 300 ? s[..300] + "…" : s;
}
