using System.Diagnostics;
using Cutroom.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Cutroom.Server.Tests.Uploads;

public sealed class UploadSizeTests(ITestOutputHelper output)
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task A_file_over_the_limit_is_answered_4002_while_most_of_the_body_is_still_unsent()
    {
        await using var server = await LiveServer.StartAsync(o => o.Upload.MaxFileBytes = 1 * MiB);
        var client = await server.NewClientAsync();
        var body = new SyntheticUpload(8 * MiB, "too-big.mp4");
        var prefix = body.Prefix(3 * (int)MiB);
        var announced = body.Length;

        // 3 MiB of an announced 8 MiB are sent, then nothing more: the answer must come anyway.
        var answer = await RawHttp.SendPartialAsync(server.BaseUrl, UploadKit.PathOf(client),
            [("Authorization", "Bearer " + client.Token), ("Content-Type", body.Headers.ContentType!.ToString()), ("Content-Length", announced.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            prefix, TimeSpan.FromSeconds(20));

        Assert.Equal(413, answer.Status);
        Assert.Equal(4002, answer.Body.GetProperty("code").GetInt32());
        var data = answer.Body.GetProperty("data");
        Assert.Equal(1 * MiB, data.GetProperty("limit_bytes").GetInt64());
        Assert.Equal(["too-big.mp4"], UploadKit.RejectedNames(answer.Body));
        Assert.Contains("1 MB", answer.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(answer.Headers.ContainsKey("x-request-id"));
        await UploadKit.AssertNothingKeptAsync(server);
    }

    [Fact]
    public async Task A_body_announced_larger_than_the_sessions_quota_is_refused_before_any_of_it_is_sent()
    {
        await using var server = await LiveServer.StartAsync(o => o.Upload.SessionQuotaBytes = 4 * MiB);
        var client = await server.NewClientAsync();

        var answer = await RawHttp.SendPartialAsync(server.BaseUrl, UploadKit.PathOf(client),
            [("Authorization", "Bearer " + client.Token), ("Content-Type", "multipart/form-data; boundary=x"), ("Content-Length", (50 * MiB).ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [], TimeSpan.FromSeconds(20));

        Assert.Equal(413, answer.Status);
        Assert.Equal(4002, answer.Body.GetProperty("code").GetInt32());
        Assert.Contains("quota", answer.Body.GetProperty("message").GetString(), StringComparison.Ordinal);
        await UploadKit.AssertNothingKeptAsync(server);
    }

    [Fact]
    public async Task Files_that_together_pass_the_session_quota_are_refused_with_4002_and_nothing_is_kept()
    {
        await using var server = await LiveServer.StartAsync(o => o.Upload.SessionQuotaBytes = 2 * MiB);
        var client = await server.NewClientAsync();
        var third = new byte[900 * 1024];
        using var res = await UploadKit.PostAsync(client, UploadKit.Form((third, "a.mp4"), (third, "b.mp4"), (third, "c.mp4")));
        var error = await server.ReadErrorAsync(res, 413, 4002);
        Assert.Equal(["c.mp4"], UploadKit.RejectedNames(error));
        Assert.Contains("quota", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        await UploadKit.AssertNothingKeptAsync(server);
    }

    [Fact]
    public async Task A_chunked_upload_without_Content_Length_is_cut_at_the_sessions_quota_with_4002()
    {
        await using var server = await LiveServer.StartAsync(o => o.Upload.SessionQuotaBytes = 2 * MiB);
        var client = await server.NewClientAsync();
        using var res = await UploadKit.PostAsync(client, new SyntheticUpload(64 * MiB, "long.mp4", announceLength: false));
        Assert.Null(res.RequestMessage?.Content?.Headers.ContentLength);
        var error = await server.ReadErrorAsync(res, 413, 4002);
        Assert.Contains("quota", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["long.mp4"], UploadKit.RejectedNames(error));
        await UploadKit.AssertNothingKeptAsync(server);
    }

    [Fact]
    public async Task A_chunked_body_of_garbage_without_a_boundary_is_4000_after_a_few_kilobytes()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var garbage = new StreamContent(new RepeatStream(16 * MiB, (byte)'x'));
        garbage.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=never-sent");
        using var res = await UploadKit.PostAsync(client, garbage);
        await server.ReadErrorAsync(res, 400, 4000);
        await UploadKit.AssertNothingKeptAsync(server);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_600_MB_upload_is_refused_with_4002_at_the_500_MB_limit_with_flat_memory()
    {
        await using var server = await LiveServer.StartAsync();
        Assert.Equal(500 * MiB, server.Options.Upload.MaxFileBytes);
        var client = await server.NewClientAsync();
        var body = new SyntheticUpload(600 * MiB);
        var process = Process.GetCurrentProcess();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heap0 = GC.GetTotalMemory(true);
        process.Refresh();
        var ws0 = process.WorkingSet64;
        long heapPeak = heap0, wsPeak = ws0, tempPeak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                process.Refresh();
                wsPeak = Math.Max(wsPeak, process.WorkingSet64);
                foreach (var f in new DirectoryInfo(Path.Combine(server.DataDir, "tmp")).EnumerateFiles())
                {
                    try { tempPeak = Math.Max(tempPeak, f.Length); } catch (IOException) { }
                }
                await Task.Delay(25);
            }
        });

        var clock = Stopwatch.StartNew();
        using var res = await UploadKit.PostAsync(client, body);
        var elapsed = clock.Elapsed;
        var sentAtAnswer = body.SentBytes;
        stop.Cancel();
        await sampler;

        var error = await server.ReadErrorAsync(res, 413, 4002);
        Assert.Equal(500 * MiB, error.GetProperty("data").GetProperty("limit_bytes").GetInt64());
        Assert.Equal(["big.mp4"], UploadKit.RejectedNames(error));
        output.WriteLine($"600 MB upload: answered in {elapsed.TotalSeconds:0.0} s after {sentAtAnswer / MiB} MiB sent; " +
                         $"managed heap growth {(heapPeak - heap0) / MiB} MiB, working set growth {(wsPeak - ws0) / MiB} MiB, largest temp file seen {tempPeak / MiB} MiB");
        Assert.InRange(heapPeak - heap0, 0, 100 * MiB);
        Assert.InRange(wsPeak - ws0, 0, 100 * MiB);
        Assert.InRange(tempPeak, 0, 500 * MiB + 256 * 1024);
        await UploadKit.AssertNothingKeptAsync(server);
        using var health = await server.Http.GetAsync("healthz");
        Assert.Equal(200, (int)health.StatusCode);
    }
}
