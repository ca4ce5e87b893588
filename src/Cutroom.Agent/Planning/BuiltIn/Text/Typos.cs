namespace Cutroom.Agent.Planning.BuiltIn.Text;

/// <summary>
/// Corrects misspelt English words against <see cref="Lexicon.Known"/>: a word of 4+ letters that
/// is not known becomes the known word at Damerau-Levenshtein distance 1 (2 for 8+ letters), the
/// most frequent spelling mistakes (a letter missing, extra, wrong or two swapped; Damerau 1964).
/// Ties keep the word as it is.
/// </summary>
internal static class Typos
{
    public static string Fix(string text)
    {
        var chars = text.ToCharArray();
        var result = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < chars.Length)
        {
            if (!char.IsAsciiLetterLower(chars[i])) { result.Append(chars[i++]); continue; }
            var start = i;
            while (i < chars.Length && char.IsAsciiLetterLower(chars[i])) i++;
            var word = text[start..i];
            result.Append(Correct(word));
        }
        return result.ToString();
    }

    public static string Correct(string word)
    {
        if (word.Length < 4 || Lexicon.Known.Contains(word)) return word;
        var max = word.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var k in Lexicon.Keywords)
        {
            if (Math.Abs(k.Length - word.Length) > max) continue;
            var d = Distance(word, k, max);
            if (d > max) continue;
            if (d < bestDistance) { best = k; bestDistance = d; tie = false; }
            else if (d == bestDistance && k != best) tie = true;
        }
        return best is null || tie ? word : best;
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), stopping early above <paramref name="max"/>.</summary>
    private static int Distance(string a, string b, int max)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
        }
        return d[a.Length, b.Length];
    }
}
