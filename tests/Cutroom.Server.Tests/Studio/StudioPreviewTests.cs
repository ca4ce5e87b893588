using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Cutroom.Server.Tests.Studio;

/// <summary>
/// The live preview in the Studio (issue 15): photos dropped on an empty draft play in the preview
/// player at once, a chat edit brings a new preview of the edited draft that plays too, the
/// scrubber shows a frame of the draft and seeks the preview; no export is made.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class StudioPreviewTests(ITestOutputHelper output)
{
    private const string Playing = "() => { const v = document.querySelector('#preview'); return v.dataset.source === 'draft' && v.readyState >= 2 && v.currentTime > 0.2; }";

    [Fact]
    public async Task The_preview_of_the_draft_plays_after_an_upload_and_after_every_edit_before_any_export()
    {
        await using var studio = await StudioBrowser.StartAsync(output);
        var page = await studio.OpenAsync();
        await Assertions.Expect(page.Locator("#preview-empty")).ToBeVisibleAsync();

        // Three photos on the empty draft: the draft's preview is rendered and plays (muted), no export asked for.
        await page.Locator("#file-input").SetInputFilesAsync([TestMedia.Real("image/photo-snow.jpg"), TestMedia.Real("image/photo-skagen.jpg"), TestMedia.Real("image/photo-pool.jpg")]);
        await Assertions.Expect(page.Locator("#media-bin .bin-item")).ToHaveCountAsync(3);
        await page.WaitForFunctionAsync(Playing, null, new() { Timeout = 90_000 });
        var video = page.Locator("#preview");
        var first = await video.GetAttributeAsync("data-hash");
        Assert.False(string.IsNullOrEmpty(first));
        Assert.InRange(await video.EvaluateAsync<double>("v => v.duration"), 8.9, 9.2);
        Assert.Equal(640, await video.EvaluateAsync<int>("v => v.videoWidth"));
        await Assertions.Expect(page.Locator("#preview-status")).ToHaveTextAsync("Preview of the current draft.");
        await studio.ScreenshotAsync(page, "preview-1-uploaded");

        // A chat edit: a new preview (another draft hash) replaces the old one and plays.
        await page.Locator("#message").FillAsync("add a title 'Sale' in red");
        await page.Locator("#send").ClickAsync();
        var reply = page.Locator("#chat-log .msg.agent").Last;
        await Assertions.Expect(reply).Not.ToHaveAttributeAsync("aria-busy", "true", new() { Timeout = 60_000 });
        Assert.Equal(0, await reply.Locator(".error, .chip.failed").CountAsync());
        await page.WaitForFunctionAsync($"() => {{ const v = document.querySelector('#preview'); return v.dataset.hash && v.dataset.hash !== '{first}'; }}", null, new() { Timeout = 90_000 });
        await page.WaitForFunctionAsync(Playing, null, new() { Timeout = 30_000 });
        output.WriteLine($"preview {first} → {await video.GetAttributeAsync("data-hash")}");
        await studio.ScreenshotAsync(page, "preview-2-after-edit");

        // Scrubbing: a frame of the draft at 4.5 s (a 640x360 JPEG) while dragging; letting go seeks the preview there.
        await video.EvaluateAsync("v => v.pause()");
        await page.Locator("#scrub").EvaluateAsync("s => { s.value = '4500'; s.dispatchEvent(new Event('input')); }");
        await page.WaitForFunctionAsync("() => { const f = document.querySelector('#preview-frame'); return !f.hidden && f.complete && f.naturalWidth > 0 && f.dataset.ms === '4500'; }");
        Assert.Equal(640, await page.Locator("#preview-frame").EvaluateAsync<int>("f => f.naturalWidth"));
        Assert.Equal("135", await page.Locator("#preview-frame").GetAttributeAsync("data-frame"));
        await studio.ScreenshotAsync(page, "preview-3-scrubbing");
        await page.Locator("#scrub").EvaluateAsync("s => s.dispatchEvent(new Event('change'))");
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('#preview'); return !v.seeking && Math.abs(v.currentTime - 4.5) < 0.1 && document.querySelector('#preview-frame').hidden; }");

        // In Chinese the status line follows; nothing was exported, and the page raised no script error.
        await page.Locator("#lang").SelectOptionAsync("zh");
        await Assertions.Expect(page.Locator("#preview-status")).ToHaveTextAsync("当前草稿的预览。");
        Assert.Equal("显示草稿预览", await page.Locator("#preview-draft").TextContentAsync());
        Assert.Equal(0, await page.Locator("#export-download").CountAsync());
        Assert.Empty(studio.PageErrors);
    }
}
