using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Cutroom.Server.DevApi;

/// <summary><c>POST /v1/templates</c> (save a draft with <c>{{field}}</c> placeholders) and <c>GET /v1/templates/{id}</c>; rendered by <c>POST /v1/renders</c> with <c>template_id</c> and <c>merge</c>.</summary>
public static class V1TemplateEndpoints
{
    /// <summary>Maps the endpoints on the <c>/v1</c> group.</summary>
    /// <param name="v1">The group.</param>
    public static RouteGroupBuilder MapV1Templates(this RouteGroupBuilder v1)
    {
        v1.MapPost("/templates", async (HttpContext http, Templates templates) =>
            {
                using var doc = await RequestJson.ReadAsync(http.Request);
                return TypedResults.Json(await templates.SaveAsync(Caller.Of(http).AccountId, doc!.RootElement, http.RequestAborted), ServerJson.Options,
                    statusCode: StatusCodes.Status201Created);
            }).WithName("V1TemplateCreate").WithTags("v1 templates")
            .WithSummary("Save a draft as a template; its merge fields are the {{name}} placeholders in its strings")
            .Accepts<V1TemplateBody>("application/json").Produces<V1Template>(StatusCodes.Status201Created).ProducesProblem(400);
        v1.MapGet("/templates/{id}", async (string id, HttpContext http, Templates templates) =>
                TypedResults.Json(await templates.GetAsync(Caller.Of(http).AccountId, id, http.RequestAborted), ServerJson.Options))
            .WithName("V1TemplateGet").WithTags("v1 templates").WithSummary("A template with its merge fields")
            .Produces<V1Template>().ProducesProblem(404);
        return v1;
    }
}
