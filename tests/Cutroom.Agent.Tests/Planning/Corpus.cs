using System.Text.Json.Nodes;
using Cutroom.Agent.Sessions;
using Cutroom.Agent.Tools;

namespace Cutroom.Agent.Tests.Planning;

/// <summary>One corpus line: a message in a session state and the calls a user expects.</summary>
public sealed record CorpusCase(string File, int Line, string State, string Message, IReadOnlyList<ToolCall> Expected);

/// <summary>Reads corpus/*.jsonl and corpus/states/*.json (copied beside the test assembly).</summary>
public static class Corpus
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "corpus");

    public static IReadOnlyList<CorpusCase> Cases(string? folder = null)
    {
        var cases = new List<CorpusCase>();
        foreach (var file in Directory.GetFiles(folder ?? Folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var n = 0;
            foreach (var line in File.ReadLines(file))
            {
                n++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                var o = JsonNode.Parse(line)!.AsObject();
                var calls = o["calls"]!.AsArray().Select(c => new ToolCall(c!["name"]!.GetValue<string>(), c["args"]!.AsObject().DeepClone().AsObject())).ToList();
                cases.Add(new CorpusCase(Path.GetFileName(file), n, o["state"]!.GetValue<string>(), o["message"]!.GetValue<string>(), calls));
            }
        }
        return cases;
    }

    private static readonly Dictionary<string, SessionSnapshot> States = [];

    public static SessionSnapshot State(string name)
    {
        lock (States)
        {
            if (!States.TryGetValue(name, out var s))
                States[name] = s = SessionSnapshot.Parse(File.ReadAllText(Path.Combine(Folder, "states", name + ".json")));
            return s;
        }
    }

    /// <summary>Arguments that are free text and not compared (the wording of a question, the fields a metadata answer leads with).</summary>
    private static readonly HashSet<(string Tool, string Arg)> Free = [("clarify", "question"), ("probe", "fields")];

    /// <summary>Whether the planned calls match: same tools in the same order, same arguments (numbers by value), free-text arguments aside.</summary>
    public static bool Matches(IReadOnlyList<ToolCall> expected, IReadOnlyList<ToolCall> actual)
    {
        if (expected.Count != actual.Count) return false;
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i].Name != actual[i].Name) return false;
            var e = Comparable(expected[i]);
            var a = Comparable(actual[i]);
            if (e.Count != a.Count) return false;
            foreach (var (k, v) in e)
                if (!a.TryGetPropertyValue(k, out var av) || !Same(v, av)) return false;
        }
        return true;
    }

    private static JsonObject Comparable(ToolCall call)
    {
        var o = (JsonObject)call.Args.DeepClone();
        foreach (var key in o.Select(p => p.Key).Where(k => Free.Contains((call.Name, k))).ToList()) o.Remove(key);
        return o;
    }

    private static bool Same(JsonNode? a, JsonNode? b)
    {
        if (a is null || b is null) return a is null && b is null;
        if (a is JsonArray xa && b is JsonArray xb) return xa.Count == xb.Count && xa.Zip(xb).All(p => Same(p.First, p.Second));
        if (a is JsonValue va && b is JsonValue vb)
        {
            if (va.TryGetValue<double>(out var da) && vb.TryGetValue<double>(out var db)) return Math.Abs(da - db) < 1e-9;
            return a.ToJsonString() == b.ToJsonString();
        }
        return JsonNode.DeepEquals(a, b);
    }
}
