using System.Text.Json;

namespace Cutroom.Cli.Client;

/// <summary>One item of <c>generated_media</c> (contract §6a).</summary>
/// <param name="Id">Its id.</param>
/// <param name="Kind">image, video, audio, archive or json.</param>
/// <param name="Name">Its file name.</param>
/// <param name="Url">Its signed download URL.</param>
/// <param name="Group">The operation it came from.</param>
public sealed record GeneratedItem(string Id, string Kind, string Name, string Url, string Group);

/// <summary>
/// What the client reads from <c>GET /api/state/...</c>: the version, the timeline summary, the
/// draft, how many uploads there are and the generated media; and the words for what changed
/// between two readings (used after each turn, and as the seeds' fallback when a turn ends
/// without text).
/// </summary>
/// <param name="Version">The state version.</param>
/// <param name="TimelineSummary">The one-line summary (contract §6).</param>
/// <param name="Draft">The current draft (cloned).</param>
/// <param name="Uploads">How many items <c>video_infos</c> lists.</param>
/// <param name="Generated">The generated media, oldest first.</param>
public sealed record StateView(int Version, string TimelineSummary, JsonElement Draft, int Uploads, IReadOnlyList<GeneratedItem> Generated)
{
    /// <summary>Reads the <c>data</c> of a state answer.</summary>
    /// <param name="data">The envelope's data.</param>
    public static StateView From(JsonElement data)
    {
        var version = JsonRead.Int32Of(data, "version") ?? 0;
        var state = JsonRead.Prop(data, "state") ?? default;
        string summary = "";
        JsonElement draft = default;
        var uploads = 0;
        var generated = new List<GeneratedItem>();
        if (state.ValueKind == JsonValueKind.Object)
        {
            summary = JsonRead.Str(state, "timeline_summary") ?? "";
            draft = JsonRead.Prop(state, "draft")?.Clone() ?? default;
            uploads = JsonRead.Prop(state, "video_infos") is { ValueKind: JsonValueKind.Array } vi ? vi.GetArrayLength() : 0;
            if (JsonRead.Prop(state, "generated_media") is { ValueKind: JsonValueKind.Array } g)
                foreach (var item in g.EnumerateArray())
                    generated.Add(new GeneratedItem(Str(item, "id"), Str(item, "kind"), Str(item, "name"), Str(item, "url"), Str(item, "group")));
        }
        return new StateView(version, summary, draft, uploads, generated);
    }

    /// <summary>Whether the draft has at least one segment (something to export).</summary>
    public bool HasTimeline =>
        Draft.ValueKind == JsonValueKind.Object && Draft.TryGetProperty("t", out var tracks) && tracks.ValueKind == JsonValueKind.Array
        && tracks.EnumerateArray().Any(t => JsonRead.Prop(t, "sg") is { ValueKind: JsonValueKind.Array } sg && sg.GetArrayLength() > 0);

    /// <summary>The generated media in this reading that <paramref name="before"/> did not have.</summary>
    /// <param name="before">An earlier reading.</param>
    public IReadOnlyList<GeneratedItem> NewSince(StateView? before)
    {
        var known = before?.Generated.Select(g => g.Id).ToHashSet() ?? [];
        return [.. Generated.Where(g => !known.Contains(g.Id))];
    }

    /// <summary>"28 images, 1 archive" for <paramref name="items"/>.</summary>
    /// <param name="items">Generated media.</param>
    public static string Count(IReadOnlyList<GeneratedItem> items) =>
        string.Join(", ", items.GroupBy(i => i.Kind).Select(g => $"{g.Count()} {(g.Count() == 1 ? g.Key : Plural(g.Key))}"));

    /// <summary>
    /// What changed since <paramref name="before"/>, for a turn that ended without text: the version,
    /// the new generated media, the timeline summary. Says so when nothing changed.
    /// </summary>
    /// <param name="before">The reading before the turn (null: unknown).</param>
    public string DescribeChangesSince(StateView? before)
    {
        var added = NewSince(before);
        if (before is not null && before.Version == Version && added.Count == 0)
            return $"The agent finished without a reply, and nothing changed (version {Version}). {TimelineSummary}".TrimEnd();
        var parts = new List<string> { before is null ? $"Updated (now version {Version})." : $"Updated: version {before.Version} → {Version}." };
        if (added.Count > 0) parts.Add($"New: {Count(added)}.");
        if (TimelineSummary.Length > 0) parts.Add(TimelineSummary);
        return string.Join(" ", parts);
    }

    private static string Plural(string kind) => kind switch { "archive" => "archives", "json" => "JSON files", _ => kind + "s" };

    private static string Str(JsonElement e, string name) => JsonRead.Str(e, name) ?? "";
}
