using System.Globalization;
using System.Text.RegularExpressions;
using Cutroom.Agent.Planning.BuiltIn.Refs;
using Cutroom.Agent.Planning.BuiltIn.Text;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Planning.BuiltIn.Intents;

/// <summary>Frames as images (every Nth, N per second, at times, every interval, keyframes, a count), a thumbnail, a contact sheet.</summary>
internal static partial class FrameIntents
{
    [GeneratedRegex(@"\b(?:frames?|keyframes?|key frames?|i-frames?|screenshots?|snapshots?|screen ?grabs?|screencaps?|stills?)\b|关键帧|帧(?!率)|截图|截\d*张|截取.*(?:画面|图)|(?:导出|提取|截取|抽取|取).*(?:图片|画面|张)|画面")]
    private static partial Regex FrameWords();

    [GeneratedRegex(@"\b(?:images|pictures|pics|photos|jpgs|pngs)\b")]
    private static partial Regex ImagesFromVideo();

    [GeneratedRegex(@"\b(?:thumbnail|thumbnails|cover image|cover photo|cover frame|cover pic|poster frame|poster image|cover)\b|封面|缩略图(?!网格|墙)")]
    private static partial Regex ThumbnailWords();

    [GeneratedRegex(@"\bcontact ?sheet\b|\bgrid\b|overview image|preview image|预览图|宫格|缩略图网格|缩略图墙|拼图")]
    private static partial Regex SheetWords();

    [GeneratedRegex(@"(\d+)\s*[x×*]\s*(\d+)")]
    private static partial Regex Grid();

    [GeneratedRegex(@"(\d+)宫格")]
    private static partial Regex ChineseGrid();

    [GeneratedRegex(@"every (\d+)(?:st|nd|rd|th)?\s*(?:frames?|one)|1 (?:frame )?(?:in|out of) (\d+)(?: frames)?|每隔?(\d+)帧|每(\d+)帧")]
    private static partial Regex EveryN();

    [GeneratedRegex(@"every (?:other|second|2nd) frame")]
    private static partial Regex EveryOther();

    [GeneratedRegex(@"\bevery frame\b|\ball (?:the )?frames\b|\beach frame\b|每1帧|每一帧|所有帧|全部帧|逐帧")]
    private static partial Regex EveryFrame();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*(?:frames?|screenshots?|images?|pics?|stills?|snapshots?)?\s*(?:per|a|each) second|(\d+(?:\.\d+)?)\s*fps\b|每秒(?:钟)?(?:截|导出|提取|取|抽)?(\d+(?:\.\d+)?)\s*(?:帧|张)|每秒(?:钟)?(?:截|导出|提取|取|抽)(?:1|一)?(?:张|帧)?")]
    private static partial Regex Fps();

    [GeneratedRegex(@"(?:every|each|once every|once each)\s+(«t\d+»)|每隔?\s*(«t\d+»)")]
    private static partial Regex Interval();

    [GeneratedRegex(@"\bat\s+((?:«t\d+»(?:\s*(?:,|and|&)\s*)*)+)|在\s*(«t\d+»)|(«t\d+»)\s*(?:处|时|的画面|的那一帧)")]
    private static partial Regex At();

    [GeneratedRegex(@"(?<!every |每隔|每)(\d+)\s*(?:frames?|screenshots?|snapshots?|stills?|images?|pictures?|pics?|thumbnails?|张|帧)")]
    private static partial Regex Count();

    [GeneratedRegex(@"«t\d+»")]
    private static partial Regex AnyTime();

    [GeneratedRegex(@"(\d{2,4})\s*(?:px\s*)?(?:wide|width|pixels wide)|width\s*(?:of\s*)?(\d{2,4})|宽度?\s*(\d{2,4})|(\d{2,4})\s*px")]
    private static partial Regex Width();

    public static Step? Try(Clause c, PlanContext ctx)
    {
        var sheet = c.Find(SheetWords()) is not null;
        var thumb = !sheet && c.Find(ThumbnailWords()) is not null && !c.Has("for thumbnail", "for thumbnails", "for a thumbnail", "for my thumbnails");
        var frames = !sheet && !thumb && (c.Find(FrameWords()) is not null || c.Find(ImagesFromVideo()) is not null && c.Has("extract", "grab", "pull", "export", "take", "get", "save") && ctx.MediaOf(MediaKind.Video).Count > 0);
        if (frames && c.Has("frame rate", "framerate", "帧率") && c.Find(EveryN()) is null) return null;
        if (!sheet && !thumb && !frames) return null;
        if (frames && !c.Has("extract", "grab", "pull", "pulling", "export", "take", "get", "save", "give", "want", "need", "capture", "frames", "frame", "keyframes", "screenshot", "screenshots", "导出", "提取", "截", "抽", "取", "要")) return null;

        var video = References.Media(c, ctx, MediaKind.Video);
        if (video.Value is not { } media)
            return Step.AskForVideo(ctx, video.Ambiguous);
        if (sheet)
        {
            int? cols = null, rows = null;
            if (c.Find(Grid()) is { } g) { cols = Int(g.Groups[1].Value); rows = Int(g.Groups[2].Value); }
            else if (c.Has("九宫格")) { cols = 3; rows = 3; }
            else if (c.Find(ChineseGrid()) is { } cg && Math.Sqrt(Int(cg.Groups[1].Value)) is var side && side == Math.Floor(side)) { cols = (int)side; rows = (int)side; }
            return Step.Call(ToolNames.ContactSheet, new ContactSheetArgs { Media = media.Id, Cols = cols, Rows = rows });
        }
        if (thumb)
        {
            var times = c.AllTimes;
            return Step.Call(ToolNames.Thumbnail, new ThumbnailArgs { Media = media.Id, AtMs = times.Count > 0 ? times[0] : null });
        }
        return Step.Call(ToolNames.ExtractFrames, Frames(c, media));
    }

    private static ExtractFramesArgs Frames(Clause c, Sessions.SessionMedia media)
    {
        int? everyN = null, count = null;
        double? fps = null;
        long? interval = null;
        List<long>? at = null;
        bool? keyframes = null;
        var text = c.Text;
        var (start, end) = TrimIntents.Range(c, media.DurationMs);
        if (start is not null || end is not null) text = TrimIntents.RemoveRange(text);
        var scoped = new Clause(text, c.Message);

        if (scoped.Has("keyframes", "keyframe", "key frames", "key frame", "i-frames", "i-frame", "关键帧")) keyframes = true;
        else if (scoped.Find(EveryOther()) is not null) everyN = 2;
        else if (scoped.Find(EveryN()) is { } n) everyN = Int(n.Groups.Values.Skip(1).First(g => g.Success).Value);
        else if (scoped.Find(EveryFrame()) is not null) everyN = 1;
        else if (scoped.Find(Fps()) is { } f) fps = f.Groups.Values.Skip(1).FirstOrDefault(g => g.Success) is { } v ? double.Parse(v.Value, CultureInfo.InvariantCulture) : 1;
        else if (scoped.Find(Interval()) is { } i) interval = scoped.Time(i.Value);
        else if (scoped.Find(At()) is { } a) at = [.. AnyTime().Matches(a.Value).Select(t => scoped.Time(t.Value))];
        else if (scoped.Find(Count()) is { } k && Int(k.Groups[1].Value) >= 2) count = Int(k.Groups[1].Value);

        string? format = scoped.Has("png") ? "png" : scoped.Has("webp") ? "webp" : scoped.Has("jpg", "jpeg") ? "jpg" : null;
        int? width = scoped.Find(Width()) is { } w ? Int(w.Groups.Values.Skip(1).First(g => g.Success).Value) : null;
        return new ExtractFramesArgs
        {
            Media = media.Id, EveryN = everyN, Fps = fps, AtMs = at, IntervalMs = interval, Keyframes = keyframes, Count = count,
            Format = format, Width = width, StartMs = start, EndMs = end,
        };
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
