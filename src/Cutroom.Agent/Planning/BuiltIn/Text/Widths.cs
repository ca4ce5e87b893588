using System.Text;

namespace Cutroom.Agent.Planning.BuiltIn.Text;

/// <summary>Full-width forms to ASCII (<c>１０秒</c> → <c>10秒</c>, <c>，</c> → <c>,</c>), the ideographic full stop and comma to ASCII, lower case, one space between words.</summary>
internal static class Widths
{
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var c = ch switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(ch - 0xFEE0),
                '\u3000' => ' ',
                '。' => '.',
                '、' => ',',
                '\u2013' or '\u2014' or '\u2212' => '-',
                '\u2019' => '\'',
                _ => ch,
            };
            sb.Append(char.ToLowerInvariant(c));
        }
        return string.Join(' ', sb.ToString().Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
    }
}
