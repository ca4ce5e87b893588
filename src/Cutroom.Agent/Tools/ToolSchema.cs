using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace Cutroom.Agent.Tools;

/// <summary>
/// Generates a tool's JSON Schema from its argument record with System.Text.Json's
/// <see cref="JsonSchemaExporter"/>, adding each property's <see cref="DescriptionAttribute"/>,
/// <see cref="RangeAttribute"/> (minimum/maximum), <see cref="AllowedValuesAttribute"/>
/// (enum) and <see cref="MinLengthAttribute"/>. Optional properties are written as their plain
/// type (not <c>[type, "null"]</c>): absent means "not given", as function-calling models expect.
/// </summary>
public static class ToolSchema
{
    // Numbers are read leniently ("10" is 10) but advertised strictly.
    private static readonly System.Text.Json.JsonSerializerOptions Strict = new(AgentJson.Options) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict };

    /// <summary>The schema of <paramref name="argumentType"/>.</summary>
    /// <param name="argumentType">An argument record.</param>
    public static JsonObject For(Type argumentType)
    {
        ArgumentNullException.ThrowIfNull(argumentType);
        var options = new JsonSchemaExporterOptions { TransformSchemaNode = Transform, TreatNullObliviousAsNonNullable = true };
        var node = Strict.GetJsonSchemaAsNode(argumentType, options).AsObject();
        node.Remove("$schema");
        node["additionalProperties"] = false;
        return node;
    }

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (schema is not JsonObject obj) return schema;
        var attrs = context.PropertyInfo?.AttributeProvider as MemberInfo;
        if (attrs is null) return obj;
        DropNull(obj);
        if (attrs.GetCustomAttribute<DescriptionAttribute>() is { } d) obj["description"] = d.Description;
        if (attrs.GetCustomAttribute<RangeAttribute>() is { } r)
        {
            if (Number(r.Minimum) is { } min && min > -1e15) obj["minimum"] = min;
            if (Number(r.Maximum) is { } max && max < 1e15) obj["maximum"] = max;
        }
        if (attrs.GetCustomAttribute<AllowedValuesAttribute>() is { } a)
            obj["enum"] = new JsonArray([.. a.Values.OfType<string>().Select(v => (JsonNode)JsonValue.Create(v))]);
        if (attrs.GetCustomAttribute<MinLengthAttribute>() is { } ml)
            obj[obj["type"]?.GetValue<string>() == "array" ? "minItems" : "minLength"] = ml.Length;
        return obj;
    }

    private static void DropNull(JsonObject obj)
    {
        if (obj["type"] is JsonArray types && types.Count == 2 && types.Any(t => t?.GetValue<string>() == "null"))
            obj["type"] = types.First(t => t?.GetValue<string>() != "null")!.GetValue<string>();
    }

    private static double? Number(object? value) => value switch
    {
        null => null,
        IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };
}
