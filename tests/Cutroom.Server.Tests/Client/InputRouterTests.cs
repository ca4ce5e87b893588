using Cutroom.Cli.Client;

namespace Cutroom.Server.Tests.Client;

[Trait("Tier", "Fast")]
public class InputRouterTests
{
    [Theory]
    [InlineData("export")]
    [InlineData("Export")]
    [InlineData("export 1080p MP4")]
    [InlineData("download")]
    [InlineData("download the video please")]
    [InlineData("send me the video")]
    [InlineData("Send me the video!")]
    [InlineData("ok, export it now")]
    [InlineData("export as webm")]
    [InlineData("导出")]
    [InlineData("导出视频")]
    [InlineData("请导出一下")]
    [InlineData("下载")]
    [InlineData("把视频导出吧")]
    [InlineData("导出 mp4")]
    public void Export_words_in_English_and_Chinese_route_to_export(string line) =>
        Assert.Equal(InputKind.Export, InputRouter.Route(line, _ => false).Kind);

    [Theory]
    [InlineData("credits")]
    [InlineData("balance")]
    [InlineData("how many credits do I have left?")]
    [InlineData("check my balance")]
    [InlineData("积分")]
    [InlineData("余额")]
    [InlineData("我还有多少积分？")]
    [InlineData("查看余额")]
    public void Credit_words_in_English_and_Chinese_route_to_credits(string line) =>
        Assert.Equal(InputKind.Credits, InputRouter.Route(line, _ => false).Kind);

    [Theory]
    [InlineData("status")]
    [InlineData("show tracks")]
    [InlineData("show me the timeline")]
    [InlineData("what's on the timeline?")]
    [InlineData("状态")]
    [InlineData("查看状态")]
    [InlineData("显示轨道")]
    [InlineData("当前时间线")]
    public void Status_words_in_English_and_Chinese_route_to_the_timeline_summary(string line) =>
        Assert.Equal(InputKind.Status, InputRouter.Route(line, _ => false).Kind);

    [Theory]
    [InlineData("extract every 10th frame from my video as images")]
    [InlineData("extract metadata, generate a summary, and export a trimmed clip via API")]
    [InlineData("turn this image into a free downloadable video clip")]
    [InlineData("extract the key highlights and save them as separate clips")]
    [InlineData("combine these images into a 30-second video with background music and text overlays")]
    [InlineData("add end credits")]
    [InlineData("add a text track that says hello")]
    [InlineData("remove the music track")]
    [InlineData("undo")]
    [InlineData("把视频每隔10帧导出一张图片")]
    [InlineData("提取视频信息，生成摘要，并导出剪辑后的片段")]
    [InlineData("把这张图片变成一个视频")]
    [InlineData("提取精彩片段，分别保存成单独的视频")]
    [InlineData("帮我截一张封面图")]
    [InlineData("make it 9:16")]
    [InlineData("clip.mp4")]
    public void Requests_that_merely_contain_a_routing_word_still_reach_the_agent(string line) =>
        Assert.Equal(InputKind.Chat, InputRouter.Route(line, _ => false).Kind);

    [Theory]
    [InlineData("exit", InputKind.Exit)]
    [InlineData("QUIT", InputKind.Exit)]
    [InlineData("退出", InputKind.Exit)]
    [InlineData("help", InputKind.Help)]
    [InlineData("帮助", InputKind.Help)]
    [InlineData("   ", InputKind.Empty)]
    public void Exit_help_and_blank_lines_are_recognised(string line, InputKind kind) =>
        Assert.Equal(kind, InputRouter.Route(line, _ => false).Kind);

    [Fact]
    public void Upload_and_its_Chinese_word_take_the_paths_that_follow()
    {
        var en = InputRouter.Route("upload '/tmp/My Clips/a b.mp4' /tmp/c.jpg", _ => false);
        Assert.Equal(InputKind.Upload, en.Kind);
        Assert.Equal(["/tmp/My Clips/a b.mp4", "/tmp/c.jpg"], en.Paths);
        var zh = InputRouter.Route("上传 /tmp/视频/家庭.mp4", _ => false);
        Assert.Equal(InputKind.Upload, zh.Kind);
        Assert.Equal(["/tmp/视频/家庭.mp4"], zh.Paths);
        Assert.Equal(["/tmp/x.mp4"], InputRouter.Route("上传/tmp/x.mp4", _ => false).Paths);
        var bare = InputRouter.Route("upload", _ => false);
        Assert.Equal(InputKind.Upload, bare.Kind);
        Assert.Empty(bare.Paths);
    }

    [Theory]
    [InlineData("preview", null)]
    [InlineData("Preview", null)]
    [InlineData("/preview", null)]
    [InlineData("preview out.mp4", "out.mp4")]
    [InlineData("preview '/tmp/my previews/a.mp4'", "/tmp/my previews/a.mp4")]
    [InlineData("预览", null)]
    [InlineData("预览 /tmp/预览.mp4", "/tmp/预览.mp4")]
    public void Preview_and_its_Chinese_word_save_the_draft_preview_to_an_optional_file(string line, string? path)
    {
        var routed = InputRouter.Route(line, _ => false);
        Assert.Equal(InputKind.Preview, routed.Kind);
        Assert.Equal(path is null ? [] : [path], routed.Paths);
    }

    [Theory]
    [InlineData("preview the highlights")]
    [InlineData("preview it with a red title")]
    [InlineData("预览一下加了标题的效果")]
    public void Requests_that_start_with_preview_but_name_no_file_reach_the_agent(string line) =>
        Assert.Equal(InputKind.Chat, InputRouter.Route(line, _ => false).Kind);

    [Fact]
    public void A_file_dropped_into_the_terminal_is_an_upload_however_the_terminal_quotes_it()
    {
        using var dir = new TempDir();
        var spaced = dir.File("My Holiday (2024).mp4");
        var quoted = dir.File("it's \"fine\".png");
        var plain = dir.File("clip.mov");
        foreach (var f in new[] { spaced, quoted, plain }) File.WriteAllText(f, "x");

        Assert.Equal([spaced], InputRouter.Route($"'{spaced}' ").Paths);                                   // GNOME Terminal: single quotes and a space
        Assert.Equal([spaced], InputRouter.Route(spaced.Replace(" ", "\\ ", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal)).Paths); // backslash escapes
        Assert.Equal([spaced], InputRouter.Route(spaced).Paths);                                           // pasted as is, spaces and all
        Assert.Equal([spaced], InputRouter.Route($"\"{spaced}\"").Paths);                                 // double quotes
        Assert.Equal([quoted], InputRouter.Route("'" + quoted.Replace("'", "'\\''", StringComparison.Ordinal) + "'").Paths); // a quote inside single quotes
        Assert.Equal([spaced], InputRouter.Route("file://" + spaced.Replace(" ", "%20", StringComparison.Ordinal)).Paths); // a file URL
        var two = InputRouter.Route($"'{spaced}' {plain}");
        Assert.Equal(InputKind.Upload, two.Kind);
        Assert.Equal([spaced, plain], two.Paths);
        Assert.Equal(InputKind.Chat, InputRouter.Route(dir.File("missing.mp4")).Kind);                     // not a file: a message
    }

    [Theory]
    [InlineData("a 'b c' d", new[] { "a", "b c", "d" })]
    [InlineData("My\\ Video.mp4", new[] { "My Video.mp4" })]
    [InlineData("\"say \\\"hi\\\"\" x", new[] { "say \"hi\"", "x" })]
    [InlineData("'it'\\''s'", new[] { "it's" })]
    public void Shell_words_follow_posix_quoting(string line, string[] words) => Assert.Equal(words, ShellWords.Split(line));

    [Fact]
    public void An_unclosed_quote_is_not_a_list_of_words() => Assert.Null(ShellWords.Split("'/tmp/a.mp4"));
}
