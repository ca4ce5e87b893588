namespace Cutroom.Agent.Tests.Planning;

[Trait("Tier", "Fast")]
public sealed class WorkflowRequestsTests
{
    // Every example request of ../shared/docs/workflows.md, verbatim.
    public static TheoryData<string> Requests =>
    [
        "extract every 10th frame from my video as images",
        "pulling individual frames from videos for thumbnails or editing",
        "extract a 2-minute MP4 video clip into a 1080p MP4",
        "把视频每隔10帧导出一张图片",
        "帮我截一张封面图",
        "extract the key highlights and save them as separate clips",
        "extract my video files",
        "export 1080p MP4",
        "提取精彩片段，分别保存成单独的视频",
        "create five product photos and a logo file into a 1080p MP4",
        "combine these images into a 30-second video with background music and text overlays",
        "把这些图片做成30秒的视频，加背景音乐和文字",
        "turn this image into a free downloadable video clip",
        "convert three product photos or a landscape image into a 1080p MP4",
        "把这张图片变成一个视频",
        "extract metadata, generate a summary, and export a trimmed clip via API",
        "convert a 2-minute MP4 product demo video into a 1080p MP4",
        "提取视频信息，生成摘要，并导出剪辑后的片段",
    ];

    [Theory]
    [MemberData(nameof(Requests))]
    public void Every_example_request_of_the_workflows_is_in_the_corpus(string request) =>
        Assert.Contains(Corpus.Cases(), c => c.Message == request);
}
