using System.Text.Json;
using System.Text.RegularExpressions;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Render;

namespace Cutroom.Server.Tests.DevApi;

/// <summary>The OpenAPI 3.1 document at /openapi/v1.json describes the /v1 API's real answers (validated with JsonSchema.Net), and /docs serves Scalar with its script from the server.</summary>
public sealed partial class OpenApiTests
{
    [Fact]
    public async Task Real_v1_answers_validate_against_the_served_OpenAPI_schemas()
    {
        await using var server = await LiveServer.StartAsync();
        string text;
        using (var res = await server.Http.GetAsync("openapi/v1.json")) text = await V1Client.ReadAsync(res, 200).ContinueWith(t => t.Result.GetRawText());
        var doc = JsonDocument.Parse(text).RootElement;
        Assert.StartsWith("3.1", doc.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = doc.GetProperty("paths");
        foreach (var p in new[] { "/v1/media", "/v1/media/{id}", "/v1/renders", "/v1/renders/{id}", "/v1/templates", "/v1/webhooks/deliveries" })
            Assert.True(paths.TryGetProperty(p, out _), $"{p} is missing from the document");
        var body = doc.GetProperty("paths").GetProperty("/v1/renders").GetProperty("post").GetProperty("requestBody").GetRawText();
        Assert.Contains("V1RenderBody", body, StringComparison.Ordinal);
        var schemas = new OpenApiSchemas(doc);

        using var dev = await V1Client.CreateAsync(server);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(TestMedia.Real("video/cockatoo.mp4"))), "files", "cockatoo.mp4");
        string media;
        using (var res = await dev.Http.PostAsync("v1/media", form))
        {
            var created = await V1Client.ReadAsync(res, 201);
            schemas.AssertValid("/v1/media", "post", 201, created);
            media = created.GetProperty("data")[0].GetProperty("id").GetString()!;
        }
        using (var res = await dev.Http.GetAsync($"v1/media/{media}")) schemas.AssertValid("/v1/media/{id}", "get", 200, await V1Client.ReadAsync(res, 200));
        using (var res = await dev.Http.GetAsync("v1/media/med_missing")) schemas.AssertValid("/v1/media/{id}", "get", 404, await V1Client.ReadAsync(res, 404));

        string template;
        using (var res = await dev.PostJsonAsync("v1/templates", "{\"name\":\"t\",\"draft\":" + RenderKit.Draft("{{clip}}", durationMs: 1000) + "}"))
        {
            var t = await V1Client.ReadAsync(res, 201);
            schemas.AssertValid("/v1/templates", "post", 201, t);
            template = t.GetProperty("id").GetString()!;
        }
        string id;
        using (var res = await dev.PostJsonAsync("v1/renders", $$$"""{"template_id":"{{{template}}}","merge":{"clip":"{{{media}}}"},"output":{"quality":"low"}}"""))
        {
            var r = await V1Client.ReadAsync(res, 202);
            schemas.AssertValid("/v1/renders", "post", 202, r);
            id = r.GetProperty("id").GetString()!;
        }
        using (var res = await dev.PostJsonAsync("v1/renders", "{\"draft\":{\"v\":1}}")) schemas.AssertValid("/v1/renders", "post", 400, await V1Client.ReadAsync(res, 400));
        var done = await dev.WaitForRenderAsync(id, TimeSpan.FromMinutes(5), "completed", "failed");
        schemas.AssertValid("/v1/renders/{id}", "get", 200, done);
        using (var res = await dev.Http.GetAsync("v1/renders?limit=5")) schemas.AssertValid("/v1/renders", "get", 200, await V1Client.ReadAsync(res, 200));
        using (var res = await dev.Http.DeleteAsync($"v1/renders/{id}")) schemas.AssertValid("/v1/renders/{id}", "delete", 409, await V1Client.ReadAsync(res, 409));
        using (var res = await dev.Http.GetAsync("v1/webhooks/deliveries")) schemas.AssertValid("/v1/webhooks/deliveries", "get", 200, await V1Client.ReadAsync(res, 200));

        // A wrong shape fails the same schema: the check can fail.
        Assert.Throws<Xunit.Sdk.FailException>(() => schemas.AssertValid("/v1/renders/{id}", "get", 200, JsonDocument.Parse("{\"id\":5}").RootElement));
    }

    [Fact]
    public async Task The_docs_page_is_Scalar_and_its_script_is_served_by_the_server_itself()
    {
        await using var server = await LiveServer.StartAsync();
        using var res = await server.Http.GetAsync("docs");
        var html = await res.Content.ReadAsStringAsync();
        Assert.True(res.IsSuccessStatusCode, $"{(int)res.StatusCode}: {html}");
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        var scripts = ScriptSources().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        var largest = 0;
        foreach (var src in scripts)
        {
            Assert.False(src.StartsWith("http", StringComparison.Ordinal) && !src.StartsWith(server.BaseUrl, StringComparison.Ordinal), $"{src} is not served locally");
            using var js = await server.Http.GetAsync(new Uri(res.RequestMessage!.RequestUri!, src));
            Assert.True(js.IsSuccessStatusCode, $"{src}: {(int)js.StatusCode}");
            largest = Math.Max(largest, (await js.Content.ReadAsByteArrayAsync()).Length);
        }
        Assert.True(largest > 100_000, $"no script is large enough to be Scalar's bundle ({largest} bytes)");
    }

    [GeneratedRegex("<script[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ScriptSources();
}
