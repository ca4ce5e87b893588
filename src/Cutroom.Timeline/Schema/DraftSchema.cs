namespace Cutroom.Timeline.Schema;

/// <summary>
/// The JSON Schema (draft 2020-12) of the draft, written by hand in docs/draft.schema.json and
/// embedded in this assembly, for <c>GET /api/schema/draft</c>. It describes the shape and the
/// ranges; rules across keys (overlaps, adjacency for transitions, unique ids, fades within a
/// segment) are checked by <see cref="Validation.DraftValidator"/> only.
/// </summary>
public static class DraftSchema
{
    /// <summary>Name of the embedded resource.</summary>
    public const string ResourceName = "Cutroom.Timeline.draft.schema.json";

    /// <summary>Media type to serve it with.</summary>
    public const string ContentType = "application/schema+json";

    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = OpenStream();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The schema as JSON text.</summary>
    public static string Json => Text.Value;

    /// <summary>Opens the embedded schema as a UTF-8 stream (the caller disposes it).</summary>
    /// <exception cref="InvalidOperationException">The resource is missing (a broken build).</exception>
    public static Stream OpenStream() =>
        typeof(DraftSchema).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
}
