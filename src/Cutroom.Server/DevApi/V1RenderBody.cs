using System.Text.Json;
using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Cutroom.Server.Hosting;
using Cutroom.Server.Render;

namespace Cutroom.Server.DevApi;

/// <summary>The body of <c>POST /v1/renders</c> (its shape for the OpenAPI document; read by <see cref="V1RenderBodies"/>).</summary>
/// <param name="Draft">The draft to render (the schema of <c>GET /api/schema/draft</c>); or give <paramref name="TemplateId"/>.</param>
/// <param name="TemplateId">A saved template (<c>tpl_…</c>) to render with <paramref name="Merge"/>, instead of a draft.</param>
/// <param name="Merge">Values of the template's merge fields (<c>{"title":"Hello","photo1":"med_…"}</c>).</param>
/// <param name="Output">Output settings; default mp4, high.</param>
/// <param name="CallbackUrl">An http(s) URL that receives the signed <c>render.completed</c> / <c>render.failed</c> event.</param>
/// <param name="IdempotencyKey">1-64 of A-Z a-z 0-9 _ -: the same key with the same request returns the same render; with another, 409.</param>
public sealed record V1RenderBody(JsonElement? Draft, string? TemplateId, IReadOnlyDictionary<string, string>? Merge, V1OutputSettings? Output,
    string? CallbackUrl, string? IdempotencyKey);

/// <summary>Output settings of a render.</summary>
/// <param name="Format">mp4 (default), webm, mov or gif.</param>
/// <param name="Quality">low, medium or high (default).</param>
public sealed record V1OutputSettings(string? Format, string? Quality);

/// <summary>A read and checked <c>POST /v1/renders</c> body.</summary>
/// <param name="Request">The render request (its id is the idempotency key).</param>
/// <param name="CallbackUrl">The checked callback URL, or null.</param>
public sealed record V1RenderPost(RenderRequest Request, string? CallbackUrl);

/// <summary>
/// Reads <c>POST /v1/renders</c> bodies into the render request of the chat API's render path
/// (<see cref="RenderRequest.Read"/>: the draft checked once, every problem with its path), after
/// filling a template's merge fields when the body names a template.
/// </summary>
/// <param name="options">Webhook settings (the callback's address policy).</param>
/// <param name="templates">Saved templates.</param>
public sealed class V1RenderBodies(ServerOptions options, Templates templates)
{
    /// <summary>Reads and checks <paramref name="body"/>.</summary>
    /// <param name="body">The parsed body.</param>
    /// <param name="caller">The caller (templates are the account's).</param>
    /// <param name="sessionId">The caller's API session.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="ApiException">4000 with every problem and its path; 4004 for an unknown template.</exception>
    public async Task<V1RenderPost> ReadAsync(JsonElement body, Caller caller, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (body.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest("$", "the body must be a JSON object");
        var errors = new List<PathError>();
        var key = String(body, "idempotency_key", errors);
        if (key is not null && !RenderRequest.IsValidId(key)) errors.Add(new PathError("idempotency_key", "must be 1-64 characters of A-Z a-z 0-9 _ -"));
        var callback = String(body, "callback_url", errors);
        if (callback is not null && CallbackAddress.Problem(callback, options.Webhooks) is { } bad) errors.Add(new PathError("callback_url", bad));

        var templateId = String(body, "template_id", errors);
        JsonDocument? filled = null;
        try
        {
            var source = body;
            if (templateId is not null)
            {
                if (body.TryGetProperty("draft", out var both) && both.ValueKind != JsonValueKind.Null)
                    errors.Add(new PathError("draft", "give either draft or template_id, not both"));
                filled = await templates.FillAsync(caller.AccountId, templateId, body.TryGetProperty("merge", out var m) ? m : default, body, errors, cancellationToken);
                if (filled is null) throw Invalid(errors);
                source = filled.RootElement;
            }
            var request = RenderRequest.Read(source, key ?? Hosting.Ids.New("rnd"), sessionId, errors);
            if (errors.Count > 0 || request is null) throw Invalid(errors);
            return new V1RenderPost(request, callback);
        }
        finally
        {
            filled?.Dispose();
        }
    }

    private static ApiException Invalid(List<PathError> errors) =>
        new(ApiCodes.BadRequest, errors.Count == 1 ? $"invalid request: {errors[0].Path}: {errors[0].Message}"
            : $"invalid request: {errors.Count} problems, each listed with its path in errors", new ErrorsData([.. errors]));

    private static string? String(JsonElement body, string name, List<PathError> errors)
    {
        if (!body.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s) return s;
        errors.Add(new PathError(name, "must be a non-empty string"));
        return null;
    }
}
