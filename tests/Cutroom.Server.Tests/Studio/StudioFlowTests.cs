using Xunit.Abstractions;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Cutroom.Server.Tests.Studio;

/// <summary>
/// Issue 8's flow through the Studio page in Chromium: upload five photos, a logo and music with
/// the file input, ask for "a 30-second video with background music and text overlays", see three
/// tracks in the timeline, export, and watch the preview play the result.
/// </summary>
[Collection(StudioCollection.Name)]
public sealed class StudioFlowTests(ITestOutputHelper output)
{
    private static readonly string[] Photos =
        ["photo-skagen.jpg", "photo-sunset.jpg", "photo-pool.jpg", "photo-snow.jpg", "photo-grand-canyon-1.jpg", "logo-qt.jpg"];

    [Fact]
    public async Task Photos_a_logo_and_music_become_a_30_second_video_that_plays_in_the_preview()
    {
        var music = TestMedia.Generate("studio-music-40s.m4a", "-i", TestMedia.Real("audio/music-dont-wait-too-long.mkv"), "-t", "40", "-vn", "-c:a", "aac", "-b:a", "128k");
        string[] files = [.. Photos.Select(p => TestMedia.Real("image/" + p)), music];
        await using var studio = await StudioBrowser.StartAsync(output);
        var sw = Stopwatch.StartNew();
        var page = await studio.OpenAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Ready");
        await studio.ScreenshotAsync(page, "flow-1-ready");

        // Upload: one request through the file input; the bin shows each item with a thumbnail or icon.
        await page.EvaluateAsync(StudioChecks.RecordProgress, new[] { "upload-progress", "upload-bar" });
        await page.Locator("#file-input").SetInputFilesAsync(files);
        await Assertions.Expect(page.Locator("#media-bin .bin-item")).ToHaveCountAsync(7, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#upload-status")).ToHaveTextAsync("Uploaded 7 file(s).");
        var progress = await page.EvaluateAsync<double[]>("() => window.__progress['upload-bar']");
        Assert.True(progress.Length > 0 && progress.Max() == 100, "the upload bar was shown and reached 100%: " + string.Join(",", progress));
        await Assertions.Expect(page.Locator("#upload-progress")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#media-bin .bin-item[data-kind=image] img.thumb")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#media-bin .bin-item[data-kind=audio] .thumb-icon")).ToHaveCountAsync(1);
        await WaitForImagesAsync(page, "#media-bin img.thumb");
        output.WriteLine($"uploaded at {sw.Elapsed.TotalSeconds:0.0} s");
        await studio.ScreenshotAsync(page, "flow-2-uploaded");

        // Chat: Enter sends; the reply streams in with tool chips; the turn ends with text.
        await page.Locator("#message").FillAsync("combine these images into a 30-second video with background music and text overlays");
        await page.Locator("#message").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#chat-log .msg.user")).ToHaveCountAsync(1);
        var reply = page.Locator("#chat-log .msg.agent").Last;
        await Assertions.Expect(reply).Not.ToHaveAttributeAsync("aria-busy", "true", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#send")).ToBeEnabledAsync();
        var replyText = await reply.Locator(".text").InnerTextAsync();
        output.WriteLine($"reply at {sw.Elapsed.TotalSeconds:0.0} s: {replyText}");
        Assert.False(string.IsNullOrWhiteSpace(replyText));
        Assert.True(await reply.Locator(".chip.done").CountAsync() >= 1, "the turn shows at least one finished tool call");
        Assert.Equal(0, await reply.Locator(".error, .chip.failed").CountAsync());

        // Timeline: a row per track of the draft, with video, music and text among them, drawn to scale against a 30 s draft.
        var state = await StateAsync(page);
        var tracks = state.GetProperty("state").GetProperty("draft").GetProperty("t").GetArrayLength();
        output.WriteLine(state.GetProperty("state").GetProperty("timeline_summary").GetString());
        Assert.True(tracks >= 3, $"video, music and text tracks: {tracks}");
        await Assertions.Expect(page.Locator("#timeline .tl-row[data-tt]")).ToHaveCountAsync(tracks);
        await Assertions.Expect(page.Locator("#timeline .tl-row[data-tt='0'] .tl-seg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#timeline .tl-row[data-tt='1'] .tl-seg").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#timeline .tl-row[data-tt='7'] .tl-seg").First).ToBeVisibleAsync();
        var totalMs = int.Parse(await page.Locator("#timeline").GetAttributeAsync("data-duration-ms") ?? "0", CultureInfo.InvariantCulture);
        Assert.InRange(totalMs, 29_000, 31_000);
        var lane = await page.Locator("#timeline .tl-row[data-tt='1'] .tl-lane").BoundingBoxAsync();
        var music0 = await page.Locator("#timeline .tl-row[data-tt='1'] .tl-seg").First.BoundingBoxAsync();
        Assert.True(music0!.Width > lane!.Width * 0.9, $"the music spans the timeline: {music0.Width} of {lane.Width} px");
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync($"({tracks} tracks)");
        await studio.ScreenshotAsync(page, "flow-3-after-chat");

        // Export at low quality: progress, then the preview plays the output and a download link appears.
        await page.Locator("#quality").SelectOptionAsync("low");
        await page.EvaluateAsync(StudioChecks.RecordProgress, new[] { "export-progress", "export-bar" });
        await page.Locator("#export").ClickAsync();
        var download = page.Locator("#export-download");
        await Assertions.Expect(download).ToBeVisibleAsync(new() { Timeout = 120_000 });
        output.WriteLine($"exported at {sw.Elapsed.TotalSeconds:0.0} s: {await page.Locator("#export-status").InnerTextAsync()}");
        Assert.Contains("download=1", await download.GetAttributeAsync("href") ?? "", StringComparison.Ordinal);
        var exportProgress = await page.EvaluateAsync<double[]>("() => window.__progress['export-bar']");
        output.WriteLine("export bar: " + string.Join(",", exportProgress.Distinct()));
        Assert.Contains(exportProgress, v => v is > 0 and < 100);
        await Assertions.Expect(page.Locator("#export-progress")).ToBeHiddenAsync();

        var video = page.Locator("#preview");
        await Assertions.Expect(video).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('#preview'); return v.readyState >= 1 && isFinite(v.duration); }", null, new() { Timeout = 20_000 });
        var duration = await video.EvaluateAsync<double>("v => v.duration");
        Assert.InRange(duration, 29.0, 31.5);
        await video.EvaluateAsync("v => { v.muted = true; return v.play(); }");
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('#preview'); return v.readyState >= 2 && v.currentTime > 0.5; }", null, new() { Timeout = 20_000 });
        await video.EvaluateAsync("v => { v.pause(); v.currentTime = 4; }");
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('#preview'); return !v.seeking && v.readyState >= 2; }", null, new() { Timeout = 10_000 });
        output.WriteLine($"played at {sw.Elapsed.TotalSeconds:0.0} s; duration {duration:0.00} s");
        await studio.ScreenshotAsync(page, "flow-4-exported");

        // Credits were read after the turn; the page raised no script error.
        await Assertions.Expect(page.Locator("#credits")).ToContainTextAsync("available");
        Assert.Empty(studio.PageErrors);
    }

    [Fact]
    public async Task Frames_and_highlight_clips_of_a_video_appear_with_downloads_and_a_clip_plays_in_the_preview()
    {
        // Heartbeats every 300 ms so that the "still working" line shows during the highlight search.
        await using var studio = await StudioBrowser.StartAsync(output, o => o.Chat.HeartbeatInterval = TimeSpan.FromMilliseconds(300));
        var page = await studio.OpenAsync();
        await page.Locator("#file-input").SetInputFilesAsync(TestMedia.Real("video/cockatoo.mp4"));
        await Assertions.Expect(page.Locator("#media-bin .bin-item[data-kind=video] video.thumb")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await page.EvaluateAsync(StudioChecks.RecordTurnIndicators);

        await SayAsync(page, "extract every 10th frame from my video as images");
        var frames = page.Locator("#generated .frame-grid .frame");
        await Assertions.Expect(frames.First).ToBeVisibleAsync();
        Assert.True(await frames.CountAsync() >= 10, $"a frame grid: {await frames.CountAsync()} frames");
        Assert.Contains("download=1", await frames.First.Locator("a[download]").GetAttributeAsync("href") ?? "", StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#generated .gen-file[data-kind=archive] a[download]")).ToHaveCountAsync(1);
        await WaitForImagesAsync(page, "#generated .frame img");

        await SayAsync(page, "extract the key highlights and save them as separate clips");
        var clips = page.Locator("#generated .gen-file[data-kind=video]");
        await Assertions.Expect(clips.First).ToBeVisibleAsync();
        output.WriteLine($"{await frames.CountAsync()} frames, {await clips.CountAsync()} clips; credits {await page.Locator("#credits").InnerTextAsync()}");
        var seen = await page.EvaluateAsync<string[]>("() => window.__seen");
        output.WriteLine("indicators: " + string.Join(", ", seen));
        Assert.Contains("still", seen);
        Assert.Contains("chip", seen);

        // The newest clip is in the preview; Play puts another one there.
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('#preview'); return !v.hidden && v.readyState >= 1 && v.duration > 0; }", null, new() { Timeout = 15_000 });
        await clips.First.Locator("button").ClickAsync();
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('#preview'); return v.readyState >= 2; }", null, new() { Timeout = 15_000 });
        await page.Locator("#generated").ScrollIntoViewIfNeededAsync();
        await studio.ScreenshotAsync(page, "flow-5-frames-and-clips");
        Assert.NotEqual("100 available · 0 frozen", await page.Locator("#credits").InnerTextAsync()); // the jobs were charged and the page read the balance again
        Assert.Empty(studio.PageErrors);
    }

    [Fact]
    public async Task A_summary_with_a_trimmed_clip_and_a_photo_made_into_a_moving_clip_appear_and_the_clip_plays()
    {
        await using var studio = await StudioBrowser.StartAsync(output);
        var page = await studio.OpenAsync();
        await page.Locator("#file-input").SetInputFilesAsync([TestMedia.Real("video/cockatoo.mp4"), TestMedia.Real("image/photo-sunset.jpg")]);
        await Assertions.Expect(page.Locator("#media-bin .bin-item")).ToHaveCountAsync(2);

        // Workflow 5: metadata, a summary and a trimmed clip.
        await SayAsync(page, "extract metadata, generate a summary, and export a trimmed clip");
        await Assertions.Expect(page.Locator("#chat-log .msg.agent .text").Last).ToContainTextAsync("cockatoo.mp4");
        await Assertions.Expect(page.Locator("#generated .gen-file[data-kind=json] a[download]").First).ToBeVisibleAsync();

        // Workflow 4: the photo becomes a moving clip, rendered by the agent, shown in the preview.
        await SayAsync(page, "turn this image into a free downloadable video clip");
        var generated = (await StateAsync(page)).GetProperty("state").GetProperty("generated_media").EnumerateArray().ToList();
        Assert.Contains(generated, g => g.GetProperty("op").GetString() == "summarize");
        // "…export a trimmed clip" ends with the export (issue 21); cockatoo.mp4 has no dead ends, so no charged trimmed copy is made.
        Assert.DoesNotContain(generated, g => g.GetProperty("op").GetString() == "trim");
        Assert.True(generated.Count(g => g.GetProperty("op").GetString() == "export" && g.GetProperty("kind").GetString() == "video") >= 2, "the trimmed export and the moving photo");
        var clip = generated.Last(g => g.GetProperty("op").GetString() == "export");
        Assert.Equal(1920, clip.GetProperty("width").GetInt32());
        Assert.InRange(clip.GetProperty("duration_ms").GetInt64(), 5_900, 6_100);
        await page.WaitForFunctionAsync("() => { const v = document.querySelector('#preview'); return !v.hidden && v.readyState >= 1 && Math.abs(v.duration - 6) < 0.2; }");
        await studio.ScreenshotAsync(page, "flow-6-summary-trim-animate");
        Assert.Empty(studio.PageErrors);
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var before = await page.Locator("#chat-log .msg.agent").CountAsync();
        await page.Locator("#message").FillAsync(text);
        await page.Locator("#send").ClickAsync();
        var reply = page.Locator("#chat-log .msg.agent").Nth(before);
        await Assertions.Expect(reply).ToBeVisibleAsync();
        await Assertions.Expect(reply).Not.ToHaveAttributeAsync("aria-busy", "true", new() { Timeout = 60_000 });
        Assert.Equal(0, await reply.Locator(".error, .chip.failed").CountAsync());
    }

    /// <summary>The session's state, read with the page's own token and session (from its localStorage).</summary>
    private static async Task<JsonElement> StateAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const id = localStorage.getItem('cutroom.client_id');
              const token = localStorage.getItem('cutroom.token.' + id), sid = localStorage.getItem('cutroom.session.' + id);
              const res = await fetch('/api/state/nemo_agent/me/' + sid + '/latest', { headers: { Authorization: 'Bearer ' + token } });
              return JSON.stringify((await res.json()).data);
            }
            """);
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    private static async Task WaitForImagesAsync(IPage page, string selector) =>
        await page.WaitForFunctionAsync($"() => [...document.querySelectorAll('{selector}')].every(i => i.complete && i.naturalWidth > 0)", null, new() { Timeout = 15_000 });
}
