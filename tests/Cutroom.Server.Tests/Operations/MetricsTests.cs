using System.Globalization;
using System.Text.RegularExpressions;
using Cutroom.Server.Jobs;
using Cutroom.Server.Tests.Infrastructure;
using Cutroom.Server.Tests.Render;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests.Operations;

/// <summary><c>/metrics</c> (docs/operations.md): the Prometheus series after real renders.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task After_a_real_render_metrics_show_its_duration_no_running_job_and_ffmpeg_cpu_time_and_then_a_queued_render()
    {
        await using var server = await LiveServer.StartAsync();
        var client = await server.NewClientAsync();
        var media = await SeedMedia.AddAsync(server, client, TestMedia.Real("video/cockatoo.mp4"));
        var cpuBefore = Value(await ScrapeAsync(server), "cutroom_ffmpeg_cpu_seconds_total");

        using (var res = await RenderKit.PostAsync(client.Http, RenderKit.Body("render_m1", client.SessionId, RenderKit.Draft(media[0], 320, 180, 2000), "mp4", "low")))
            await LiveServer.ReadEnvelopeAsync(res, 202);
        var done = await RenderKit.WaitForAsync(client.Http, "render_m1", TimeSpan.FromMinutes(3), "completed", "failed");
        Assert.True(done.GetProperty("status").GetString() == "completed", done.ToString());

        var text = await ScrapeAsync(server);
        Assert.Equal(1, Value(text, "cutroom_job_duration_seconds_count{kind=\"render\",outcome=\"completed\"}"));
        Assert.True(Value(text, "cutroom_job_duration_seconds_sum{kind=\"render\",outcome=\"completed\"}") > 0);
        Assert.Equal(1, Value(text, "cutroom_job_duration_seconds_bucket{kind=\"render\",outcome=\"completed\",le=\"+Inf\"}"));
        Assert.Equal(0, Value(text, "cutroom_jobs_running{kind=\"render\"}"));
        Assert.Equal(0, Value(text, "cutroom_jobs_queued{kind=\"render\"}"));
        Assert.Equal(0, Value(text, "cutroom_jobs_queued{kind=\"chat\"}"));
        Assert.True(Value(text, "cutroom_ffmpeg_cpu_seconds_total") > cpuBefore, "the render's ffmpeg CPU time was not counted");
        Assert.Contains("# TYPE cutroom_job_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE cutroom_ffmpeg_cpu_seconds_total counter", text, StringComparison.Ordinal);

        // With the job engine stopped, a render accepted now waits in the queue: the depth says so.
        await server.Services.GetRequiredService<JobEngine>().StopAsync(CancellationToken.None);
        using (var res = await RenderKit.PostAsync(client.Http, RenderKit.Body("render_m2", client.SessionId, RenderKit.Draft(media[0], 320, 180, 1000), "mp4", "low")))
            await LiveServer.ReadEnvelopeAsync(res, 202);
        Assert.Equal(1, Value(await ScrapeAsync(server), "cutroom_jobs_queued{kind=\"render\"}"));
    }

    private static async Task<string> ScrapeAsync(LiveServer server)
    {
        using var res = await server.Http.GetAsync("metrics"); // no token
        var text = await res.Content.ReadAsStringAsync();
        Assert.True((int)res.StatusCode == 200, text);
        Assert.StartsWith("text/plain", res.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return text;
    }

    /// <summary>The value of the sample written exactly as <paramref name="series"/> (name and labels).</summary>
    private static double Value(string text, string series)
    {
        var m = Regex.Match(text, "^" + Regex.Escape(series) + @" (\S+)$", RegexOptions.Multiline);
        Assert.True(m.Success, $"no sample {series} in:\n{text}");
        return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
