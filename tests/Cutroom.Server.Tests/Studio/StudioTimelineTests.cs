using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Cutroom.Server.Tests.Studio;

/// <summary>The Studio's timeline export in Chromium against a real server: a dropped photo's draft downloads as FCPXML and OTIO.</summary>
[Collection(StudioCollection.Name)]
public sealed class StudioTimelineTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Export_timeline_downloads_the_sessions_draft_in_the_chosen_format()
    {
        await using var studio = await StudioBrowser.StartAsync(output);
        var page = await studio.OpenAsync();
        var photo = Convert.ToBase64String(await File.ReadAllBytesAsync(TestMedia.Real("image/photo-pool.jpg")));
        await page.EvaluateAsync(StudioChecks.DropFile, new[] { photo, "photo-pool.jpg", "image/jpeg" });
        await Assertions.Expect(page.Locator("#media-bin .bin-item")).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        using var dir = new TempDir();
        await page.Locator("#timeline-format").SelectOptionAsync("fcpxml");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-timeline").ClickAsync());
        Assert.Equal("cutroom-timeline.fcpxml", download.SuggestedFilename);
        await download.SaveAsAsync(dir.File("t.fcpxml"));
        var xml = await File.ReadAllTextAsync(dir.File("t.fcpxml"));
        Assert.Contains("<fcpxml version=\"1.10\">", xml, StringComparison.Ordinal);
        Assert.Contains("name=\"photo-pool.jpg\"", xml, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#export-status")).ToHaveTextAsync("Timeline saved as cutroom-timeline.fcpxml.");

        await page.Locator("#timeline-format").SelectOptionAsync("otio");
        download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-timeline").ClickAsync());
        await download.SaveAsAsync(dir.File("t.otio"));
        var otio = Cutroom.Timeline.Interchange.Otio.OtioImporter.Import(await File.ReadAllTextAsync(dir.File("t.otio")));
        Assert.True(otio.Draft is not null, string.Join("\n", otio.Errors));
        Assert.Single(otio.Draft!.AllSegments());

        await page.Locator("#lang").SelectOptionAsync("zh");
        await Assertions.Expect(page.Locator("#export-timeline")).ToHaveTextAsync("导出时间线");
        await studio.ScreenshotAsync(page, "page-timeline-export");
        Assert.Empty(studio.PageErrors);
    }
}
