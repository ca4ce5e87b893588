using System.Net;
using System.Net.Http.Headers;
using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests;

public sealed class DownloadLinkTests
{
    [Fact]
    public async Task A_signed_link_serves_ranges_with_the_type_and_a_readable_name_and_a_tampered_or_expired_link_is_403()
    {
        await using var server = await LiveServer.StartAsync(o => o.DownloadLinkLifetime = TimeSpan.FromSeconds(2));
        var client = await server.NewClientAsync();
        var source = TestMedia.Real("video/cockatoo.mp4");
        await SeedMedia.AddAsync(server, client, source);
        var url = (await client.StateAsync()).GetProperty("state").GetProperty("video_infos")[0].GetProperty("url").GetString()!;
        Assert.StartsWith(server.BaseUrl + "/files/", url);

        using (var req = new HttpRequestMessage(HttpMethod.Get, url))
        {
            req.Headers.Range = new RangeHeaderValue(100, 199);
            using var res = await server.Http.SendAsync(req); // no bearer token
            Assert.Equal(HttpStatusCode.PartialContent, res.StatusCode);
            var bytes = await res.Content.ReadAsByteArrayAsync();
            Assert.Equal(File.ReadAllBytes(source).AsSpan(100, 100).ToArray(), bytes);
            Assert.Equal("video/mp4", res.Content.Headers.ContentType?.MediaType);
            Assert.Equal(new FileInfo(source).Length, res.Content.Headers.ContentRange?.Length);
            Assert.Equal("cockatoo.mp4", res.Content.Headers.ContentDisposition?.FileNameStar);
        }

        var tampered = url.Replace("sig=", "sig=x", StringComparison.Ordinal);
        using (var res = await server.Http.GetAsync(tampered)) await server.ReadErrorAsync(res, 403, 403);
        var otherKey = url.Replace("/files/f", "/files/g", StringComparison.Ordinal);
        using (var res = await server.Http.GetAsync(otherKey)) await server.ReadErrorAsync(res, 403, 403);
        var longer = System.Text.RegularExpressions.Regex.Replace(url, "exp=(\\d+)", m => "exp=" + (long.Parse(m.Groups[1].Value) + 3600));
        using (var res = await server.Http.GetAsync(longer)) await server.ReadErrorAsync(res, 403, 403);
        await Task.Delay(3100);
        using (var res = await server.Http.GetAsync(url)) await server.ReadErrorAsync(res, 403, 403);
    }
}
