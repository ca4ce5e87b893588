using System.Globalization;
using System.Text.RegularExpressions;
using Cutroom.Agent.Planning.BuiltIn.Text;

namespace Cutroom.Agent.Planning.BuiltIn.Intents;

/// <summary>Word lists and small readers shared by the rules (colours, positions, sizes, formats, aspect ratios).</summary>
internal static partial class Words
{
    public static readonly string[] Pictures = ["photo", "photos", "image", "images", "picture", "pictures", "pic", "pics", "stills", "shots", "snaps", "图片", "照片", "图", "相片", "照"];

    public static readonly string[] Music = ["music", "song", "songs", "soundtrack", "bgm", "background track", "background audio", "tune", "背景音乐", "音乐", "配乐", "歌曲", "歌"];

    public static readonly string[] TextNouns = ["title", "titles", "text", "texts", "caption", "captions", "subtitle", "subtitles", "heading", "标题", "文字", "字幕", "一行字", "文本", "字"];

    public static readonly (string[] Keys, string Color)[] Colors =
    [
        (["red", "红色", "红"], "red"), (["yellow", "黄色", "黄"], "yellow"), (["white", "白色", "白"], "white"), (["black", "黑色"], "black"),
        (["blue", "蓝色", "蓝"], "blue"), (["green", "绿色", "绿"], "green"), (["orange", "橙色", "橘色"], "orange"), (["purple", "紫色", "紫"], "purple"),
        (["pink", "粉色", "粉红"], "pink"), (["gray", "grey", "灰色"], "gray"), (["gold", "golden", "金色"], "gold"), (["cyan", "青色"], "cyan"),
    ];

    [GeneratedRegex(@"#[0-9a-f]{6}\b")]
    private static partial Regex HexColor();

    [GeneratedRegex(@"(?<!\d)(\d{3,4})\s*p(?![a-z])")]
    private static partial Regex Height();

    [GeneratedRegex(@"«r(\d+:\d+)»")]
    private static partial Regex Ratio();

    public static string? Color(Clause c)
    {
        if (c.Find(HexColor()) is { } hex) return hex.Value.ToUpperInvariant();
        var best = (At: int.MaxValue, Color: (string?)null);
        foreach (var (keys, color) in Colors)
            foreach (var k in keys)
            {
                var i = c.IndexOf(k);
                if (i >= 0 && i < best.At && !(k == "black" && c.Has("fade to black", "fade-black"))) best = (i, color);
            }
        return best.Color;
    }

    public static string? Position(Clause c) =>
        c.Has("top left", "top-left", "左上") ? "top-left"
        : c.Has("top right", "top-right", "右上") ? "top-right"
        : c.Has("bottom left", "bottom-left", "左下") ? "bottom-left"
        : c.Has("bottom right", "bottom-right", "右下") ? "bottom-right"
        : c.Has("top", "upper", "顶部", "上方", "上面", "顶端", "最上") ? "top"
        : c.Has("bottom", "lower third", "底部", "下方", "下面", "底端", "最下") ? "bottom"
        : c.Has("center", "centre", "middle", "中间", "居中", "中央", "正中") ? "center"
        : null;

    /// <summary>A format the user named (mp4, webm, mov, gif), or null.</summary>
    public static string? Format(Clause c) =>
        c.Has("mp4", "h264", "h.264") ? "mp4" : c.Has("webm") ? "webm" : c.Has("mov", "quicktime") ? "mov" : c.Has("gif") ? "gif" : null;

    public static int? HeightP(Clause c) =>
        c.Find(Height()) is { } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : c.Has("4k") ? 2160 : null;

    /// <summary>An aspect ratio token «rW:H» in the clause, or null.</summary>
    public static string? Ratio(Clause c) => c.Find(Ratio()) is { } m ? m.Groups[1].Value : null;

    /// <summary>The aspect the clause asks for by words or ratio (9:16 vertical/TikTok, 1:1 square/Instagram, 16:9 horizontal/YouTube, 4:5).</summary>
    public static string? Aspect(Clause c, bool allowLandscapeWord = true)
    {
        if (Ratio(c) is { } r && r is "16:9" or "9:16" or "1:1" or "4:5") return r;
        if (c.Has("vertical", "portrait", "tiktok", "tik tok", "douyin", "reels", "reel format", "shorts", "stories", "story format", "竖屏", "竖版", "竖的", "竖向", "抖音", "快手", "视频号")) return "9:16";
        if (c.Has("square", "instagram", "insta", "ig feed", "方形", "正方形", "方的", "1比1")) return "1:1";
        if (c.Has("horizontal", "widescreen", "youtube", "横屏", "横版", "横的", "宽屏") || allowLandscapeWord && c.Has("landscape") && !c.Has("landscape image", "landscape photo", "landscape picture", "landscape pic", "landscape shot")) return "16:9";
        return null;
    }

    public static string? Platform(Clause c, string aspect) =>
        c.Has("tiktok", "tik tok", "douyin", "抖音") ? "tiktok"
        : c.Has("reels", "reel") && aspect == "9:16" ? "instagram-reels"
        : c.Has("shorts") ? "youtube-shorts"
        : c.Has("youtube") ? aspect == "9:16" ? "youtube-shorts" : "youtube"
        : c.Has("instagram", "insta") ? aspect switch { "4:5" => "instagram-post", "9:16" => "instagram-reels", _ => "instagram-square" }
        : null;

    public static string? Fit(Clause c) =>
        c.Has("blur", "blurred", "blurry", "模糊") ? "blur"
        : c.Has("crop", "cropped", "fill the screen", "fill", "cover", "裁剪", "铺满", "填满") ? "cover"
        : c.Has("bars", "letterbox", "black bars", "contain", "fit inside", "黑边", "完整显示") ? "contain"
        : null;

    /// <summary>Whether the clause asks for a video file (so a creation is also exported): a format, a resolution, "download".</summary>
    public static bool WantsFile(Clause c) => c.Has("mp4", "webm", "mov", "download", "downloadable", "下载", "导出") || Height().IsMatch(c.Text);

    public static double Round2(double v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);
}
