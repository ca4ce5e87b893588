namespace Cutroom.Agent.Execution;

/// <summary>
/// The Chinese of the English words tool arguments carry (colours, positions, transitions, motions), so a
/// Chinese reply names them in Chinese ("颜色 红色", not "颜色 red"). A word without a translation (a
/// <c>#RRGGBB</c> colour) is kept as it is.
/// </summary>
internal static class ChineseWords
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["red"] = "红色", ["yellow"] = "黄色", ["white"] = "白色", ["black"] = "黑色", ["blue"] = "蓝色", ["green"] = "绿色", ["orange"] = "橙色",
        ["purple"] = "紫色", ["pink"] = "粉色", ["gray"] = "灰色", ["grey"] = "灰色", ["gold"] = "金色", ["cyan"] = "青色",
        ["top"] = "顶部", ["bottom"] = "底部", ["center"] = "居中", ["top-left"] = "左上", ["top-right"] = "右上", ["bottom-left"] = "左下", ["bottom-right"] = "右下",
        ["crossfade"] = "淡入淡出", ["fade-black"] = "黑场", ["fade-white"] = "白场", ["dissolve"] = "溶解", ["wipe-left"] = "向左擦除",
        ["wipe-right"] = "向右擦除", ["slide-left"] = "向左滑动", ["slide-right"] = "向右滑动", ["zoom-in"] = "推近", ["zoom-out"] = "拉远",
        ["pan-left"] = "向左平移", ["pan-right"] = "向右平移", ["pan-up"] = "向上平移", ["pan-down"] = "向下平移",
    };

    /// <summary>The Chinese of <paramref name="word"/>, or the word itself.</summary>
    /// <param name="word">An argument value (<c>red</c>, <c>center</c>, <c>crossfade</c>).</param>
    public static string Of(string word) => Words.TryGetValue(word, out var zh) ? zh : word;

    /// <summary>Whether <paramref name="word"/> has a Chinese form.</summary>
    /// <param name="word">An argument value.</param>
    public static bool Has(string word) => Words.ContainsKey(word);
}
