using System.Net.Http.Headers;
using System.Text.Json;
using Cutroom.Server.Data;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests.Uploads;

/// <summary>Helpers of the upload tests: multipart bodies as curl -F sends them, and the checks that a refused request left nothing.</summary>
internal static class UploadKit
{
    /// <summary>The upload path of a client's session.</summary>
    public static string PathOf(ApiClient client) => $"api/upload-video/nemo_agent/me/{client.SessionId}";

    /// <summary>A multipart body with one part named <c>files</c> per (bytes, file name).</summary>
    public static MultipartFormDataContent Form(params (byte[] Bytes, string FileName)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (bytes, name) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }
        return form;
    }

    /// <summary>A multipart body of real files, each under its own name.</summary>
    public static MultipartFormDataContent FormOf(params string[] paths) =>
        Form([.. paths.Select(p => (File.ReadAllBytes(p), Path.GetFileName(p)))]);

    /// <summary>Posts <paramref name="content"/> to the client's upload endpoint.</summary>
    public static Task<HttpResponseMessage> PostAsync(ApiClient client, HttpContent content) => client.Http.PostAsync(PathOf(client), content);

    /// <summary>Posts a URL import.</summary>
    public static Task<HttpResponseMessage> ImportAsync(ApiClient client, params string[] urls) =>
        client.Http.PostAsync(PathOf(client), JsonContent(new { urls, source_type = "url" }));

    /// <summary>A JSON body.</summary>
    public static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    /// <summary>Rows in the media and files tables.</summary>
    public static async Task<(int Media, int Files)> RowCountsAsync(LiveServer server)
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>();
        await using var ctx = await factory.CreateDbContextAsync();
        return (await ctx.Media.CountAsync(), await ctx.Files.CountAsync());
    }

    /// <summary>Files under the data folder's <c>files/</c> and <c>tmp/</c>.</summary>
    public static IReadOnlyList<string> StoredAndTempFiles(LiveServer server) =>
        [.. new[] { "files", "tmp" }.Select(d => Path.Combine(server.DataDir, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))];

    /// <summary>Asserts that no media row, file row, stored file or temp file exists.</summary>
    public static async Task AssertNothingKeptAsync(LiveServer server)
    {
        Assert.Equal((0, 0), await RowCountsAsync(server));
        Assert.Empty(StoredAndTempFiles(server));
    }

    /// <summary>ffprobe's JSON of a file (format and streams), read independently of the server's prober.</summary>
    public static JsonElement Ffprobe(string path) => TestMedia.FfprobeJson(path);

    /// <summary>The <c>rejected</c> names of an error envelope.</summary>
    public static IReadOnlyList<string> RejectedNames(JsonElement envelope) =>
        [.. envelope.GetProperty("data").GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("name").GetString()!)];
}
