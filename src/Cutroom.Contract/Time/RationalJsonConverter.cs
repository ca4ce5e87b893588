using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cutroom.Contract.Time;

/// <summary>Writes a <see cref="Rational"/> as ffprobe does, <c>"30000/1001"</c>, and reads that form back.</summary>
public sealed class RationalJsonConverter : JsonConverter<Rational>
{
    /// <inheritdoc/>
    public override Rational Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Rational.ParseOrUnknown(reader.TokenType == JsonTokenType.String ? reader.GetString() : reader.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Rational value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
