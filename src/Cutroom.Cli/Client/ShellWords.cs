using System.Text;

namespace Cutroom.Cli.Client;

/// <summary>
/// Splits a line into words the way a POSIX shell would, for paths dropped into a terminal:
/// <c>'single quotes'</c> are literal, <c>"double quotes"</c> honour <c>\"</c> and <c>\\</c>, and
/// outside quotes a backslash escapes the next character (<c>My\ Video.mp4</c>).
/// </summary>
public static class ShellWords
{
    /// <summary>The words of <paramref name="line"/>, or null when a quote is not closed.</summary>
    /// <param name="line">The line.</param>
    public static List<string>? Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            inWord = true;
            if (c == '\\' && i + 1 < line.Length) word.Append(line[++i]);
            else if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                if (end < 0) return null;
                word.Append(line, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                var closed = false;
                for (i++; i < line.Length; i++)
                {
                    if (line[i] == '"') { closed = true; break; }
                    if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`') i++;
                    word.Append(line[i]);
                }
                if (!closed) return null;
            }
            else word.Append(c);
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
