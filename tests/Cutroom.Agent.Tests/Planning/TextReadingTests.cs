using Cutroom.Agent.Planning.BuiltIn.Text;

namespace Cutroom.Agent.Tests.Planning;

[Trait("Tier", "Fast")]
public sealed class TextReadingTests
{
    [Theory]
    [InlineData("90s", 90_000)]
    [InlineData("1:30", 90_000)]
    [InlineData("00:01:30.5", 90_500)]
    [InlineData("10:00", 600_000)]
    [InlineData("a minute and a half", 90_000)]
    [InlineData("one and a half minutes", 90_000)]
    [InlineData("half a minute", 30_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1 min 30", 90_000)]
    [InlineData("1.5 seconds", 1_500)]
    [InlineData("500ms", 500)]
    [InlineData("a 2-minute clip", 120_000)]
    [InlineData("twenty five seconds", 25_000)]
    [InlineData("1分30秒", 90_000)]
    [InlineData("一分半", 90_000)]
    [InlineData("半分钟", 30_000)]
    [InlineData("两分钟", 120_000)]
    [InlineData("第十秒", 10_000)]
    [InlineData("二十五秒", 25_000)]
    public void Times_are_read_as_milliseconds(string text, long expected) =>
        Assert.Equal([expected], Message.Parse(text).Times);

    [Theory]
    [InlineData("between 15 and 40 seconds", 15_000, 40_000)]
    [InlineData("10到20秒", 10_000, 20_000)]
    [InlineData("0:10-0:12", 10_000, 12_000)]
    public void A_range_gives_both_ends_the_unit_of_the_second(string text, long start, long end) =>
        Assert.Equal([start, end], Message.Parse(text).Times);

    [Theory]
    [InlineData("make it 9:16", "make it «r9:16»")]  // an aspect ratio is not a clock time
    [InlineData("every tenth frame", "every 10th frame")]
    [InlineData("十张图片", "10张图片")]
    [InlineData("百分之三十", "30%")]
    [InlineData("大一点", "大一点")]                    // "a bit bigger": no number here
    [InlineData("exract evry frme", "extract every frame")]
    [InlineData("send me the video", "send me the video")] // common words are never "corrected"
    [InlineData("the second one", "the second one")]
    public void Words_are_normalised_without_touching_what_is_not_a_number(string text, string expected) =>
        Assert.Equal(expected, Message.Parse(text).Text);

    [Fact]
    public void Quoted_words_are_kept_literally_and_out_of_the_rules()
    {
        var m = Message.Parse("add a title 'Black Friday: 50% OFF' and \"第二张\" and “夏季促销”");
        Assert.Equal(["Black Friday: 50% OFF", "第二张", "夏季促销"], m.Quotes);
        Assert.DoesNotContain("black", m.Text, StringComparison.Ordinal);
        Assert.Empty(m.Times);
    }

    [Theory]
    [InlineData("trim the first 3 seconds and add a title 'Sale' in red", 2)]
    [InlineData("combine these images into a 30-second video with background music and text overlays", 1)]
    [InlineData("extract metadata, generate a summary, and export a trimmed clip via API", 3)]
    [InlineData("提取视频信息，生成摘要，并导出剪辑后的片段", 3)]
    [InlineData("take frames at 0:05, 0:12 and 0:45", 1)]
    [InlineData("make a contact sheet and a thumbnail", 2)]
    [InlineData("swap the first and second photos", 1)]
    public void A_message_is_cut_into_one_clause_per_request(string text, int clauses) =>
        Assert.Equal(clauses, Message.Parse(text).Clauses().Count);
}
