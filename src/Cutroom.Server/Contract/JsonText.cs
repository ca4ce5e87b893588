using System.Globalization;
using System.Text.Json;

namespace Cutroom.Server.Contract;

/// <summary>
/// Finds text a JSON body cannot carry as a .NET string: a lone UTF-16 surrogate escape
/// (<c>"\ud800"</c>) or bytes that are not UTF-8, in any string value or property name.
/// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> accepts both and only
/// <see cref="JsonElement.GetString"/> throws later, so a body is walked once where it enters. A NUL
/// character (<c>"\u0000"</c>) is refused too: it is no part of any text a person writes, and
/// PostgreSQL's <c>text</c> cannot store it (the insert fails with 22021), so it would be a 500 there.
/// </summary>
public static class JsonText
{
    /// <summary>The JSON paths (<c>task_name</c>, <c>new_message.parts[0].text</c>, <c>$</c>) of every string that is not valid Unicode text.</summary>
    /// <param name="root">The parsed body.</param>
    /// <returns>One <see cref="PathError"/> per bad string, in document order; empty when all text is valid.</returns>
    public static IReadOnlyList<PathError> Problems(JsonElement root)
    {
        var problems = new List<PathError>();
        Walk(root, "", problems);
        return problems;
    }

    private const string Invalid = "is not valid Unicode text (a lone surrogate such as \\ud800 or bytes that are not UTF-8); send UTF-8 text";

    private static void Walk(JsonElement e, string path, List<PathError> problems)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                if (ProblemOf(e) is { } why) problems.Add(new PathError(path.Length == 0 ? "$" : path, why));
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                    Walk(item, string.Create(CultureInfo.InvariantCulture, $"{(path.Length == 0 ? "$" : path)}[{i++}]"), problems);
                break;
            case JsonValueKind.Object:
                var n = 0;
                foreach (var p in e.EnumerateObject())
                {
                    string name;
                    try { name = p.Name; }
                    catch (InvalidOperationException)
                    {
                        problems.Add(new PathError(string.Create(CultureInfo.InvariantCulture, $"{(path.Length == 0 ? "$" : path)}{{key {n}}}"), "a property name " + Invalid));
                        n++;
                        continue;
                    }
                    Walk(p.Value, path.Length == 0 ? name : path + "." + name, problems);
                    n++;
                }
                break;
        }
    }

    private const string Nul = "contains a NUL character (\\u0000), which text may not hold";

    private static string? ProblemOf(JsonElement e)
    {
        string? text;
        try { text = e.GetString(); }
        catch (InvalidOperationException) { return Invalid; }
        return text is not null && text.Contains('\0', StringComparison.Ordinal) ? Nul : null;
    }
}
