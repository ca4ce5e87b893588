using System.Globalization;
using System.Text.RegularExpressions;

namespace Cutroom.Agent.Planning.BuiltIn.Text;

/// <summary>One request inside a message: its normalised text (placeholders <c>«qN»</c> quotes, <c>«tN»</c> times, <c>«rW:H»</c> aspects) and the message's values.</summary>
internal sealed partial class Clause(string text, Message message)
{
    [GeneratedRegex(@"«t(\d+)»")]
    private static partial Regex TimeMark();

    [GeneratedRegex(@"«q(\d+)»")]
    private static partial Regex QuoteMark();

    public string Text { get; } = text.Trim();

    public Message Message { get; } = message;

    /// <summary>Whether any key occurs: ASCII keys at word boundaries, Chinese keys anywhere.</summary>
    public bool Has(params string[] keys) => keys.Any(k => IndexOf(k) >= 0);

    /// <summary>The first position of a key (word boundaries for ASCII keys), or -1.</summary>
    public int IndexOf(string key)
    {
        if (key.Length == 0) return -1;
        var ascii = char.IsAsciiLetterOrDigit(key[0]);
        var from = 0;
        while (true)
        {
            var i = Text.IndexOf(key, from, StringComparison.Ordinal);
            if (i < 0) return -1;
            if (!ascii) return i;
            var before = i == 0 || !char.IsAsciiLetterOrDigit(Text[i - 1]);
            var end = i + key.Length;
            var after = end >= Text.Length || !char.IsAsciiLetterOrDigit(Text[end]);
            if (before && after) return i;
            from = i + 1;
        }
    }

    /// <summary>The first match of a pattern, or null.</summary>
    public Match? Find(Regex pattern)
    {
        var m = pattern.Match(Text);
        return m.Success ? m : null;
    }

    /// <summary>The time (ms) of a <c>«tN»</c> placeholder.</summary>
    public long Time(string placeholder) => Message.Times[int.Parse(TimeMark().Match(placeholder).Groups[1].Value, CultureInfo.InvariantCulture)];

    /// <summary>All times of the clause, in order.</summary>
    public IReadOnlyList<long> AllTimes => [.. TimeMark().Matches(Text).Select(m => Message.Times[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)])];

    /// <summary>All quoted texts of the clause, in order.</summary>
    public IReadOnlyList<string> AllQuotes => [.. QuoteMark().Matches(Text).Select(m => Message.Quotes[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)])];

    /// <summary>The first quoted text, or null.</summary>
    public string? Quote => AllQuotes.Count > 0 ? AllQuotes[0] : null;

    /// <summary>A clause of both texts (a request continued in the next clause).</summary>
    public Clause Join(Clause next) => new(Text + " , " + next.Text, Message);

    public override string ToString() => Text;
}
