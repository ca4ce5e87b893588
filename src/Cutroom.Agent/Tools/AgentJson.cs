using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Cutroom.Agent.Tools;

/// <summary>
/// The JSON conventions of tool arguments and results: snake_case names (<c>every_n</c>,
/// <c>at_ms</c>), absent optional values left out, Unicode written as is (Chinese texts stay
/// readable), unknown argument names refused (an LLM call naming an argument that does not
/// exist is an invalid call, not a silently ignored one).
/// </summary>
public static class AgentJson
{
    /// <summary>Options for reading and writing tool arguments.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        o.MakeReadOnly();
        return o;
    }
}
