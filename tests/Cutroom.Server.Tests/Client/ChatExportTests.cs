using System.Globalization;
using System.Text.Json;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Tests.Client;

/// <summary><c>cutroom chat --export</c> against a real server: render with attribution, poll, download, a playable file.</summary>
public class ChatExportTests
{
    /// <summary>A 2 s 320x240 clip with sound (small, so the 1080p render stays quick).</summary>
    internal static string ShortClip() => TestMedia.Generate("client-2s.mp4",
        "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2", "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
        "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");

    [Fact]
    public async Task Export_renders_the_sessions_draft_with_the_attribution_headers_and_downloads_a_playable_mp4()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        var (_, setup, _) = await cli.RunJsonAsync("--say", "status");
        var sid = setup.GetProperty("session_id").GetString()!;
        await SeedMedia.AddAsync(server, new ApiClient(server.Http, "", "", sid), ShortClip());

        var (code, stdout, stderr) = await cli.RunAsync(["--session", sid, "--export", "out/final.mp4"]);

        Assert.True(code == 0, stderr);
        var path = Path.Combine(cli.WorkDir, "out", "final.mp4");
        Assert.Contains($"Exported: {path} (", stdout);
        Assert.Contains("1920x1080", stdout);
        Assert.False(File.Exists(path + ".part"));
        var probe = Probe(path);
        var video = probe.GetProperty("streams").EnumerateArray().First(s => s.GetProperty("codec_type").GetString() == "video");
        Assert.Equal("h264", video.GetProperty("codec_name").GetString());
        Assert.Equal(1920, video.GetProperty("width").GetInt32());
        Assert.Contains(probe.GetProperty("streams").EnumerateArray(), s => s.GetProperty("codec_type").GetString() == "audio");
        Assert.InRange(double.Parse(probe.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture), 1.9, 2.2);
        await using var db = await ChatClientTests.DbAsync(server);
        var job = await db.Jobs.SingleAsync(j => j.SessionId == sid);
        Assert.StartsWith("render_", job.ExternalId, StringComparison.Ordinal);
        using var attribution = JsonDocument.Parse(job.Attribution!);
        Assert.Equal("cutroom-cli", attribution.RootElement.GetProperty("X-Skill-Source").GetString());
        Assert.Equal("linux", attribution.RootElement.GetProperty("X-Skill-Platform").GetString());
        Assert.False(string.IsNullOrEmpty(attribution.RootElement.GetProperty("X-Skill-Version").GetString()));
    }

    [Fact]
    public async Task Export_as_mov_without_a_path_saves_a_render_named_file_into_the_current_folder()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        var (_, setup, _) = await cli.RunJsonAsync("--say", "status");
        var sid = setup.GetProperty("session_id").GetString()!;
        await SeedMedia.AddAsync(server, new ApiClient(server.Http, "", "", sid), ShortClip());

        var (code, json, stderr) = await cli.RunJsonAsync("--session", sid, "--say", "export as mov");

        Assert.True(code == 0, stderr);
        var step = json.GetProperty("steps")[1];
        Assert.Equal("export", step.GetProperty("step").GetString());
        var path = step.GetProperty("path").GetString()!;
        Assert.Equal(cli.WorkDir, Path.GetDirectoryName(path));
        Assert.Matches(@"^cutroom-render_\d{13}\.mov$", Path.GetFileName(path));
        Assert.Equal(new FileInfo(path).Length, step.GetProperty("size_bytes").GetInt64());
        Assert.StartsWith("mov,", Probe(path).GetProperty("format").GetProperty("format_name").GetString(), StringComparison.Ordinal);
    }

    internal static JsonElement Probe(string path) => TestMedia.FfprobeJson(path);
}
