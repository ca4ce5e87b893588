using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Render;

namespace Cutroom.Server.Tests.DevApi;

/// <summary>Templates: a draft saved with {{field}} placeholders renders with merge values; missing, unknown and foreign values are refused with their paths.</summary>
public sealed class TemplateTests
{
    [Fact]
    public async Task A_template_with_merge_fields_renders_with_values_and_refuses_missing_or_unknown_ones()
    {
        await using var server = await LiveServer.StartAsync();
        using var dev = await V1Client.CreateAsync(server);
        var media = await dev.UploadAsync(TestMedia.Real("video/cockatoo.mp4"));
        string templateId;
        using (var res = await dev.PostJsonAsync("v1/templates", "{\"name\":\"greeting\",\"draft\":" + RenderKit.Draft("{{clip}}", durationMs: 1200, title: "{{title}}") + "}"))
        {
            var t = await V1Client.ReadAsync(res, 201);
            templateId = t.GetProperty("id").GetString()!;
            Assert.Equal(["title", "clip"], t.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        }
        using (var res = await dev.Http.GetAsync($"v1/templates/{templateId}"))
            Assert.Equal("greeting", (await V1Client.ReadAsync(res, 200)).GetProperty("name").GetString());

        using (var res = await dev.PostJsonAsync("v1/renders", $$$"""{"template_id":"{{{templateId}}}","merge":{"title":"Hi","nope":"x"}}"""))
        {
            var p = await V1Client.ProblemAsync(res, 400, "invalid_request");
            var fields = p.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
            Assert.Contains("merge.nope", fields);
            Assert.Contains("merge.clip", fields);
        }
        using (var res = await dev.PostJsonAsync("v1/renders", """{"template_id":"tpl_nosuchtemplate","merge":{}}"""))
            Assert.Equal("template_id", (await V1Client.ProblemAsync(res, 404, "not_found")).GetProperty("field").GetString());
        using (var res = await dev.PostJsonAsync("v1/renders", $$$"""{"template_id":"{{{templateId}}}","merge":{"title":"Hi","clip":"med_notmine"}}"""))
            Assert.StartsWith("draft.t[0].sg[0]", (await V1Client.ProblemAsync(res, 400, "invalid_request")).GetProperty("field").GetString(), StringComparison.Ordinal);

        string id;
        using (var res = await dev.PostJsonAsync("v1/renders", $$$"""{"template_id":"{{{templateId}}}","merge":{"title":"Hello Ada","clip":"{{{media}}}"},"output":{"quality":"low"}}"""))
            id = (await V1Client.ReadAsync(res, 202)).GetProperty("id").GetString()!;
        var done = await dev.WaitForRenderAsync(id, TimeSpan.FromMinutes(5), "completed", "failed");
        Assert.True(done.GetProperty("status").GetString() == "completed", done.ToString());
        var url = done.GetProperty("output").GetProperty("url").GetString()!;
        using var http = new HttpClient();
        using var file = await http.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, file.StatusCode);
        Assert.Contains("Hello Ada", file.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal); // the merged title names the file
        using var temp = new TempDir();
        var path = temp.File("out.mp4");
        await File.WriteAllBytesAsync(path, await file.Content.ReadAsByteArrayAsync());
        Assert.InRange(RenderKit.DurationMs(RenderKit.Probe(path)), 1000, 1500);

        // Another account cannot use the template.
        using var stranger = await V1Client.CreateAsync(server, "stranger");
        using (var res = await stranger.Http.GetAsync($"v1/templates/{templateId}"))
            await V1Client.ProblemAsync(res, 404, "not_found");
    }
}
