using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.Uploads;

public sealed class UrlImportTests
{
    [Fact]
    public async Task A_url_on_a_loopback_origin_is_imported_when_loopback_imports_are_allowed()
    {
        await using var origin = await LoopbackOrigin.StartAsync();
        await using var server = await LiveServer.StartAsync(o => o.Upload.AllowLoopbackImports = true);
        var client = await server.NewClientAsync();

        using var res = await UploadKit.ImportAsync(client, origin.BaseUrl + "/media/cockatoo.mp4");
        var f = (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("files")[0];

        Assert.Equal("cockatoo.mp4", f.GetProperty("name").GetString());
        Assert.Equal("video", f.GetProperty("kind").GetString());
        Assert.Equal(new FileInfo(TestMedia.Real("video/cockatoo.mp4")).Length, f.GetProperty("size_bytes").GetInt64());
        Assert.Equal(1280, f.GetProperty("width").GetInt32());
        var state = (await client.StateAsync()).GetProperty("state");
        Assert.Equal(f.GetProperty("media_id").GetString(), state.GetProperty("draft").GetProperty("t")[0].GetProperty("sg")[0].GetProperty("src").GetString());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(server.DataDir, "tmp")));
    }

    [Theory]
    [InlineData("http://127.0.0.1/clip.mp4", "loopback")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://localhost/clip.mp4", "loopback")]
    [InlineData("http://[::1]/clip.mp4", "loopback")]
    [InlineData("http://[::ffff:127.0.0.1]/clip.mp4", "loopback")]
    [InlineData("http://10.1.2.3/clip.mp4", "private")]
    [InlineData("http://0.0.0.0/clip.mp4", "unspecified")]
    public async Task With_default_settings_an_import_from_a_non_public_address_is_refused_with_4000(string url, string why)
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();

        using var res = await UploadKit.ImportAsync(client, url);
        var error = (await server.ReadErrorAsync(res, 400, 4000)).GetProperty("data").GetProperty("errors")[0];

        Assert.Equal("urls[0]", error.GetProperty("path").GetString());
        Assert.Contains("not public", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(why, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        await UploadKit.AssertNothingKeptAsync(server);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "scheme")]
    [InlineData("ftp://example.com/clip.mp4", "scheme")]
    [InlineData("https://user:secret@example.com/clip.mp4", "user info")]
    [InlineData("https://example.com:8443/clip.mp4", "port 8443")]
    [InlineData("http://example.com:22/clip.mp4", "port 22")]
    [InlineData("clip.mp4", "absolute")]
    public async Task A_url_with_a_refused_scheme_user_info_or_port_is_4000_before_any_connection(string url, string why)
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();

        using var res = await UploadKit.ImportAsync(client, "https://example.com/fine.mp4", url);
        var errors = (await server.ReadErrorAsync(res, 400, 4000)).GetProperty("data").GetProperty("errors");

        var error = Assert.Single(errors.EnumerateArray());
        Assert.Equal("urls[1]", error.GetProperty("path").GetString());
        Assert.Contains(why, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_redirects_are_followed_and_a_fourth_is_refused()
    {
        await using var origin = await LoopbackOrigin.StartAsync();
        await using var server = await LiveServer.StartAsync(o => o.Upload.AllowLoopbackImports = true);
        var client = await server.NewClientAsync();

        using (var ok = await UploadKit.ImportAsync(client, origin.BaseUrl + "/chain/3"))
            Assert.Equal("video", (await LiveServer.ReadEnvelopeAsync(ok, 200)).GetProperty("files")[0].GetProperty("kind").GetString());

        var other = await server.NewClientAsync();
        using var res = await UploadKit.ImportAsync(other, origin.BaseUrl + "/chain/4");
        var error = (await server.ReadErrorAsync(res, 400, 4000)).GetProperty("data").GetProperty("errors")[0];
        Assert.Equal("urls[0]", error.GetProperty("path").GetString());
        Assert.Contains("more than 3 redirects", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await other.StateAsync()).GetProperty("state").GetProperty("video_infos").GetArrayLength());
    }

    [Fact]
    public async Task Every_hop_is_checked_again_a_redirect_to_the_metadata_address_or_to_ftp_is_refused()
    {
        await using var origin = await LoopbackOrigin.StartAsync();
        await using var server = await LiveServer.StartAsync(o => o.Upload.AllowLoopbackImports = true);
        var client = await server.NewClientAsync();

        using (var res = await UploadKit.ImportAsync(client, origin.BaseUrl + "/to-metadata"))
        {
            var message = (await server.ReadErrorAsync(res, 400, 4000)).GetProperty("data").GetProperty("errors")[0].GetProperty("message").GetString();
            Assert.Contains("169.254.169.254", message, StringComparison.Ordinal);
            Assert.Contains("link-local", message, StringComparison.Ordinal);
        }
        using (var res = await UploadKit.ImportAsync(client, origin.BaseUrl + "/to-ftp"))
            Assert.Contains("scheme 'ftp'", (await server.ReadErrorAsync(res, 400, 4000)).GetProperty("data").GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        await UploadKit.AssertNothingKeptAsync(server);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_oversize_download_is_refused_with_4002_whether_or_not_its_size_is_announced(bool announce)
    {
        await using var origin = await LoopbackOrigin.StartAsync();
        await using var server = await LiveServer.StartAsync(o =>
        {
            o.Upload.AllowLoopbackImports = true;
            o.Upload.MaxFileBytes = 1024 * 1024;
        });
        var client = await server.NewClientAsync();

        using var res = await UploadKit.ImportAsync(client, $"{origin.BaseUrl}/big/5?announce={(announce ? "true" : "false")}");
        var error = await server.ReadErrorAsync(res, 413, 4002);

        Assert.Equal(1024 * 1024, error.GetProperty("data").GetProperty("limit_bytes").GetInt64());
        Assert.Equal(["5"], UploadKit.RejectedNames(error));
        await UploadKit.AssertNothingKeptAsync(server);
    }

    [Fact]
    public async Task A_download_is_checked_by_content_a_playlist_named_mp4_is_4001_and_a_404_is_4000()
    {
        await using var origin = await LoopbackOrigin.StartAsync();
        await using var server = await LiveServer.StartAsync(o => o.Upload.AllowLoopbackImports = true);
        var client = await server.NewClientAsync();

        using (var res = await UploadKit.ImportAsync(client, origin.BaseUrl + "/playlist.mp4"))
            Assert.Equal(["playlist.mp4"], UploadKit.RejectedNames(await server.ReadErrorAsync(res, 415, 4001)));
        using (var res = await UploadKit.ImportAsync(client, origin.BaseUrl + "/media/cockatoo.mp4", origin.BaseUrl + "/missing.mp4"))
            Assert.Contains("HTTP 404", (await server.ReadErrorAsync(res, 400, 4000)).GetProperty("data").GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        await UploadKit.AssertNothingKeptAsync(server);
    }

    [Fact]
    public async Task A_download_that_stalls_past_the_import_timeout_is_4000()
    {
        await using var origin = await LoopbackOrigin.StartAsync();
        await using var server = await LiveServer.StartAsync(o =>
        {
            o.Upload.AllowLoopbackImports = true;
            o.Upload.ImportTimeout = TimeSpan.FromSeconds(1);
        });
        var client = await server.NewClientAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        using var res = await UploadKit.ImportAsync(client, origin.BaseUrl + "/stall.mp4");

        Assert.Contains("longer than 1 s", (await server.ReadErrorAsync(res, 400, 4000)).GetProperty("data").GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.5, 10);
        await UploadKit.AssertNothingKeptAsync(server);
    }
}
