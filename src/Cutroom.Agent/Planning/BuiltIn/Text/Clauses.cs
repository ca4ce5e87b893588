using System.Text.RegularExpressions;

namespace Cutroom.Agent.Planning.BuiltIn.Text;

/// <summary>
/// Cuts a normalised message into clauses, one request each: at sentence ends, and at
/// connectives (<c>,</c> <c>and</c> <c>then</c> <c>also</c> <c>，</c> <c>然后</c> <c>再</c>
/// <c>并</c> <c>同时</c> …) only when what follows starts with a verb (after politeness such as
/// "please", "could you", "请", "帮我"), so "with background music and text overlays" stays one
/// request and "trim the first 3 seconds and add a title" becomes two. Two deliverables joined
/// by "and" ("a contact sheet and a thumbnail") are two requests too.
/// </summary>
internal static partial class Clauses
{
    private static readonly string[] Verbs =
    [
        "add", "put", "remove", "delete", "cut", "trim", "keep", "make", "turn", "change", "move", "swap", "set", "use", "export", "download",
        "render", "send", "extract", "grab", "take", "pull", "get", "give", "create", "combine", "convert", "find", "summarize", "summarise",
        "generate", "show", "mute", "unmute", "lower", "raise", "speed", "slow", "split", "fade", "insert", "replace", "undo", "redo", "save",
        "crop", "apply", "animate", "increase", "decrease", "reduce", "shorten", "include", "place", "drop", "lengthen", "extend",
        "加", "添加", "加上", "加个", "加一", "删除", "删掉", "去掉", "去除", "剪", "截", "提取", "导出", "生成", "做成", "做一", "合成", "改成",
        "改为", "换成", "移", "把", "调", "设置", "静音", "分割", "拆分", "撤销", "重做", "下载", "转成", "转换", "压缩", "总结", "找出",
        "放", "插入", "替换", "让", "用", "配上", "配", "保留", "只要", "输出", "渲染", "做", "给",
    ];

    private static readonly string[] Deliverables = ["thumbnail", "contact sheet", "frames", "frame", "summary", "metadata", "highlights", "封面", "缩略图", "摘要", "帧"];

    [GeneratedRegex(@"^(?:(?:and|then|also|plus|next|after that|afterwards|finally|lastly|oh|ok|okay|so|now|please|pls|plz|kindly|could you|can you|would you|will you|i want to|i want you to|i'd like to|i would like to|i need to|i need you to|let's|lets|help me|just|maybe|然后|再|并且|并|同时|接着|还要|还有|另外|最后|请|帮我|麻烦|顺便|也|还)\s*,?\s*)+")]
    private static partial Regex Fillers();

    [GeneratedRegex(@"(?<=[.!?;])\s+|(?<=[!?;])|\.(?=[\u4e00-\u9fff])|\n")]
    private static partial Regex Sentences();

    [GeneratedRegex(@",\s*|\s+(?:and then|and also|and|then|also|plus)\s+|然后|，|再(?=[加删去剪截提导生做合改换移把调设静分撤重显下转压总找放插替让用配保只输渲])|并且|并(?=[加删去剪截提导生做合改换移把调设静分撤重显下转压总找放插替让用配保只输渲])|同时|接着|还要|最后(?=[加删去剪截提导生做合改换移把调设静分撤重显下转压总找放插替让用配保只输渲])")]
    private static partial Regex Joins();

    public static IReadOnlyList<Clause> Split(Message message)
    {
        var clauses = new List<Clause>();
        foreach (var sentence in Sentences().Split(message.Text))
        {
            if (string.IsNullOrWhiteSpace(sentence)) continue;
            var current = "";
            var pos = 0;
            foreach (Match j in Joins().Matches(sentence))
            {
                var left = sentence[pos..j.Index];
                var right = sentence[(j.Index + j.Length)..];
                current += left;
                if (StartsWithVerb(right) || Deliverable(current) && Deliverable(UpToNextJoin(right)) && j.Value.Contains("and", StringComparison.Ordinal))
                {
                    if (!string.IsNullOrWhiteSpace(current)) clauses.Add(new Clause(Strip(current), message));
                    current = "";
                }
                else
                {
                    current += j.Value;
                }
                pos = j.Index + j.Length;
            }
            current += sentence[pos..];
            if (!string.IsNullOrWhiteSpace(current)) clauses.Add(new Clause(Strip(current), message));
        }
        return clauses;
    }

    /// <summary>The clause without leading connectives and politeness.</summary>
    public static string Strip(string text) => Fillers().Replace(text.Trim().TrimStart(',', ' '), "").Trim();

    private static bool StartsWithVerb(string text)
    {
        var t = Strip(text);
        foreach (var v in Verbs)
        {
            if (!t.StartsWith(v, StringComparison.Ordinal)) continue;
            if (!char.IsAsciiLetter(v[0])) return true;
            if (t.Length == v.Length || !char.IsAsciiLetter(t[v.Length])) return true;
        }
        return false;
    }

    private static string UpToNextJoin(string text)
    {
        var m = Joins().Match(text);
        return m.Success ? text[..m.Index] : text;
    }

    private static bool Deliverable(string text) =>
        Deliverables.Any(d => Regex.IsMatch(text, char.IsAsciiLetter(d[0]) ? $@"\b{d}\b" : d, RegexOptions.None, TimeSpan.FromSeconds(1)));
}
