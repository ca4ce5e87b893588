using Cutroom.Agent.Execution.Executors;
using Cutroom.Agent.Planning.BuiltIn;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Tests.Planning;

/// <summary>
/// What the seeds' requests must plan (issue 21): a trim followed by "export the trimmed clip" ends with
/// the export of that range; "my video" after a second upload is the latest upload and the reply says
/// so; an export's reply names its size, 1080p unless the user asked otherwise.
/// </summary>
[Trait("Tier", "Fast")]
public sealed class SeedPromisePlanTests
{
    private static string Calls(string message, string state) =>
        string.Join(" ; ", new BuiltInPlanner().Plan(message, Corpus.State(state)).Calls);

    [Theory]
    [InlineData("trim it to 0:10-0:30 and export the trimmed clip")]
    [InlineData("把视频剪到0:10到0:30，然后导出剪好的片段")]
    public void A_range_then_export_the_trimmed_clip_is_that_range_exported(string message) =>
        Assert.Equal("trim {\"media\":\"med_1\",\"start_ms\":10000,\"end_ms\":30000} ; export {}", Calls(message, "video"));

    [Theory]
    [InlineData("extract metadata, generate a summary, and export a trimmed clip via API")]
    [InlineData("提取视频信息，生成摘要，并导出剪辑后的片段")]
    public void The_seeds_trimmed_clip_request_ends_with_the_export(string message)
    {
        var calls = new BuiltInPlanner().Plan(message, Corpus.State("video")).Calls;
        Assert.Equal(["probe", "summarize", "trim", "export"], calls.Select(c => c.Name));
    }

    [Theory]
    [InlineData("en", "extract every 10th frame from my video", "broll.mp4, your latest upload")]
    [InlineData("zh", "把我的视频每隔10帧导出一张图片", "最新上传的 broll.mp4")]
    public void My_video_after_two_uploads_is_the_latest_and_the_reply_says_which(string language, string message, string note)
    {
        var plan = new BuiltInPlanner().Plan(message, Corpus.State("twovideos"), language);
        Assert.Equal("extract_frames {\"media\":\"med_2\",\"every_n\":10}", Assert.Single(plan.Calls).ToString());
        Assert.Contains(note, Assert.Single(plan.Notes), StringComparison.Ordinal);
        Assert.Contains(note, plan.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_video_is_used_without_a_note()
    {
        var plan = new BuiltInPlanner().Plan("extract every 10th frame from interview.mp4", Corpus.State("twovideos"));
        Assert.Equal("med_1", plan.Calls[0].GetString("media"));
        Assert.Empty(plan.Notes);
    }

    [Theory]
    [InlineData("export", "en", "1920x1080 MP4")]
    [InlineData("export 720p", "en", "1280x720 MP4")]
    [InlineData("导出", "zh", "1920x1080 的 MP4")]
    public void The_export_reply_says_the_size_it_will_have(string message, string language, string size) =>
        Assert.Contains(size, new BuiltInPlanner().Plan(message, Corpus.State("video"), language).Reply, StringComparison.Ordinal);

    [Fact]
    public void Chinese_replies_never_ask_for_the_word_daochu_and_what_they_ask_for_plans_the_export()
    {
        Assert.DoesNotContain("导出", Turns.EditAgent.ExportHintZh, StringComparison.Ordinal);
        var asked = System.Text.RegularExpressions.Regex.Match(Turns.EditAgent.ExportHintZh, "“(.+?)”").Groups[1].Value;
        Assert.Equal("export", Assert.Single(new BuiltInPlanner().Plan(asked, Corpus.State("slideshow")).Calls).Name);
        Assert.DoesNotContain("导出。", BuiltInPlanner.HelpText("zh"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1280, 720, null, null, 1920, 1080)]    // a smaller canvas is exported at 1080p
    [InlineData(720, 1280, null, null, 1080, 1920)]    // portrait too
    [InlineData(1920, 1080, 720, null, 1280, 720)]     // the height the user asked for
    [InlineData(640, 360, 2160, null, 1920, 1080)]     // never over the limits
    [InlineData(1920, 1080, null, 240, 426, 240)]      // the setting caps it
    [InlineData(1080, 1080, null, null, 1080, 1080)]
    public void The_export_size_is_1080p_unless_asked_otherwise(int w, int h, int? asked, int? max, int ew, int eh)
    {
        var draft = Draft.Create(w, h);
        Assert.Equal((ew, eh), ExportExecutor.Size(draft, asked, max));
    }
}
