using System.Text.Json;

namespace Cutroom.Cli.Tests;

public class JobCommandTests
{
    [Fact]
    public void Frames_every_10th_of_cockatoo_writes_28_images_and_a_manifest()
    {
        using var dir = new TempDir();
        var (code, stdout, stderr) = CutroomCli.Run("frames", TestMedia.Real("video/cockatoo.mp4"), "--every", "10", "--out", dir.File("frames"));

        Assert.True(code == 0, stderr);
        Assert.Contains("28 images (every 10th frame)", stdout);
        var files = Directory.GetFiles(dir.File("frames"));
        Assert.Equal(29, files.Length);
        Assert.Contains(files, f => f.EndsWith("frame_000270_00-00-13.500.jpg", StringComparison.Ordinal));
        using var manifest = JsonDocument.Parse(File.ReadAllText(dir.File("frames/frames.json")));
        Assert.Equal(28, manifest.RootElement.GetProperty("frames").GetArrayLength());
    }

    [Fact]
    public void Frames_json_output_lists_the_frames()
    {
        using var dir = new TempDir();
        var (code, stdout, _) = CutroomCli.Run("frames", TestMedia.Real("video/blupi-play101.mkv"), "--count", "3", "--json", "--out", dir.File("f"));
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(3, doc.RootElement.GetProperty("frames").GetArrayLength());
    }

    [Theory]
    [InlineData(new[] { "--every", "10", "--count", "3" }, "give exactly one selector: every, fps, at, interval, keyframes or count")]
    [InlineData(new[] { "--at", "20" }, "--at: 0:20.000 is beyond the end of the video (0:14.000)")]
    [InlineData(new[] { "--at", "1.5x" }, "--at: '1.5x' is not a time (examples: 1.5, 90s, 1:30, 00:01:02.250, 250ms)")]
    [InlineData(new[] { "--every", "0" }, "--every: must be 1 or more")]
    [InlineData(new[] { "--count", "10001" }, "--count: must be between 1 and 10000")]
    [InlineData(new[] { "--fps", "fast" }, "--fps: 'fast' is not a rate (examples: 1, 0.5, 30000/1001)")]
    public void Bad_frame_options_give_one_line_exit_2_and_no_folder(string[] options, string message)
    {
        using var dir = new TempDir();
        var (code, stdout, stderr) = CutroomCli.Run(["frames", TestMedia.Real("video/cockatoo.mp4"), "--out", dir.File("out"), .. options]);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"cutroom: {message}", stderr.Trim());
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("missing", 2)]      // not_found
    [InlineData("empty", 2)]        // unsupported_media
    [InlineData("text", 2)]         // unsupported_media
    [InlineData("hls", 2)]          // unsupported_media
    [InlineData("truncated", 1)]    // media_unreadable
    public void Frames_of_bad_input_fail_in_one_line_and_leave_nothing(string kind, int exitCode)
    {
        using var dir = new TempDir();
        var input = BadInput.Make(kind, dir);
        var before = Directory.EnumerateFileSystemEntries(dir.Path).ToList();
        var (code, stdout, stderr) = CutroomCli.Run("frames", input, "--every", "10", "--out", dir.File("out"));
        Assert.Equal(exitCode, code);
        Assert.Equal("", stdout);
        var lines = stderr.Trim().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("cutroom: ", lines[0]);
        Assert.DoesNotContain(dir.Path, stderr);
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(dir.Path).ToList());
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_named_by_its_flag_and_the_json_error_carries_the_code()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("busy"));
        File.WriteAllText(dir.File("busy/keep.txt"), "mine");
        var (code, stdout, stderr) = CutroomCli.Run("frames", Cockatoo(), "--every", "10", "--out", dir.File("busy"), "--json");
        Assert.Equal(2, code);
        Assert.Equal("cutroom: --out: folder 'busy' is not empty; choose a new or empty folder", stderr.Trim());
        using var doc = JsonDocument.Parse(stdout);
        var error = doc.RootElement.GetProperty("error");
        Assert.Equal(("output_exists", "bad_input", "--out"), (error.GetProperty("code").GetString(), error.GetProperty("kind").GetString(), error.GetProperty("field").GetString()));
    }

    [Fact]
    public void A_contact_sheet_with_too_many_columns_names_the_cols_flag()
    {
        using var dir = new TempDir();
        var (code, _, stderr) = CutroomCli.Run("contact-sheet", Cockatoo(), "-o", dir.File("s.jpg"), "--cols", "11");
        Assert.Equal(2, code);
        Assert.Equal("cutroom: --cols: must be between 1 and 10", stderr.Trim());
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    private static string Cockatoo() => TestMedia.Real("video/cockatoo.mp4");

    [Fact]
    public void A_wrong_option_value_is_a_usage_error()
    {
        var (code, _, stderr) = CutroomCli.Run("frames", "x.mp4", "--out", "o", "--every", "ten");
        Assert.Equal(2, code);
        Assert.StartsWith("cutroom: ", stderr);
    }

    [Fact]
    public void Thumbnail_and_contact_sheet_write_their_images()
    {
        using var dir = new TempDir();
        var video = TestMedia.Real("video/blupi-history2.mkv");
        var t = CutroomCli.Run("thumbnail", video, "-o", dir.File("t.png"), "--json");
        Assert.True(t.Code == 0, t.Stderr);
        Assert.Equal(320, JsonDocument.Parse(t.Stdout).RootElement.GetProperty("width").GetInt32());
        var s = CutroomCli.Run("contact-sheet", video, "-o", dir.File("s.jpg"), "--cols", "3", "--rows", "2");
        Assert.True(s.Code == 0, s.Stderr);
        Assert.True(File.Exists(dir.File("s.jpg")));
        Assert.Equal(2, Directory.EnumerateFileSystemEntries(dir.Path).Count());
    }

    [Fact]
    public void Create_writes_a_draft_and_a_video_and_render_renders_the_draft_again()
    {
        using var dir = new TempDir();
        var (code, _, stderr) = CutroomCli.Run("create", TestMedia.Real("image/photo-snow.jpg"), TestMedia.Real("image/photo-pool.jpg"),
            "--title", "He said: \"50% off\" \\ 中文", "--music", TestMedia.Real("audio/toy-mono.wav"), "--duration", "3",
            "--size", "320x180", "--quality", "low", "-o", dir.File("a.mp4"), "--draft-out", dir.File("d.json"));
        Assert.True(code == 0, stderr);
        var render = CutroomCli.Run("render", dir.File("d.json"), "-o", dir.File("b.mp4"), "--quality", "low", "--json");
        Assert.True(render.Code == 0, render.Stderr);
        using var doc = JsonDocument.Parse(render.Stdout);
        Assert.Equal(90, doc.RootElement.GetProperty("frames").GetInt64());
        Assert.Equal(3000, doc.RootElement.GetProperty("duration_ms").GetInt64());
    }

    [Fact]
    public void Rendering_an_invalid_draft_names_every_problem_by_json_path()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("d.json"), """{"v":1,"w":4000,"h":1080,"fps":30,"t":[{"id":"v","tt":0,"sg":[{"id":"a","src":"med_x","st":0,"d":-5}]}]}""");
        var (code, stdout, stderr) = CutroomCli.Run("render", dir.File("d.json"), "-o", dir.File("x.mp4"));
        Assert.Equal(2, code); // a bad draft is bad input
        Assert.Equal("", stdout);
        Assert.Contains("w: ", stderr);
        Assert.Contains("t[0].sg[0].d: ", stderr);
        Assert.False(File.Exists(dir.File("x.mp4")));
        Assert.Single(Directory.EnumerateFileSystemEntries(dir.Path));
    }
}
