using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Cutroom.Server.Tests.DevApi;

/// <summary>The response schemas of a served OpenAPI 3.1 document as JSON Schemas (JsonSchema.Net, draft 2020-12): components become <c>$defs</c>.</summary>
internal sealed class OpenApiSchemas(JsonElement document)
{
    private readonly string _defs = document.GetProperty("components").GetProperty("schemas").GetRawText().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);

    /// <summary>The schema of the <paramref name="status"/> answer of <paramref name="method"/> <paramref name="path"/> (as the document spells the path).</summary>
    public JsonSchema Response(string path, string method, int status)
    {
        var op = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        var content = op.GetProperty("responses").GetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture)).GetProperty("content");
        var media = content.EnumerateObject().First(c => c.Name.Contains("json", StringComparison.Ordinal)).Value;
        var schema = media.GetProperty("schema").GetRawText().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText($$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$defs":{{_defs}},"allOf":[{{schema}}]}""");
    }

    /// <summary>Asserts that <paramref name="instance"/> (a real answer) is valid against the schema, listing every error otherwise.</summary>
    public void AssertValid(string path, string method, int status, JsonElement instance)
    {
        var result = Response(path, method, status).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return;
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}"));
        Assert.Fail($"{method.ToUpperInvariant()} {path} {status} does not match its schema:\n{string.Join("\n", errors)}\n{instance}");
    }
}
