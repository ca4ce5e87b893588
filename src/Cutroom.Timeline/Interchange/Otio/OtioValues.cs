using System.Text.Json;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Time;

namespace Cutroom.Timeline.Interchange.Otio;

/// <summary>
/// Reads the values of an OTIO JSON file for <see cref="OtioImporter"/>: <c>RationalTime</c>s as exact
/// times (to the µs), <c>TimeRange</c>s, schema names, strings and Cutroom's metadata object.
/// A missing or malformed value adds a coded error at its path and reads as null.
/// </summary>
internal static class OtioValues
{
    /// <summary>The TimeRange under <paramref name="key"/> of <paramref name="owner"/>; <c>required</c> when absent.</summary>
    internal static (MediaTime Start, MediaTime Duration)? ReadRange(JsonElement owner, string key, string ownerPath, List<JobError> errors)
    {
        if (!owner.TryGetProperty(key, out var range) || range.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new JobError(JobErrorCodes.Required, $"{ownerPath}.{key}", "must be a TimeRange"));
            return null;
        }
        return ReadRange(range, $"{ownerPath}.{key}", errors);
    }

    /// <summary>A TimeRange object: start and duration (≥ 0).</summary>
    internal static (MediaTime Start, MediaTime Duration)? ReadRange(JsonElement range, string path, List<JobError> errors)
    {
        var start = ReadTime(range, "start_time", path, errors);
        var duration = ReadTime(range, "duration", path, errors);
        if (start is null || duration is null) return null;
        if (duration.Value.IsNegative)
        {
            errors.Add(new JobError(JobErrorCodes.OutOfRange, $"{path}.duration", "must be >= 0"));
            return null;
        }
        return (start.Value, duration.Value);
    }

    /// <summary>A RationalTime as an exact time to the microsecond (value ÷ rate seconds).</summary>
    internal static MediaTime? ReadTime(JsonElement owner, string key, string ownerPath, List<JobError> errors)
    {
        var path = $"{ownerPath}.{key}";
        if (!owner.TryGetProperty(key, out var t) || t.ValueKind != JsonValueKind.Object
            || !t.TryGetProperty("value", out var v) || !v.TryGetDouble(out var value)
            || !t.TryGetProperty("rate", out var r) || !r.TryGetDouble(out var rate))
        {
            errors.Add(new JobError(JobErrorCodes.Required, path, "must be a RationalTime with a value and a rate"));
            return null;
        }
        if (rate <= 0 || !double.IsFinite(value))
        {
            errors.Add(new JobError(JobErrorCodes.OutOfRange, path, $"must have a positive rate and a finite value (got {value} at {rate})"));
            return null;
        }
        return MediaTime.FromSeconds(value / rate);
    }

    /// <summary>The item's <c>metadata.cutroom</c> object, if any.</summary>
    internal static JsonElement? CutroomOf(JsonElement item) =>
        item.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object
            && m.TryGetProperty(OtioSchemas.CutroomKey, out var c) && c.ValueKind == JsonValueKind.Object ? c : null;

    /// <summary>The object's <c>OTIO_SCHEMA</c>, if any.</summary>
    internal static string? SchemaOf(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(OtioSchemas.SchemaKey, out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;

    /// <summary>True when the object's schema is <paramref name="name"/> at any version.</summary>
    internal static bool IsSchema(JsonElement e, string name) => SchemaOf(e)?.StartsWith(name + ".", StringComparison.Ordinal) == true;

    /// <summary>A string property, or null.</summary>
    internal static string? StringOf(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
