using System.Text.RegularExpressions;

namespace Cutroom.Agent.Planning.BuiltIn.Text;

/// <summary>
/// Takes the user's literal texts out of a message before anything else touches it (so case,
/// punctuation and words inside them are never read as commands): quoted texts ("…", '…', “…”,
/// ‘…’, 「…」, 『…』, 《…》) and unquoted ones after <c>saying</c>/<c>that says</c>/<c>title:</c>/
/// <c>字幕：</c>/<c>叫</c>. Each becomes a placeholder <c>«qN»</c>.
/// </summary>
internal static partial class Quotes
{
    [GeneratedRegex("\"([^\"]+)\"|“([^”]+)”|‘([^’]+)’|「([^」]+)」|『([^』]+)』|《([^》]+)》|(?<![\\p{L}\\p{N}])'([^']+?)'(?![\\p{L}\\p{N}])")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\b(?:saying|that says|which says|that reads|reading|with the words?|with the text)\s+(?<t>[^,.!?;«]+?)(?=\s*(?:$|[,.!?;]|\s(?:in|at|on|for|with|and|from|until)\s))", RegexOptions.IgnoreCase)]
    private static partial Regex Saying();

    [GeneratedRegex(@"(?<k>\b(?:title|text|caption|subtitle)|标题|文字|字幕|一行字|字)\s*[:：]\s*(?<t>[^,.!?;，。！？；«]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Colon();

    [GeneratedRegex(@"(?:标题|文字|字幕)(?:叫做|叫|是|为)(?<t>[^,.!?;，。！？；«]+)")]
    private static partial Regex Called();

    /// <summary>The message with placeholders, and the texts in order.</summary>
    public static (string Text, List<string> Quotes) Extract(string message)
    {
        var quotes = new List<string>();
        string Keep(string text)
        {
            quotes.Add(text.Trim());
            return $"«q{quotes.Count - 1}»";
        }
        var text = Quoted().Replace(message, m => Keep(m.Groups.Values.Skip(1).First(g => g.Success).Value));
        text = Saying().Replace(text, m => m.Value[..(m.Groups["t"].Index - m.Index)] + Keep(m.Groups["t"].Value));
        text = Colon().Replace(text, m => m.Groups["k"].Value + " " + Keep(m.Groups["t"].Value));
        text = Called().Replace(text, m => m.Value[..(m.Groups["t"].Index - m.Index)] + Keep(m.Groups["t"].Value));
        return (text, quotes);
    }
}
