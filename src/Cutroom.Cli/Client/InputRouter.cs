namespace Cutroom.Cli.Client;

/// <summary>What a line the user typed asks for.</summary>
public enum InputKind
{
    /// <summary>Nothing (a blank line).</summary>
    Empty,
    /// <summary><c>exit</c>, <c>quit</c>, <c>退出</c>.</summary>
    Exit,
    /// <summary><c>help</c>, <c>?</c>, <c>帮助</c>.</summary>
    Help,
    /// <summary>Export the current draft and download it (no chat turn).</summary>
    Export,
    /// <summary>Show the credit balance (no chat turn).</summary>
    Credits,
    /// <summary>Show the timeline summary from state (no chat turn).</summary>
    Status,
    /// <summary>Upload files (no chat turn).</summary>
    Upload,
    /// <summary>Save the live preview of the current draft (no chat turn): <c>preview [FILE]</c>, <c>预览 [FILE]</c>.</summary>
    Preview,
    /// <summary>Everything else: a message for the agent (<c>/run_sse</c>).</summary>
    Chat,
}

/// <summary>A routed line.</summary>
/// <param name="Kind">What it asks for.</param>
/// <param name="Text">The line, trimmed.</param>
/// <param name="Paths">For <see cref="InputKind.Upload"/>: the files named (quotes and escapes removed, <c>~</c> expanded); for <see cref="InputKind.Preview"/>: the file to save to, or none.</param>
public sealed record RoutedInput(InputKind Kind, string Text, IReadOnlyList<string> Paths);

/// <summary>
/// Routes what the user types as the seeds' table says (workflows.md "Around every job"): export /
/// 导出 / download / "send me the video" → export; credits / 积分 / balance / 余额 → credits; status /
/// 状态 / "show tracks" → timeline summary; upload / 上传 PATH, or a file path dropped into the
/// terminal → upload; <c>preview [FILE]</c> / 预览 → save the draft's live preview; everything else → the agent. A line goes to a direct action only when, apart
/// from the action's word, it holds nothing but filler ("how many credits do I have left",
/// "导出视频"), so requests that merely contain the word ("把视频每隔10帧导出一张图片", "export a
/// trimmed clip", "add end credits", "a free downloadable video clip") still reach the agent.
/// Pure: the file system is only asked through the given predicate.
/// </summary>
public static class InputRouter
{
    private sealed record Intent(InputKind Kind, string[] Words, string[][] Phrases, string[] Fillers, string[] ZhWords, string[] ZhFillers);

    private static readonly string[] CommonFillers =
        ["the", "a", "an", "my", "me", "i", "it", "this", "that", "please", "pls", "now", "can", "could", "would", "you", "to", "of", "and", "ok", "okay", "let's", "lets", "want", "like", "show", "see", "check", "view", "current", "project", "what", "what's", "whats", "is", "are", "do", "does"];

    private static readonly string[] CommonZhFillers =
        ["请", "一下", "吧", "吗", "呢", "了", "的", "我的", "给我", "帮我", "我要", "我想", "现在", "当前", "查看", "看看", "显示", "一下子", "可以", "好的", "好", "然后", "我"];

    private static readonly Intent[] Intents =
    [
        new(InputKind.Export,
            ["export", "download", "render", "exporting"],
            [["send", "me", "the", "video"], ["send", "me", "the", "file"], ["send", "me", "my", "video"], ["send", "it", "to", "me"], ["give", "me", "the", "video"]],
            ["video", "final", "result", "file", "mp4", "webm", "mov", "gif", "1080p", "720p", "hd", "as", "in", "go", "then", "one", "movie", "clip", "full", "high", "quality", "finished", "version", "send", "get"],
            ["导出", "下载", "发给我", "输出"],
            ["视频", "成", "为", "把", "它", "这个", "最终", "文件", "高清", "结果", "成品", "影片", "mp4"]),
        new(InputKind.Credits,
            ["credits", "credit", "balance"],
            [],
            ["how", "many", "much", "have", "left", "remaining", "account", "get", "available", "still", "tell", "there", "in", "any"],
            ["积分", "余额", "点数", "额度"],
            ["还有", "还剩", "剩余", "剩下", "多少", "查询", "有"]),
        new(InputKind.Status,
            ["status", "tracks", "timeline", "state", "track"],
            [],
            ["on", "list", "all", "summary", "how", "look", "looks", "draft", "session", "there", "in"],
            ["状态", "轨道", "时间线", "时间轴"],
            ["项目", "什么", "是", "有哪些", "所有", "情况"]),
    ];

    private static readonly HashSet<string> ExitWords = ["exit", "quit", "q", ":q", "bye", "退出", "再见", "/exit", "/quit"];
    private static readonly HashSet<string> HelpWords = ["help", "?", "/help", "帮助", "？"];

    /// <summary>Routes one line.</summary>
    /// <param name="line">What the user typed (or a command-line <c>--say</c>).</param>
    /// <param name="fileExists">Whether a path names an existing file (default: <see cref="File.Exists"/>).</param>
    public static RoutedInput Route(string? line, Func<string, bool>? fileExists = null)
    {
        fileExists ??= File.Exists;
        var text = (line ?? "").Trim();
        if (text.Length == 0) return new RoutedInput(InputKind.Empty, text, []);
        var lower = text.ToLowerInvariant();
        if (ExitWords.Contains(lower)) return new RoutedInput(InputKind.Exit, text, []);
        if (HelpWords.Contains(lower)) return new RoutedInput(InputKind.Help, text, []);

        if (Command(text, "preview", "预览") is { } target && (target.Length == 0 || LooksLikePath(Expand(Unquote(target)))))
            return new RoutedInput(InputKind.Preview, text, target.Length == 0 ? [] : [Expand(Unquote(target))]);
        if (UploadCommand(text) is { } rest)
            return new RoutedInput(InputKind.Upload, text, rest.Length == 0 ? [] : PathsOf(rest, fileExists) ?? [Expand(rest)]);
        if (PathsOf(text, fileExists) is { } dropped && dropped.All(fileExists))
            return new RoutedInput(InputKind.Upload, text, dropped);

        foreach (var intent in Intents)
            if (Matches(lower, intent)) return new RoutedInput(intent.Kind, text, []);
        return new RoutedInput(InputKind.Chat, text, []);
    }

    /// <summary>The text after <c>upload</c> / <c>上传</c> at the start of the line, or null.</summary>
    private static string? UploadCommand(string text) => Command(text, "upload", "上传");

    /// <summary>The text after <paramref name="word"/> (or <c>/word</c>, or <paramref name="zh"/>) at the start of the line, or null.</summary>
    private static string? Command(string text, string word, string zh)
    {
        if (text.StartsWith(zh, StringComparison.Ordinal)) return text[zh.Length..].TrimStart(' ', ':', '：').Trim();
        foreach (var w in new[] { word, "/" + word })
            if (text.StartsWith(w, StringComparison.OrdinalIgnoreCase) && (text.Length == w.Length || char.IsWhiteSpace(text[w.Length]) || text[w.Length] == ':'))
                return text[w.Length..].TrimStart(':').Trim();
        return null;
    }

    /// <summary>
    /// The paths in <paramref name="text"/> as a terminal drops them: one or more, each possibly
    /// quoted or with backslash escapes, or a <c>file://</c> URL; or the whole line as one path
    /// with spaces. Null when the line is not a list of paths.
    /// </summary>
    private static List<string>? PathsOf(string text, Func<string, bool> fileExists)
    {
        var whole = Expand(Unquote(text));
        if (LooksLikePath(whole) && fileExists(whole)) return [whole];
        var words = ShellWords.Split(text);
        if (words is null || words.Count == 0) return null;
        var paths = words.Select(Expand).ToList();
        return paths.All(LooksLikePath) ? paths : null;
    }

    private static bool LooksLikePath(string p) =>
        p.Length > 0 && (p.Contains('/', StringComparison.Ordinal) || p.Contains('\\', StringComparison.Ordinal) || Path.HasExtension(p)) && !p.Contains('\n', StringComparison.Ordinal);

    private static string Unquote(string s) =>
        s.Length >= 2 && ((s[0] == '\'' && s[^1] == '\'') || (s[0] == '"' && s[^1] == '"')) ? s[1..^1] : s;

    /// <summary><c>~/x</c> → home; <c>file:///x%20y</c> → <c>/x y</c>.</summary>
    private static string Expand(string p)
    {
        if (p.StartsWith("file://", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(p, UriKind.Absolute, out var uri)) return uri.LocalPath;
        if (p == "~" || p.StartsWith("~/", StringComparison.Ordinal))
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), p.Length > 2 ? p[2..] : "");
        return p;
    }

    /// <summary>Whether the line is the intent's word plus filler only.</summary>
    private static bool Matches(string lower, Intent intent)
    {
        var found = false;
        var rest = lower;
        foreach (var w in intent.ZhWords)
            if (rest.Contains(w, StringComparison.Ordinal)) { found = true; rest = rest.Replace(w, " ", StringComparison.Ordinal); }
        foreach (var f in intent.ZhFillers.Concat(CommonZhFillers).OrderByDescending(f => f.Length))
            rest = rest.Replace(f, " ", StringComparison.Ordinal);
        var tokens = Tokens(rest);
        foreach (var phrase in intent.Phrases)
        {
            var at = IndexOf(tokens, phrase);
            if (at >= 0) { found = true; tokens.RemoveRange(at, phrase.Length); }
        }
        var before = tokens.Count;
        tokens.RemoveAll(t => intent.Words.Contains(t));
        found |= tokens.Count < before;
        return found && tokens.All(t => intent.Fillers.Contains(t) || CommonFillers.Contains(t));
    }

    /// <summary>Runs of letters, digits and apostrophes (so "what's" stays one word).</summary>
    private static List<string> Tokens(string s)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= s.Length; i++)
        {
            var inWord = i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '\'' || s[i] == '’');
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                tokens.Add(s[start..i].Replace('’', '\'').Trim('\''));
                start = -1;
            }
        }
        tokens.RemoveAll(t => t.Length == 0);
        return tokens;
    }

    private static int IndexOf(List<string> tokens, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= tokens.Count; i++)
            if (phrase.Select((w, j) => tokens[i + j] == w).All(x => x)) return i;
        return -1;
    }
}
