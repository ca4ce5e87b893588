using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cutroom.Server.Contract;

namespace Cutroom.Server.DevApi;

/// <summary>
/// Merge fields of a template: <c>{{name}}</c> (1-64 of A-Z a-z 0-9 _) anywhere in a string of the
/// draft. Filling replaces each with its value: a string that is only a placeholder
/// (<c>"src":"{{photo1}}"</c>) becomes the value, a longer one (<c>"Hello {{name}}!"</c>) gets it inserted.
/// </summary>
public static partial class MergeFields
{
    /// <summary>The fields used in <paramref name="draft"/>, in order of first use.</summary>
    /// <param name="draft">The template's draft.</param>
    public static IReadOnlyList<string> Find(JsonElement draft)
    {
        var found = new List<string>();
        Walk(draft, s =>
        {
            foreach (Match m in Placeholder().Matches(s))
                if (!found.Contains(m.Groups[1].Value)) found.Add(m.Groups[1].Value);
        });
        return found;
    }

    /// <summary>The draft with every placeholder replaced by its value (JSON).</summary>
    /// <param name="draft">The template's draft.</param>
    /// <param name="values">A value for every field.</param>
    public static string Fill(JsonElement draft, IReadOnlyDictionary<string, string> values)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream)) Write(w, draft, values);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads <c>merge</c> against the template's fields: every field needs a string value, and no other key is allowed.</summary>
    /// <param name="merge">The body's <c>merge</c> (undefined when absent).</param>
    /// <param name="fields">The template's fields.</param>
    /// <param name="errors">Receives problems (path <c>merge.&lt;name&gt;</c>).</param>
    public static Dictionary<string, string> Read(JsonElement merge, IReadOnlyList<string> fields, List<PathError> errors)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(errors);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (merge.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            errors.Add(new PathError("merge", "must be an object of field names to strings"));
            return values;
        }
        if (merge.ValueKind == JsonValueKind.Object)
            foreach (var p in merge.EnumerateObject())
            {
                if (!fields.Contains(p.Name)) errors.Add(new PathError("merge." + p.Name, $"the template has no field '{p.Name}' (it has {(fields.Count == 0 ? "none" : string.Join(", ", fields))})"));
                else if (p.Value.ValueKind == JsonValueKind.String) values[p.Name] = p.Value.GetString()!;
                else if (p.Value.ValueKind == JsonValueKind.Number) values[p.Name] = p.Value.GetRawText();
                else errors.Add(new PathError("merge." + p.Name, "must be a string"));
            }
        foreach (var f in fields.Where(f => !values.ContainsKey(f) && !errors.Any(e => e.Path == "merge." + f)))
            errors.Add(new PathError("merge." + f, $"required: the template uses {{{{{f}}}}}"));
        return values;
    }

    private static void Walk(JsonElement e, Action<string> onString)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String: onString(e.GetString()!); break;
            case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Walk(p.Value, onString); break;
            case JsonValueKind.Array: foreach (var x in e.EnumerateArray()) Walk(x, onString); break;
        }
    }

    private static void Write(Utf8JsonWriter w, JsonElement e, IReadOnlyDictionary<string, string> values)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject())
                {
                    w.WritePropertyName(p.Name);
                    Write(w, p.Value, values);
                }
                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var x in e.EnumerateArray()) Write(w, x, values);
                w.WriteEndArray();
                break;
            case JsonValueKind.String:
                w.WriteStringValue(Placeholder().Replace(e.GetString()!, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value));
                break;
            default:
                e.WriteTo(w);
                break;
        }
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]{1,64})\s*\}\}")]
    private static partial Regex Placeholder();
}
