using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using Cutroom.Server.Data;
using Cutroom.Server.Storage;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Render;
using Cutroom.Server.Tests.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests.Storage;

/// <summary>The server with S3 storage (<c>Cutroom:Storage:Provider=s3</c>) against a real s3rver: uploads, renders, links, failures, health.</summary>
public sealed class S3StorageTests(S3rverFixture s3) : IClassFixture<S3rverFixture>
{
    /// <summary>A server whose objects go under a prefix of its own in the shared bucket.</summary>
    private async Task<(LiveServer Server, string Prefix)> StartAsync(Action<StorageOptions>? change = null)
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10] + "/";
        var server = await LiveServer.StartAsync(o =>
        {
            s3.Server.Configure(o.Storage);
            o.Storage.Prefix = prefix;
            change?.Invoke(o.Storage);
        });
        return (server, prefix);
    }

    private async Task<Dictionary<string, long>> ObjectsUnderAsync(string prefix) =>
        (await s3.Server.ObjectsAsync()).Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(o => o.Key[prefix.Length..], o => o.Value);

    private async Task<byte[]> ObjectBytesAsync(string key)
    {
        using var client = s3.Server.Client();
        using var res = await client.GetObjectAsync(new GetObjectRequest { BucketName = S3rver.Bucket, Key = key });
        return await BlobStoreContract.ReadAllAsync(res.ResponseStream);
    }

    private static IReadOnlyList<string> LocalFiles(LiveServer server, string folder) =>
        Directory.Exists(Path.Combine(server.DataDir, folder)) ? [.. Directory.EnumerateFiles(Path.Combine(server.DataDir, folder), "*", SearchOption.AllDirectories)] : [];

    [Fact]
    public async Task An_upload_streams_real_videos_into_the_bucket_and_state_links_are_presigned_urls_serving_ranges()
    {
        // 4 s of lossless 720p: larger than one 5 MiB part, so it goes up as a multipart upload.
        var big = TestMedia.Generate("s3-multipart-720p.mp4", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25", "-t", "4",
            "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv420p");
        Assert.True(new FileInfo(big).Length > S3BlobStore.MinPartBytes, "the generated video spans several parts");
        var small = TestMedia.Real("video/cockatoo.mp4");
        var (server, prefix) = await StartAsync();
        await using var _ = server;
        var client = await server.NewClientAsync();

        using (var res = await UploadKit.PostAsync(client, UploadKit.FormOf(big, small)))
            Assert.Equal(2, (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("files").GetArrayLength());

        var objects = await ObjectsUnderAsync(prefix);
        Assert.Equal(2, objects.Count);
        var factory = server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>();
        await using (var ctx = await factory.CreateDbContextAsync())
        {
            var files = await ctx.Files.AsNoTracking().ToListAsync();
            Assert.Equal(2, files.Count);
            foreach (var (f, source) in files.OrderByDescending(f => f.SizeBytes).Zip([big, small]))
            {
                Assert.Equal(new FileInfo(source).Length, objects[f.RelativePath]);
                Assert.Equal(SHA256.HashData(File.ReadAllBytes(source)), SHA256.HashData(await ObjectBytesAsync(prefix + f.RelativePath)));
            }
        }
        Assert.Empty(LocalFiles(server, "files"));
        Assert.Empty(LocalFiles(server, "tmp"));

        var infos = (await client.StateAsync()).GetProperty("state").GetProperty("video_infos");
        var url = infos.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "cockatoo.mp4").GetProperty("url").GetString()!;
        Assert.StartsWith(s3.Server.ServiceUrl + "/" + S3rver.Bucket + "/" + prefix + "files/", url);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using (var req = new HttpRequestMessage(HttpMethod.Get, url))
        {
            req.Headers.Range = new RangeHeaderValue(1000, 1999);
            using var res = await http.SendAsync(req); // no token: the store serves it
            Assert.Equal(HttpStatusCode.PartialContent, res.StatusCode);
            Assert.Equal(File.ReadAllBytes(small).AsSpan(1000, 1000).ToArray(), await res.Content.ReadAsByteArrayAsync());
            Assert.Equal("video/mp4", res.Content.Headers.ContentType?.MediaType);
            Assert.Equal("cockatoo.mp4", res.Content.Headers.ContentDisposition?.FileNameStar);
        }

        // A link of Cutroom's own form still works: it redirects to the store.
        var key = infos[0].GetProperty("url").GetString()!.Split('?')[0].Split('/')[^1].Split('.')[0];
        var ours = server.Services.GetRequiredService<UrlSigner>().Url(server.BaseUrl, key);
        using (var res = await http.GetAsync(ours))
        {
            Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
            Assert.StartsWith(s3.Server.ServiceUrl + "/", res.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task A_render_reads_its_input_from_the_bucket_and_its_output_lands_there_behind_a_ranged_presigned_link()
    {
        var (server, prefix) = await StartAsync();
        await using var _ = server;
        var client = await server.NewClientAsync();
        string mediaId;
        using (var res = await UploadKit.PostAsync(client, UploadKit.FormOf(TestMedia.Real("video/cockatoo.mp4"))))
            mediaId = (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("files")[0].GetProperty("media_id").GetString()!;
        Assert.Empty(LocalFiles(server, "scratch"));

        using (var res = await RenderKit.PostAsync(client.Http, RenderKit.Body("render_s3", client.SessionId, RenderKit.Draft(mediaId), "mp4", "low")))
            await LiveServer.ReadEnvelopeAsync(res, 202);
        var done = await RenderKit.WaitForAsync(client.Http, "render_s3", TimeSpan.FromMinutes(5), "completed", "failed");
        Assert.True(done.GetProperty("status").GetString() == "completed", done.ToString());
        var output = done.GetProperty("output");
        var url = output.GetProperty("url").GetString()!;
        Assert.StartsWith(s3.Server.ServiceUrl + "/" + S3rver.Bucket + "/" + prefix + "files/", url);

        // The worker copied its input to local scratch; the output is an object of the size the render reported.
        Assert.Single(LocalFiles(server, "scratch"));
        Assert.Empty(LocalFiles(server, "tmp"));
        var objectKey = prefix + new Uri(url).AbsolutePath.Split('/', 3)[2][prefix.Length..];
        var bytes = await ObjectBytesAsync(objectKey);
        Assert.Equal(output.GetProperty("size_bytes").GetInt64(), bytes.Length);

        using var http = new HttpClient();
        using (var req = new HttpRequestMessage(HttpMethod.Get, url))
        {
            req.Headers.Range = new RangeHeaderValue(bytes.Length - 4096, bytes.Length - 1);
            using var res = await http.SendAsync(req);
            Assert.Equal(HttpStatusCode.PartialContent, res.StatusCode);
            Assert.Equal(bytes.AsSpan(bytes.Length - 4096).ToArray(), await res.Content.ReadAsByteArrayAsync());
            Assert.Equal("video/mp4", res.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Cockatoo test.mp4", res.Content.Headers.ContentDisposition?.FileNameStar);
        }
        using var dir = new TempDir();
        await File.WriteAllBytesAsync(dir.File("out.mp4"), await http.GetByteArrayAsync(url));
        var probe = TestMedia.FfprobeJson(dir.File("out.mp4"));
        Assert.Contains(probe.GetProperty("streams").EnumerateArray(), s => s.GetProperty("codec_type").GetString() == "video");
        Assert.InRange(double.Parse(probe.GetProperty("format").GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture), 2.9, 3.2);
    }

    [Fact]
    public async Task An_upload_whose_put_fails_leaves_no_object_no_row_and_no_temp_file_and_health_says_so()
    {
        var (server, prefix) = await StartAsync(o => o.Bucket = "no-such-bucket");
        await using var _ = server;
        var client = await server.NewClientAsync();
        using (var res = await UploadKit.PostAsync(client, UploadKit.FormOf(TestMedia.Real("video/cockatoo.mp4"))))
            await server.ReadErrorAsync(res, 500, 5000);
        Assert.Equal((0, 0), await UploadKit.RowCountsAsync(server));
        Assert.Empty(LocalFiles(server, "tmp"));
        Assert.Empty(LocalFiles(server, "files"));
        Assert.Empty(await ObjectsUnderAsync(prefix));
        Assert.Empty((await client.StateAsync()).GetProperty("state").GetProperty("video_infos").EnumerateArray());

        using var health = await server.Http.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        using var doc = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.False(doc.RootElement.GetProperty("data").GetProperty("storage").GetBoolean());
        Assert.True(doc.RootElement.GetProperty("data").GetProperty("database").GetBoolean());
    }

    [Fact]
    public async Task An_upload_the_client_abandons_mid_body_leaves_no_object_no_row_and_no_temp_file()
    {
        var (server, prefix) = await StartAsync();
        await using var _ = server;
        var client = await server.NewClientAsync();
        var video = await File.ReadAllBytesAsync(TestMedia.Real("video/cockatoo.mp4"));
        const string boundary = "cutroom-abandoned";
        var head = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"cockatoo.mp4\"\r\nContent-Type: video/mp4\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        var uri = new Uri(server.BaseUrl);
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync(uri.Host, uri.Port);
            var stream = tcp.GetStream();
            var request = $"POST /{UploadKit.PathOf(client)} HTTP/1.1\r\nHost: {uri.Authority}\r\nAuthorization: Bearer {client.Token}\r\n" +
                $"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {head.Length + video.Length + tail.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
            await stream.WriteAsync(head);
            await stream.WriteAsync(video.AsMemory(0, video.Length / 2));
            await stream.FlushAsync();
            // Wait until the server holds part of the file in tmp/, then go away.
            for (var i = 0; i < 600 && LocalFiles(server, "tmp").Count == 0; i++) await Task.Delay(50);
            Assert.NotEmpty(LocalFiles(server, "tmp"));
            tcp.Client.LingerState = new LingerOption(true, 0); // a reset, as a dropped connection
        }
        for (var i = 0; i < 600 && LocalFiles(server, "tmp").Count > 0; i++) await Task.Delay(50);
        Assert.Empty(LocalFiles(server, "tmp"));
        Assert.Equal((0, 0), await UploadKit.RowCountsAsync(server));
        Assert.Empty(await ObjectsUnderAsync(prefix));
    }

    [Fact]
    public async Task A_chat_turn_reads_its_upload_from_the_bucket_and_puts_its_outputs_there()
    {
        var (server, prefix) = await StartAsync();
        await using var _ = server;
        var client = await server.NewClientAsync();
        using (var res = await UploadKit.PostAsync(client, UploadKit.FormOf(TestMedia.Real("video/cockatoo.mp4"))))
            await LiveServer.ReadEnvelopeAsync(res, 200);

        var turn = await Chat.ChatCalls.SayAsync(client, "extract every 10th frame from my video as images");
        Assert.True(turn.Last.GetProperty("turnComplete").GetBoolean());
        Assert.StartsWith("Extracted 28 frames", turn.FinalText, StringComparison.Ordinal);
        Assert.Single(LocalFiles(server, "scratch")); // the upload, copied for the tool

        var generated = (await client.StateAsync()).GetProperty("state").GetProperty("generated_media").EnumerateArray().ToList();
        Assert.Equal(29, generated.Count);
        var objects = await ObjectsUnderAsync(prefix);
        Assert.Equal(30, objects.Count); // the upload and 28 images and their zip
        using var http = new HttpClient();
        var image = generated.First(g => g.GetProperty("kind").GetString() == "image");
        var url = image.GetProperty("url").GetString()!;
        Assert.StartsWith(s3.Server.ServiceUrl + "/" + S3rver.Bucket + "/" + prefix + "files/", url);
        using var res2 = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, res2.StatusCode);
        Assert.Equal("image/jpeg", res2.Content.Headers.ContentType?.MediaType);
        var bytes = await res2.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8], bytes[..2]);
        Assert.Contains(objects, o => o.Value == bytes.Length && o.Key.EndsWith(".jpg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cutroom_serve_takes_the_store_from_its_environment_variables()
    {
        using var data = new TempDir();
        var prefix = "serve" + Guid.NewGuid().ToString("N")[..8] + "/";
        using var serve = await ServeProcess.StartAsync(data.Path, new Dictionary<string, string>
        {
            ["Cutroom__Storage__Provider"] = "s3", ["Cutroom__Storage__ServiceUrl"] = s3.Server.ServiceUrl,
            ["Cutroom__Storage__Bucket"] = S3rver.Bucket, ["Cutroom__Storage__AccessKey"] = S3rver.Key,
            ["Cutroom__Storage__SecretKey"] = S3rver.Key, ["Cutroom__Storage__Region"] = "eu-west-1", ["Cutroom__Storage__Prefix"] = prefix,
        });
        using var http = new HttpClient { BaseAddress = new Uri(serve.BaseUrl + "/") };
        using var token = new HttpRequestMessage(HttpMethod.Post, "api/auth/anonymous-token");
        token.Headers.Add("X-Client-Id", Guid.NewGuid().ToString());
        using (var res = await http.SendAsync(token))
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("token").GetString());
        string session;
        using (var res = await http.PostAsync("api/tasks/me/with-session/nemo_agent", UploadKit.JsonContent(new { task_name = "p", language = "en" })))
            session = (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("session_id").GetString()!;
        using (var res = await http.PostAsync($"api/upload-video/nemo_agent/me/{session}", UploadKit.FormOf(TestMedia.Real("video/realshort.mp4"))))
        {
            var url = (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("files")[0].GetProperty("url").GetString()!;
            Assert.StartsWith(s3.Server.ServiceUrl + "/" + S3rver.Bucket + "/" + prefix + "files/", url);
            Assert.Contains("eu-west-1", url, StringComparison.Ordinal); // the configured signing region
        }
        var objects = await ObjectsUnderAsync(prefix);
        Assert.Equal(new FileInfo(TestMedia.Real("video/realshort.mp4")).Length, Assert.Single(objects).Value);
        Assert.False(Directory.Exists(Path.Combine(data.Path, "files")) && Directory.EnumerateFiles(Path.Combine(data.Path, "files"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Health_checks_the_bucket_and_leaves_no_probe_behind()
    {
        var (server, prefix) = await StartAsync();
        await using var _ = server;
        using var res = await server.Http.GetAsync("healthz");
        var data = await LiveServer.ReadEnvelopeAsync(res, 200);
        Assert.True(data.GetProperty("storage").GetBoolean());
        Assert.Empty(await ObjectsUnderAsync(prefix));
    }
}
