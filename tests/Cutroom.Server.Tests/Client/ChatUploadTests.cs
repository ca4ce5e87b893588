using Cutroom.Server.Tests.Infrastructure;

namespace Cutroom.Server.Tests.Client;

/// <summary><c>cutroom chat --upload</c> and dropped files against a real server.</summary>
public class ChatUploadTests
{
    [Fact]
    public async Task An_upload_from_a_folder_with_spaces_lands_on_the_timeline_and_status_shows_it()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("My Clips"));
        var clip = dir.File("My Clips/short clip.mp4");
        File.Copy(ChatExportTests.ShortClip(), clip);

        var (code, stdout, stderr) = await cli.RunAsync([clip, "--say", "status"]);                 // a file argument is an upload, as --upload

        Assert.True(code == 0, stderr);
        Assert.Contains("Uploaded short clip.mp4 (video, 0:02, 320x240).", stdout);
        Assert.Contains("Timeline (1 track): 1. Video: short clip.mp4 (0-2s)", stdout);
        Assert.Contains("Version 1 · 1 upload", stdout);
    }

    [Fact]
    public async Task Photos_and_music_upload_together_and_are_described_by_kind()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);

        var (code, json, stderr) = await cli.RunJsonAsync(TestMedia.Real("image/photo-grand-canyon-1.jpg"), "--upload", TestMedia.Real("audio/toy-mono.wav"));

        Assert.True(code == 0, stderr);
        Assert.Contains("Uploaded photo-grand-canyon-1.jpg (image, ", stderr);
        Assert.Contains("Uploaded toy-mono.wav (audio, 0:", stderr);
        var files = json.GetProperty("steps")[1].GetProperty("files");
        Assert.Equal(["image"], files.EnumerateArray().Select(f => f.GetProperty("kind").GetString()));
        Assert.Equal(["audio"], json.GetProperty("steps")[2].GetProperty("files").EnumerateArray().Select(f => f.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task A_text_file_named_mp4_is_refused_with_the_accepted_formats_and_exits_1()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        using var dir = new TempDir();
        var fake = dir.File("notes.mp4");
        File.WriteAllText(fake, "these are my notes, not a video\n");

        var (code, json, stderr) = await cli.RunJsonAsync("--upload", fake, "--say", "status");

        Assert.Equal(1, code);
        Assert.Contains("notes.mp4", stderr);
        Assert.Contains("Nothing from this upload was kept.", stderr);
        Assert.Contains("Accepted formats: mp4, mov, avi, webm, mkv, jpg, jpeg, png, gif, webp, mp3, wav, m4a, aac.", stderr);
        Assert.Equal(4001, json.GetProperty("steps")[1].GetProperty("code").GetInt32());
        Assert.Equal(2, json.GetProperty("steps").GetArrayLength());                 // the status step never ran
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_the_limit_and_compress_or_trim_advice()
    {
        await using var server = await LiveServer.StartAsync(o => o.Upload.MaxFileBytes = 100 * 1024);
        using var cli = new ChatCli(server.BaseUrl);

        var (code, stdout, stderr) = await cli.RunAsync(["--upload", TestMedia.Real("video/cockatoo.mp4")]);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Contains("cockatoo.mp4 is too large: the limit is 100 KB per file.", stderr);
        Assert.Contains("Compress it (a lower bitrate or resolution) or trim it to the part you need, then upload it again.", stderr);
    }

    [Fact]
    public async Task A_missing_file_is_said_without_asking_the_server()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        var (code, _, stderr) = await cli.RunAsync(["--upload", "/nonexistent/clip.mp4"]);
        Assert.Equal(1, code);
        Assert.Contains("No such file: /nonexistent/clip.mp4.", stderr);
    }

    [Fact]
    public async Task A_file_dropped_into_the_terminal_is_uploaded()
    {
        await using var server = await LiveServer.StartAsync();
        using var cli = new ChatCli(server.BaseUrl);
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("Holiday 2024"));
        var clip = dir.File("Holiday 2024/beach day.mp4");
        File.Copy(ChatExportTests.ShortClip(), clip);
        using var term = Tmux.Start($"dotnet '{ChatCli.Dll}' chat --server {server.BaseUrl}", cli.WorkDir,
            new Dictionary<string, string> { ["CUTROOM_CONFIG_DIR"] = cli.ConfigDir, ["NO_COLOR"] = "1", ["DOTNET_NOLOGO"] = "1" });
        await term.WaitForAsync("> ");

        term.TypeLine($"'{clip}' ");                                                   // as GNOME Terminal drops it
        await term.WaitForAsync("Uploaded beach day.mp4 (video, 0:02, 320x240).");
        term.TypeLine("show tracks");
        await term.WaitForAsync("Timeline (1 track): 1. Video: beach day.mp4 (0-2s)");
        term.TypeLine("exit");
        Assert.Contains("EXITED:0", await term.WaitForAsync("EXITED:"));
    }
}
