using System.Text;

namespace Cutroom.Contract.Tests.Rules;

/// <summary>One string literal of a C# source: the line it starts on and its text (the holes of an interpolated string read as <c>{…}</c>).</summary>
/// <param name="Line">1-based line of the opening quote.</param>
/// <param name="Text">The literal's text, escapes resolved where it matters (<c>\"</c>, <c>""</c>, <c>{{</c>).</param>
internal sealed record StringLiteral(int Line, string Text);

/// <summary>
/// Finds the string literals of C# source text without compiling it: regular, verbatim (<c>@"…"</c>),
/// interpolated (<c>$"…"</c>, <c>$@"…"</c>, with the literals inside holes found too), raw (<c>"""…"""</c>,
/// <c>$$"""…"""</c>) and UTF-8 (<c>"…"u8</c>); comments and character literals are skipped.
/// </summary>
internal sealed class CSharpLiterals
{
    private readonly string _s;
    private readonly List<StringLiteral> _found = [];
    private int _i;

    private CSharpLiterals(string source) => _s = source;

    /// <summary>Every string literal of <paramref name="source"/>, in order of their opening quotes.</summary>
    public static IReadOnlyList<StringLiteral> Of(string source)
    {
        var lexer = new CSharpLiterals(source);
        lexer.Code(inHole: false, dollars: 0);
        return [.. lexer._found.OrderBy(l => l.Line)];
    }

    private char At(int k) => k < _s.Length ? _s[k] : '\0';

    private int LineAt(int k) => 1 + _s.AsSpan(0, Math.Min(k, _s.Length)).Count('\n');

    /// <summary>Code up to the end, or in a hole up to its closing braces (a format part after <c>:</c> is skipped).</summary>
    private void Code(bool inHole, int dollars)
    {
        var depth = 0;
        while (_i < _s.Length)
        {
            var c = _s[_i];
            if (c == '/' && At(_i + 1) == '/') { while (_i < _s.Length && _s[_i] != '\n') _i++; continue; }
            if (c == '/' && At(_i + 1) == '*')
            {
                var end = _s.IndexOf("*/", _i + 2, StringComparison.Ordinal);
                _i = end < 0 ? _s.Length : end + 2;
                continue;
            }
            if (c == '\'') { CharLiteral(); continue; }
            if (c is '"' or '$' or '@' && TryString()) continue;
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == '}')
            {
                if (inHole && depth == 0) { _i += dollars; return; }
                depth--;
            }
            else if (c == ':' && inHole && depth == 0 && At(_i + 1) != ':')
            {
                while (_i < _s.Length && _s[_i] != '}') _i++; // the format part (x:0.00)
                _i += dollars;
                return;
            }
            _i++;
        }
    }

    private void CharLiteral()
    {
        _i++;
        if (At(_i) == '\\') _i += 2;
        else _i++;
        while (_i < _s.Length && _s[_i] != '\'' && _s[_i] != '\n') _i++; // \u0041, \x41
        _i++;
    }

    /// <summary>At <c>"</c>, <c>$</c> or <c>@</c>: reads a string literal if one starts here.</summary>
    private bool TryString()
    {
        var k = _i;
        int dollars = 0;
        var verbatim = false;
        while (At(k) is '$' or '@')
        {
            if (At(k) == '$') dollars++;
            else verbatim = true;
            k++;
        }
        if (At(k) != '"') return false;
        var start = _i;
        var quotes = 0;
        while (At(k + quotes) == '"') quotes++;
        if (quotes >= 3 && !verbatim)
        {
            _i = k + quotes;
            Raw(start, quotes, dollars);
        }
        else
        {
            _i = k + 1;
            Quoted(start, verbatim, dollars > 0);
        }
        if (At(_i) == 'u' && At(_i + 1) == '8') _i += 2;
        return true;
    }

    private void Quoted(int start, bool verbatim, bool interpolated)
    {
        var text = new StringBuilder();
        while (_i < _s.Length)
        {
            var c = _s[_i];
            if (!verbatim && c == '\\') { text.Append(At(_i + 1) is '"' or '\\' or '{' or '}' ? At(_i + 1) : $"\\{At(_i + 1)}"); _i += 2; continue; }
            if (c == '"')
            {
                if (verbatim && At(_i + 1) == '"') { text.Append('"'); _i += 2; continue; }
                _i++;
                break;
            }
            if (!verbatim && c == '\n') break; // unterminated: stop at the line's end
            if (interpolated && c == '{')
            {
                if (At(_i + 1) == '{') { text.Append('{'); _i += 2; continue; }
                _i++;
                Code(inHole: true, dollars: 1);
                text.Append("{…}");
                continue;
            }
            if (interpolated && c == '}' && At(_i + 1) == '}') { text.Append('}'); _i += 2; continue; }
            text.Append(c);
            _i++;
        }
        _found.Add(new StringLiteral(LineAt(start), text.ToString()));
    }

    private void Raw(int start, int quotes, int dollars)
    {
        var text = new StringBuilder();
        var close = new string('"', quotes);
        while (_i < _s.Length)
        {
            if (string.CompareOrdinal(_s, _i, close, 0, quotes) == 0) { _i += quotes; break; }
            if (dollars > 0 && _s[_i] == '{')
            {
                var run = 0;
                while (At(_i + run) == '{') run++;
                if (run >= dollars)
                {
                    text.Append('{', run - dollars); // braces beyond the opening run are text
                    _i += run;
                    Code(inHole: true, dollars: dollars);
                    text.Append("{…}");
                    continue;
                }
                text.Append('{', run);
                _i += run;
                continue;
            }
            text.Append(_s[_i]);
            _i++;
        }
        _found.Add(new StringLiteral(LineAt(start), text.ToString()));
    }
}
