using System.Text.Json;

namespace Cutroom.Cli.Client;

/// <summary>
/// Tolerant reads of answer fields: a missing field, a null or a value of another type reads as
/// null, never as an exception (a server may leave out what does not apply, e.g. an image's duration).
/// </summary>
public static class JsonRead
{
    /// <summary>The property <paramref name="name"/> of an object, or null.</summary>
    /// <param name="e">Any element.</param>
    /// <param name="name">The property.</param>
    public static JsonElement? Prop(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? v : null;

    /// <summary>A string property, or null.</summary>
    /// <param name="e">Any element.</param>
    /// <param name="name">The property.</param>
    public static string? Str(JsonElement? e, string name) => Prop(e, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    /// <summary>An integer property that fits 32 bits, or null.</summary>
    /// <param name="e">Any element.</param>
    /// <param name="name">The property.</param>
    public static int? Int32Of(JsonElement? e, string name) => Prop(e, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var n) ? n : null;

    /// <summary>An integer property, or null.</summary>
    /// <param name="e">Any element.</param>
    /// <param name="name">The property.</param>
    public static long? Int64Of(JsonElement? e, string name) => Prop(e, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var n) ? n : null;
}
