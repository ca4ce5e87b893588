using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Cutroom.Server.Tests.Hardening;

/// <summary>One mutated body: what was done (for the failure message) and its bytes.</summary>
/// <param name="What">The mutation, e.g. <c>new_message.parts[0].text = lone surrogate</c>.</param>
/// <param name="Bytes">The body as sent (not necessarily JSON, not necessarily UTF-8).</param>
public sealed record MutatedBody(string What, byte[] Bytes)
{
    /// <inheritdoc/>
    public override string ToString() => What;
}

/// <summary>
/// Hostile variants of a valid JSON body: every value replaced by each wrong type, invalid text
/// (a lone surrogate escape, bytes that are not UTF-8), huge and odd numbers, deep nesting; the
/// body truncated at several places; and whole-body oddities. Deterministic for a seed.
/// </summary>
public static class JsonMutations
{
    private const string Marker = "\"__cutroom_raw__\"";

    /// <summary>Replacements of one value, as raw JSON text (the marker below is swapped for raw bytes).</summary>
    private static readonly (string Name, string Json)[] Values =
    [
        ("null", "null"), ("true", "true"), ("zero", "0"), ("negative", "-1"), ("fraction", "0.5"),
        ("huge integer", "123456789012345678901234567890"), ("huge exponent", "1e400"), ("tiny exponent", "-1e-400"),
        ("long minus", "-9223372036854775809"), ("empty string", "\"\""), ("number as string", "\"12\""),
        ("lone surrogate", "\"\\ud800\""), ("lone low surrogate", "\"a\\udc00b\""), ("NUL and controls", "\"a\\u0000\\u001b[31m\""),
        ("bidi override", "\"\\u202Egnp.exe\""), ("array", "[1,\"x\",null]"), ("object", "{\"x\":{}}"), ("empty array", "[]"),
        ("long string", "\"" + new string('x', 70_000) + "\""),
        ("deep array", new string('[', 60) + new string(']', 60)),
        ("too deep", new string('[', 5000) + new string(']', 5000)),
        ("invalid UTF-8", Marker), ("NaN word", "NaN"),
    ];

    /// <summary>Every mutation of <paramref name="validJson"/>: each value at each path × each replacement, then truncations and whole-body cases.</summary>
    /// <param name="validJson">A body the endpoint accepts.</param>
    /// <param name="seed">Picks the truncation points.</param>
    public static IEnumerable<MutatedBody> Of(string validJson, int seed = 17)
    {
        var root = JsonNode.Parse(validJson)!;
        foreach (var path in Paths(root, ""))
            foreach (var (name, json) in Values)
                yield return new MutatedBody($"{path} = {name}", Raw(Replace(validJson, path, json)));
        // A key that is not text.
        yield return new MutatedBody("key = lone surrogate", Raw(validJson.Insert(1, "\"\\ud800\":1,")));
        yield return new MutatedBody("key = invalid UTF-8", Raw(validJson.Insert(1, Marker + ":1,")));
        var bytes = Encoding.UTF8.GetBytes(validJson);
        var rng = new Random(seed);
        foreach (var at in new[] { 0, 1, bytes.Length / 2, bytes.Length - 1 }.Concat(Enumerable.Range(0, 6).Select(_ => rng.Next(1, bytes.Length))).Distinct())
            yield return new MutatedBody($"truncated at byte {at}", bytes[..at]);
        var flipped = (byte[])bytes.Clone();
        for (var i = 0; i < 8; i++) flipped[rng.Next(flipped.Length)] ^= (byte)(1 << rng.Next(8));
        yield return new MutatedBody("8 bits flipped", flipped);
        foreach (var (name, json) in Values) yield return new MutatedBody($"body = {name}", Raw(json));
        yield return new MutatedBody("body = two objects", Raw(validJson + validJson));
        yield return new MutatedBody("body = UTF-8 BOM", [0xEF, 0xBB, 0xBF, .. bytes]);
        yield return new MutatedBody("body = UTF-16", Encoding.Unicode.GetBytes(validJson));
    }

    /// <summary>The body with the value at <paramref name="path"/> replaced by <paramref name="json"/> (raw text).</summary>
    private static string Replace(string validJson, string path, string json)
    {
        var root = JsonNode.Parse(validJson)!;
        const string hole = "__cutroom_hole__";
        if (path.Length == 0) return json;
        Set(root, path, JsonValue.Create(hole));
        return root.ToJsonString().Replace("\"" + hole + "\"", json, StringComparison.Ordinal);
    }

    private static void Set(JsonNode root, string path, JsonNode value)
    {
        var node = root;
        var steps = Steps(path);
        for (var i = 0; i < steps.Count - 1; i++) node = steps[i] is int n ? node![n]! : node![(string)steps[i]]!;
        if (steps[^1] is int last) node![last] = value;
        else node![(string)steps[^1]] = value;
    }

    private static List<object> Steps(string path)
    {
        var steps = new List<object>();
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var b = part.IndexOf('[', StringComparison.Ordinal);
            steps.Add(b < 0 ? part : part[..b]);
            if (b >= 0)
                foreach (var ix in part[b..].Split(['[', ']'], StringSplitOptions.RemoveEmptyEntries))
                    steps.Add(int.Parse(ix, CultureInfo.InvariantCulture));
        }
        return steps;
    }

    /// <summary>Every path of a value inside <paramref name="node"/> (objects and arrays too, not the root).</summary>
    private static IEnumerable<string> Paths(JsonNode? node, string prefix)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    var p = prefix.Length == 0 ? k : prefix + "." + k;
                    yield return p;
                    foreach (var q in Paths(v, p)) yield return q;
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    var p = string.Create(CultureInfo.InvariantCulture, $"{prefix}[{i}]");
                    yield return p;
                    foreach (var q in Paths(a[i], p)) yield return q;
                }
                break;
        }
    }

    /// <summary>UTF-8 of <paramref name="text"/>, with the raw-bytes marker replaced by bytes that are not UTF-8 inside a string.</summary>
    private static byte[] Raw(string text)
    {
        var parts = text.Split(Marker);
        var bad = new byte[] { (byte)'"', (byte)'a', 0xFF, 0xC3, 0x28, 0xED, 0xA0, 0x80, (byte)'"' };
        var output = new List<byte>(text.Length + 16);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) output.AddRange(bad);
            output.AddRange(Encoding.UTF8.GetBytes(parts[i]));
        }
        return [.. output];
    }
}
