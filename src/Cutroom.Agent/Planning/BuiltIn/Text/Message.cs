using System.Text.RegularExpressions;

namespace Cutroom.Agent.Planning.BuiltIn.Text;

/// <summary>
/// A message made readable for the rules: literal texts out (<see cref="Quotes"/>), full-width
/// folded and lower case (<see cref="Widths"/>), misspellings corrected (<see cref="Typos"/>),
/// number words as digits (<see cref="NumberWords"/>), aspect ratios as <c>«rW:H»</c>, times as
/// <c>«tN»</c> (<see cref="Times"/>); then cut into clauses (<see cref="Clauses"/>).
/// </summary>
internal sealed partial class Message
{
    [GeneratedRegex(@"(?<![\d.:«])(16:9|9:16|1:1|4:5|3:4|4:3|21:9)(?![\d:])")]
    private static partial Regex Aspect();

    private Message(string original, string text, List<string> quotes, List<long> times)
    {
        Original = original;
        Text = text;
        Quotes = quotes;
        Times = times;
    }

    public string Original { get; }

    /// <summary>The normalised text with placeholders.</summary>
    public string Text { get; }

    public IReadOnlyList<string> Quotes { get; }

    public IReadOnlyList<long> Times { get; }

    public static Message Parse(string message)
    {
        var (text, quotes) = global::Cutroom.Agent.Planning.BuiltIn.Text.Quotes.Extract(message ?? "");
        text = Widths.Fold(text);
        text = Typos.Fix(text);
        text = NumberWords.ToDigits(text);
        text = Aspect().Replace(text, "«r$1»");
        var (withTimes, times) = global::Cutroom.Agent.Planning.BuiltIn.Text.Times.Extract(text);
        return new Message(message ?? "", withTimes, quotes, times);
    }

    public IReadOnlyList<Clause> Clauses() => global::Cutroom.Agent.Planning.BuiltIn.Text.Clauses.Split(this);
}
