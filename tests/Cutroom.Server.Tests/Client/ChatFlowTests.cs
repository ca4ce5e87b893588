using System.Globalization;
using Cutroom.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Tests.Client;

/// <summary>The seeds' workflows through <c>cutroom chat</c> against a real server: upload, a chat turn, export.</summary>
public class ChatFlowTests
{
    [Fact]
    public async Task Upload_then_extract_every_10th_frame_then_export_prints_the_agents_text_and_downloads_a_playable_mp4()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);

        var (code, stdout, stderr) = await cli.RunAsync(["--upload", TestMedia.Real("video/cockatoo.mp4"),
            "--say", "extract every 10th frame from my video as images", "--export", "out.mp4"], timeoutSeconds: 400);

        Assert.True(code == 0, stdout + stderr);
        var lines = stdout.Split('\n', StringSplitOptions.TrimEntries);
        var said = Array.IndexOf(lines, "> extract every 10th frame from my video as images");
        Assert.True(said >= 0, stdout);
        var reply = lines[said + 1];
        Assert.Contains("28", reply, StringComparison.Ordinal);                       // the agent's closing text, as it streamed
        Assert.Contains("New files: 28 images, 1 archive.", stdout);
        Assert.Contains("Exported: " + Path.Combine(cli.WorkDir, "out.mp4"), stdout);
        await using (var db = await ChatClientTests.DbAsync(server))
        {
            var session = await db.Sessions.SingleAsync();
            Assert.Equal(28, await db.Generated.CountAsync(g => g.SessionId == session.Id && g.Kind == "image"));
            Assert.Equal(1, await db.Generated.CountAsync(g => g.SessionId == session.Id && g.Kind == "archive"));
        }
        var probe = ChatExportTests.Probe(Path.Combine(cli.WorkDir, "out.mp4"));
        var video = probe.GetProperty("streams").EnumerateArray().First(s => s.GetProperty("codec_type").GetString() == "video");
        Assert.Equal("h264", video.GetProperty("codec_name").GetString());
        Assert.Equal((1920, 1080), (video.GetProperty("width").GetInt32(), video.GetProperty("height").GetInt32()));
        Assert.InRange(double.Parse(probe.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture), 13.5, 14.5);
        // Frames are decodable to the end (a playable file, not just a header).
        var (decoded, _, err) = TestMedia.Run("ffmpeg", ["-v", "error", "-i", Path.Combine(cli.WorkDir, "out.mp4"), "-f", "null", "-"]);
        Assert.True(decoded == 0 && err.Length == 0, err);
    }

    [Fact]
    public async Task Highlights_a_summary_with_a_trimmed_clip_and_an_image_made_into_a_video_run_through_the_client_in_one_session()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);

        var (code, stdout, stderr) = await cli.RunAsync(["--upload", TestMedia.Real("video/cockatoo.mp4"), "--upload", TestMedia.Real("image/photo-sunset.jpg"),
            "--say", "extract the key highlights and save them as separate clips",
            "--say", "extract metadata, generate a summary, and export a trimmed clip",
            "--say", "turn this image into a free downloadable video clip"], timeoutSeconds: 400);

        Assert.True(code == 0, stdout + stderr);
        foreach (var said in new[] { "> extract the key highlights", "> extract metadata, generate a summary", "> turn this image into" })
            Assert.Contains(said, stdout);
        await using var db = await ChatClientTests.DbAsync(server);
        var session = await db.Sessions.SingleAsync();
        var made = await db.Generated.Where(g => g.SessionId == session.Id).ToListAsync();
        Assert.Contains(made, g => g.Op == "highlights" && g.Kind == "video");                       // workflow 2: clips
        Assert.Contains(made, g => g.Op == "summarize" && g.Kind == "json");                         // workflow 5: summary
        Assert.Contains(made, g => g.Op == "trim" && g.Kind == "video");                             // workflow 5: trimmed clip
        var animated = Assert.Single(made, g => g.Op == "export" && g.Kind == "video");              // workflow 4: the still, moving
        Assert.Equal((1920, 1080), (animated.Width, animated.Height));
        Assert.InRange(animated.DurationMs ?? 0, 5_900, 6_100);
        Assert.Contains("cockatoo.mp4", stdout);                                                     // the metadata answer names the video
        Assert.DoesNotContain("Say \"export\"", stdout);                                           // exported in the same turn: no stale hint
    }

    [Fact]
    public async Task Photos_and_music_become_a_30_second_draft_with_music_and_text_through_the_client()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        var music = TestMedia.Generate("client-music.m4a", "-i", TestMedia.Real("audio/music-dont-wait-too-long.mkv"), "-t", "40", "-c:a", "aac", "-b:a", "96k");

        var (code, stdout, stderr) = await cli.RunAsync([TestMedia.Real("image/photo-skagen.jpg"), TestMedia.Real("image/photo-pool.jpg"), TestMedia.Real("image/photo-snow.jpg"), music,
            "--say", "把这些图片做成30秒的视频，加背景音乐和文字", "--say", "status"], timeoutSeconds: 300);

        Assert.True(code == 0, stdout + stderr);
        await using var db = await ChatClientTests.DbAsync(server);
        var session = await db.Sessions.SingleAsync();
        var json = await db.DraftRevisions.Where(r => r.Id == session.CurrentRevisionId).Select(r => r.Json).SingleAsync();
        using var draft = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(30_000, draft.RootElement.GetProperty("d").GetInt32());
        var types = draft.RootElement.GetProperty("t").EnumerateArray().Select(t => t.GetProperty("tt").GetInt32()).ToList();
        Assert.Contains(0, types);
        Assert.Contains(1, types);
        Assert.Contains(7, types);
        Assert.Contains("photo-skagen.jpg", stdout);    // "status" prints the timeline summary, named after the uploads
        Assert.Contains("告诉我“生成 MP4 成片”即可", stdout);  // not exported yet: the reply says how
    }

    [Fact]
    public async Task A_Chinese_request_in_a_terminal_streams_the_reply_with_one_live_progress_line_and_returns_to_the_prompt()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        using var term = Tmux.Start($"dotnet '{ChatCli.Dll}' chat --server {server.BaseUrl}", cli.WorkDir,
            new Dictionary<string, string> { ["CUTROOM_CONFIG_DIR"] = cli.ConfigDir, ["NO_COLOR"] = "1", ["DOTNET_NOLOGO"] = "1", ["LANG"] = "zh_CN.UTF-8" });
        await term.WaitForAsync("> ");
        term.TypeLine("上传 " + ChatExportTests.ShortClip());
        await term.WaitForAsync("Uploaded client-2s.mp4");

        term.TypeLine("把视频每隔10帧导出一张图片");
        var screen = await term.WaitForAsync("New files: 5 images, 1 archive.");
        await term.WaitForAsync("> ", times: 3);

        var lines = screen.Split('\n').Select(l => l.TrimEnd()).ToList();
        var asked = lines.IndexOf("> 把视频每隔10帧导出一张图片");
        Assert.True(asked >= 0, screen);
        // The live line was rewritten in place and cleared: no progress line is left on the screen.
        Assert.DoesNotContain(lines.Skip(asked + 1), l => l.Contains('%', StringComparison.Ordinal) && !l.Contains("http", StringComparison.Ordinal));
        Assert.Contains(lines.Skip(asked + 1), l => l.Contains("5 张", StringComparison.Ordinal));
        term.TypeLine("退出");
        Assert.Contains("EXITED:0", await term.WaitForAsync("EXITED:"));
    }

    [Fact]
    public async Task Out_of_credits_2001_shows_the_registration_link_and_exits_1()
    {
        await using var server = await LiveServer.StartAsync(o => o.Auth.SignupCredits = 1);
        using var cli = new ChatCli(server.BaseUrl);

        var (code, stdout, stderr) = await cli.RunAsync(["--upload", ChatExportTests.ShortClip(), "--say", "extract every 10th frame from my video as images"]);

        Assert.Equal(1, code);
        Assert.Matches(@"You're out of credits \(1 available, \d+ needed\)\. Register to get more and keep your work: http://127\.0\.0\.1:\d+/bind\?bind=[A-Za-z0-9_-]+", stderr);
        Assert.DoesNotContain("New files", stdout);
    }

    [Fact]
    public async Task A_request_the_agent_cannot_map_gets_its_helpful_answer_and_changes_nothing()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);

        var (code, json, stderr) = await cli.RunJsonAsync("--say", "what's the weather like on Mars?");

        Assert.True(code == 0, stderr);
        var step = json.GetProperty("steps")[1];
        Assert.True(step.GetProperty("text").GetArrayLength() > 0, stderr);
        Assert.Equal(0, step.GetProperty("generated").GetArrayLength());
        Assert.Equal("Timeline (0 tracks): empty", step.GetProperty("timeline_summary").GetString());
    }
}
