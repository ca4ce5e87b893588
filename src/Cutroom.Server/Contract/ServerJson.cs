using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Cutroom.Server.Contract;

/// <summary>
/// JSON of the HTTP contract: snake_case names (contract §1), nulls written, source-generated
/// metadata for the envelopes and data records (<see cref="ServerJsonContext"/>), with the
/// reflection resolver behind it for anything not listed.
/// </summary>
public static class ServerJson
{
    /// <summary>The options every answer is written with.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(ServerJsonContext.Default.Options);
        o.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
        o.MakeReadOnly();
        return o;
    }
}

/// <summary>Source-generated JSON metadata of the contract's shapes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    Converters = [typeof(UtcDateTimeConverter)])]
[JsonSerializable(typeof(Envelope<object>))]
[JsonSerializable(typeof(Envelope<ErrorsData>))]
[JsonSerializable(typeof(Envelope<RequestIdData>))]
[JsonSerializable(typeof(Envelope<OutOfCreditsData>))]
[JsonSerializable(typeof(Envelope<UploadRejectionData>))]
public partial class ServerJsonContext : JsonSerializerContext;

/// <summary>Writes times as ISO 8601 UTC with a <c>Z</c> and whole seconds (contract §1: <c>2026-11-21T10:00:00Z</c>).</summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    /// <inheritdoc/>
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTime().ToUniversalTime();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        writer.WriteStringValue(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }
}
