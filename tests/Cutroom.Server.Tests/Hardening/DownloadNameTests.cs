using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Uploads;

namespace Cutroom.Server.Tests.Hardening;

/// <summary>An upload named with a right-to-left override is stored, listed and downloaded without it (issue 17).</summary>
public sealed class DownloadNameTests
{
    [Fact]
    public async Task A_right_to_left_override_is_gone_from_the_listed_name_and_the_download_header()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var bytes = await File.ReadAllBytesAsync(TestMedia.Real("video/realshort.mp4"));
        using var res = await UploadKit.PostAsync(client, UploadKit.Form((bytes, "\u202Egnp.exe.mp4")));
        var file = (await LiveServer.ReadEnvelopeAsync(res, 200)).GetProperty("files")[0];
        Assert.Equal("gnp.exe.mp4", file.GetProperty("name").GetString());

        var listed = (await client.StateAsync()).GetProperty("state").GetProperty("video_infos")[0].ToString();
        Assert.DoesNotContain("\u202E", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u202E", listed, StringComparison.OrdinalIgnoreCase);

        using var plain = new HttpClient();
        using var download = await plain.GetAsync(file.GetProperty("url").GetString());
        download.EnsureSuccessStatusCode();
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("gnp.exe.mp4", disposition.FileNameStar);
        Assert.DoesNotContain("%E2%80%AE", download.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.OrdinalIgnoreCase);
    }
}
