using System.Globalization;
using System.Text.Json;
using Cutroom.Server.Data;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cutroom.Server.Tests.Client;

/// <summary>
/// <c>cutroom chat --preview</c> and the interactive <c>preview [FILE]</c> against a real server (the
/// draft's live preview, Cutroom's addition: no export is made), and <c>cutroom local-chat --preview</c>
/// on local files.
/// </summary>
public class ChatPreviewTests
{
    [Fact]
    public async Task Preview_after_the_turns_saves_the_drafts_640x360_preview_without_an_export()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        var (code, json, stderr) = await cli.RunJsonAsync(TestMedia.Real("image/photo-snow.jpg"), TestMedia.Real("image/photo-pool.jpg"),
            "--say", "add a title 'Sale' in red", "--preview", "out/p.mp4");
        Assert.True(code == 0, stderr + json);
        var step = json.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "preview");
        var path = Path.Combine(cli.WorkDir, "out", "p.mp4");
        Assert.Equal(path, step.GetProperty("path").GetString());
        Assert.True(step.GetProperty("ok").GetBoolean());
        Assert.Equal(32, step.GetProperty("draft").GetString()!.Length);
        var say = json.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "say");
        Assert.Equal(say.GetProperty("version").GetInt32(), step.GetProperty("version").GetInt32());   // the preview shows the draft the turn left
        Assert.Equal(new FileInfo(path).Length, step.GetProperty("size_bytes").GetInt64());
        var probe = TestMedia.FfprobeJson(path);
        var video = probe.GetProperty("streams").EnumerateArray().First(s => s.GetProperty("codec_type").GetString() == "video");
        Assert.Equal(640, video.GetProperty("width").GetInt32());
        Assert.Equal(360, video.GetProperty("height").GetInt32());
        // Each file is its own upload: the first lands on the empty draft (a 3 s still), the second only in the bin.
        Assert.InRange(double.Parse(probe.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture), 2.9, 3.2);
        await using var db = await DbAsync(server);
        Assert.Equal(0, await db.Jobs.CountAsync(j => j.Kind == "render"));
    }

    [Fact]
    public async Task Interactive_preview_tells_an_empty_draft_and_then_saves_into_the_current_folder()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        var (_, setup, _) = await cli.RunJsonAsync("--say", "status");
        var sid = setup.GetProperty("session_id").GetString()!;

        var (code, stdout, stderr) = await cli.RunAsync(["--session", sid], "preview\nexit\n");
        Assert.Equal(0, code);
        Assert.Contains("nothing to preview", stdout + stderr, StringComparison.OrdinalIgnoreCase);

        await SeedMedia.AddAsync(server, new ApiClient(server.Http, "", "", sid), TestMedia.Real("image/photo-sunset.jpg"));
        (code, stdout, stderr) = await cli.RunAsync(["--session", sid], "预览\nexit\n");
        Assert.True(code == 0, stderr);
        var path = Path.Combine(cli.WorkDir, "cutroom-preview.mp4");
        Assert.Matches(@"Preview of version \d+: " + System.Text.RegularExpressions.Regex.Escape(path) + @" \(\d+ KB\)", stdout);
        Assert.Equal(360, TestMedia.FfprobeJson(path).GetProperty("streams")[0].GetProperty("height").GetInt32());
    }

    [Fact]
    public void Local_chat_renders_the_preview_of_its_final_draft()
    {
        using var dir = new TempDir();
        var output = dir.File("preview.mp4");
        var (code, stdout, stderr) = TestMedia.Run("dotnet",
            [ChatCli.Dll, "local-chat", TestMedia.Real("image/photo-skagen.jpg"), TestMedia.Real("image/photo-donna.jpg"), TestMedia.Real("image/photo-pool.jpg"),
             "--say", "add a title 'Sale' in red", "--work", dir.File("session"), "--preview", output],
            env: new Dictionary<string, string> { ["CUTROOM_RENDER_CACHE"] = dir.File("cache"), ["DOTNET_NOLOGO"] = "1" });
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains($"preview: {output} (640x360, 9.0 s", stdout, StringComparison.Ordinal);
        Assert.Matches(@"chunks rendered \d+, reused 0\)", stdout);
        var probe = TestMedia.FfprobeJson(output);
        Assert.Equal(640, probe.GetProperty("streams")[0].GetProperty("width").GetInt32());
        Assert.True(Directory.GetFiles(dir.File("cache")).Length > 0, "the chunks went to the render cache");
    }

    private static async Task<CutroomDb> DbAsync(LiveServer server) =>
        await server.Services.GetRequiredService<IDbContextFactory<CutroomDb>>().CreateDbContextAsync();
}
