using System.Globalization;
using System.Text.RegularExpressions;
using Cutroom.Agent.Planning.BuiltIn.Refs;
using Cutroom.Agent.Planning.BuiltIn.Text;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;
using Cutroom.Agent.Tools.Args;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Planning.BuiltIn.Intents;

/// <summary>
/// Creation from uploads: a slideshow/montage of the photos and clips (<c>create_video</c>) or one
/// photo with a camera motion (<c>animate_image</c>), chosen by how many pictures the request
/// names; a request for a file ("into a 1080p MP4", "downloadable") also exports.
/// </summary>
internal static partial class CreateIntents
{
    [GeneratedRegex(@"\b(?:combine|create|make|turn|put|merge|compile|assemble|join|stitch|convert|build|produce|generate|use)\b|合成|做成|做一个|做个|制作|拼成|拼接|生成|变成|转成|转为|弄成|用")]
    private static partial Regex Verb();

    [GeneratedRegex(@"\b(?:video|videos|movie|film|clip|slideshow|slide show|montage|reel|mp4|together|into 1|into one|tiktok|short|story)\b|视频|短片|影片|幻灯片|动画|mp4")]
    private static partial Regex Product();

    [GeneratedRegex(@"\b(?:these|those|all|my photos|my pictures|my images|my pics|photos|images|pictures|pics|shots|clips|videos)\b|这些|所有|全部|(?<!第)\d+\s*张|几张")]
    private static partial Regex Plural();

    [GeneratedRegex(@"\b(?:this|that|the|my|a|one|single)\s+(?:\w+\s+)?(?:image|photo|picture|pic|still)\b|这张|这幅|那张|这个图|单张|一张图")]
    private static partial Regex Single();

    [GeneratedRegex(@"\banimate\b|image to video|photo to video|picture to video|img2vid|(?:picture|photo|image|pic) (?:to )?move|bring .* to life|图片转视频|照片转视频|图转视频|动起来|动态效果|让.*动")]
    private static partial Regex Animate();

    [GeneratedRegex(@"\bslide ?show\b|\bmontage\b|幻灯片|相册视频|电子相册")]
    private static partial Regex Slideshow();

    [GeneratedRegex(@"\b(?:text overlays?|texts|captions?|subtitles?|words|text)\b|文字|字幕|文案")]
    private static partial Regex Overlays();

    [GeneratedRegex(@"^(?:img|dsc|dscn|pxl|mvimg|screenshot|photo|image|pic|wp|vid)?[\s_-]*\d+[\d_\s-]*$")]
    private static partial Regex CameraName();

    public static Step? Try(Clause c, PlanContext ctx)
    {
        var images = ctx.MediaOf(MediaKind.Image).Where(m => !PlanContext.IsLogo(m)).ToList();
        var videos = ctx.MediaOf(MediaKind.Video);
        var pictures = c.Has(Words.Pictures) || References.Named(c, images).Count > 0;
        var slideshow = c.Find(Slideshow()) is not null;
        var animateWords = c.Find(Animate()) is not null || Motion(c) is not null && pictures && !c.Has("transition", "transitions", "转场");
        var createWords = slideshow || c.Find(Verb()) is not null && c.Find(Product()) is not null && (pictures || c.Has("clips", "素材"));
        if (!animateWords && !createWords) return null;
        if (c.Has("frame", "frames", "thumbnail", "帧", "封面", "截图") && !pictures) return null;

        var plural = c.Find(Plural()) is not null;
        var single = c.Find(Single()) is not null || Ordinals.All(c).Count > 0 || References.Named(c, images).Count == 1;
        bool animate;
        if (slideshow) animate = false;
        else if (plural) animate = images.Count == 1 && videos.Count == 0;
        else if (animateWords || single) animate = images.Count > 0 || videos.Count == 0;
        else animate = images.Count == 1 && videos.Count == 0;
        return animate ? AnimateStep(c, ctx) : CreateStep(c, ctx, images, videos);
    }

    private static Step AnimateStep(Clause c, PlanContext ctx)
    {
        var image = References.Media(c, ctx, MediaKind.Image);
        if (image.Value is not { } media)
            return image.Ambiguous
                ? Step.Ask(ctx, "Which photo should I animate? Say e.g. \"the second photo\" or its file name.", "要让哪张图片动起来？例如“第二张图片”或文件名。")
                : Step.Ask(ctx, "Upload a photo first (JPG, PNG, WEBP or HEIC), then ask me to turn it into a video.", "请先上传一张图片（JPG、PNG、WEBP 或 HEIC），再让我把它变成视频。");
        var args = new AnimateImageArgs
        {
            Media = media.Id,
            Motion = Motion(c),
            DurationMs = c.AllTimes.Count > 0 ? c.AllTimes[0] : null,
            Aspect = Words.Aspect(c, allowLandscapeWord: References.Named(c, [media]).Count == 0 && !media.Stem.Contains("landscape", StringComparison.Ordinal)),
        };
        return WithExport(c, ToolCall.Of(ToolNames.AnimateImage, args));
    }

    private static Step CreateStep(Clause c, PlanContext ctx, List<SessionMedia> images, IReadOnlyList<SessionMedia> videos)
    {
        var photosOnly = c.Has(Words.Pictures) && !c.Has("clip", "clips", "video", "videos", "片段");
        var clipsOnly = c.Has("clip", "clips", "videos") && !c.Has(Words.Pictures);
        var items = ctx.Session.Media.Where(m => m.Kind != MediaKind.Audio && !PlanContext.IsLogo(m))
            .Where(m => !photosOnly || m.Kind == MediaKind.Image || images.Count == 0)
            .Where(m => !clipsOnly || m.Kind == MediaKind.Video || videos.Count == 0).ToList();
        if (items.Count == 0)
            return Step.Ask(ctx, "Upload the photos or clips first, then ask me to make the video.", "请先上传图片或视频片段，再让我制作视频。");

        string? music = null;
        if (c.Has(Words.Music))
        {
            var audio = References.Media(c, ctx, MediaKind.Audio);
            if (audio.Value is null)
                return audio.Ambiguous
                    ? Step.Ask(ctx, "Which music should I use? Name the file.", "要用哪首音乐？请说出文件名。")
                    : Step.Ask(ctx, "I have no music yet: upload an MP3, WAV or M4A and say \"add music\", or shall I make it without music?", "还没有音乐：请上传 MP3、WAV 或 M4A 后说“加背景音乐”，或者先做不带音乐的版本？");
            music = audio.Value.Id;
        }
        var logo = ctx.Logos.Count > 0 ? ctx.Logos[0].Id : null;
        if (logo is null && c.Has("logo", "标志", "徽标") && items.Count(m => m.Kind == MediaKind.Image) >= 2)
        {
            logo = items.Last(m => m.Kind == MediaKind.Image).Id;
            items = [.. items.Where(m => m.Id != logo)];
        }
        var title = c.Quote;
        IReadOnlyList<string>? captions = null;
        if (title is null && c.Find(Overlays()) is not null)
        {
            var names = items.Select(m => Caption(m.Stem)).ToList();
            if (names.All(n => n is not null)) captions = names!;
        }
        var args = new CreateVideoArgs
        {
            Media = [.. items.Select(m => m.Id)],
            DurationMs = c.AllTimes.Count > 0 ? c.AllTimes[0] : null,
            Aspect = Words.Aspect(c),
            Music = music,
            Logo = logo,
            Title = title,
            Transition = LookIntents.TransitionType(c, defaultType: null),
            Captions = captions,
        };
        return WithExport(c, ToolCall.Of(ToolNames.CreateVideo, args));
    }

    private static Step WithExport(Clause c, ToolCall create) =>
        Words.WantsFile(c) ? Step.Of(create, ToolCall.Of(ToolNames.Export, new ExportArgs { Format = Words.Format(c) })) : Step.Of(create);

    /// <summary>A caption from a file name ("shoe-red" → "Shoe red"), or null for camera names (IMG_2034).</summary>
    internal static string? Caption(string stem)
    {
        if (CameraName().IsMatch(stem)) return null;
        var words = stem.Split(['-', '_', ' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        var text = string.Join(' ', words);
        return char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
    }

    public static string? Motion(Clause c) =>
        c.Has("zoom in", "zoom-in", "zooming in", "push in", "zoom into", "放大", "推近", "拉近") ? "zoom-in"
        : c.Has("zoom out", "zoom-out", "zooming out", "pull back", "pull out", "缩小", "拉远") ? "zoom-out"
        : c.Has("pan left", "pan-left", "panning left", "向左平移", "向左移", "左移", "向左") ? "pan-left"
        : c.Has("pan right", "pan-right", "panning right", "向右平移", "向右移", "右移", "向右") ? "pan-right"
        : c.Has("pan up", "pan-up", "tilt up", "向上平移", "向上移", "向上") ? "pan-up"
        : c.Has("pan down", "pan-down", "tilt down", "向下平移", "向下移", "向下") ? "pan-down"
        : c.Has("zoom") ? "zoom-in"
        : null;
}
