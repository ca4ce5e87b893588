namespace Cutroom.Agent.Execution;

/// <summary>What Cutroom can do, in a few lines: the <c>help</c> answer and the reply to requests outside it.</summary>
public static class Capabilities
{
    /// <summary>The list in English or Chinese.</summary>
    /// <param name="language"><c>en</c> or <c>zh</c>.</param>
    public static string Text(string language) => language == "zh"
        ? "我可以：导出视频帧（如“每隔10帧导出一张图片”）、生成封面图和缩略图网格；查看视频信息、生成摘要、提取精彩片段；剪辑（“保留0:10到0:30”）和转换格式（“转成1080p MP4”）；用图片、片段、标志和音乐做视频；让图片动起来；编辑时间线（添加/删除/移动/分割片段、变速、文字、背景音乐和音量、转场、画幅如抖音9:16、总时长）；撤销/重做；查看状态、积分；生成 MP4 成片。"
        : "I can: extract frames (\"every 10th frame as images\"), make a thumbnail or a contact sheet; read a video's metadata, summarise it, find its highlights; trim (\"keep 0:10 to 0:30\") and convert (\"into a 1080p MP4\"); make a video from photos, clips, a logo and music; animate a photo; edit the timeline (add, remove, move, split clips, speed, texts, background music and volume, transitions, aspect such as 9:16 for TikTok, total length); undo and redo; show the tracks and your credits; export.";
}
