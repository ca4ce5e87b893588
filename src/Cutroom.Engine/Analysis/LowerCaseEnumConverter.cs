using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cutroom.Engine.Analysis;

/// <summary>Writes and reads an enum as its snake_case name (<c>exact</c>, <c>fade</c>), as the rest of Cutroom's JSON.</summary>
/// <typeparam name="T">The enum.</typeparam>
public sealed class LowerCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
