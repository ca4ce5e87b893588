using System.Text;
using System.Text.Json;
using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.DevApi;

/// <summary>A template as shown.</summary>
/// <param name="Id">Its id (<c>tpl_…</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="Fields">Its merge fields, in order of first use.</param>
/// <param name="Draft">The draft with its placeholders.</param>
/// <param name="CreatedAt">Saved at (UTC).</param>
public sealed record V1Template(string Id, string Name, IReadOnlyList<string> Fields, JsonElement Draft, DateTime CreatedAt);

/// <summary>The body of <c>POST /v1/templates</c>.</summary>
/// <param name="Name">1-128 characters.</param>
/// <param name="Draft">A draft whose strings may hold <c>{{field}}</c> placeholders (a media <c>src</c>, a text, a title).</param>
public sealed record V1TemplateBody(string Name, JsonElement Draft);

/// <summary>
/// Render templates (the Shotstack/Creatomate pattern for batch personalised videos): a draft saved
/// with <c>{{field}}</c> placeholders (<see cref="MergeFields"/>), rendered by <c>POST /v1/renders</c>
/// with <c>template_id</c> and <c>merge</c> values; the filled draft is then checked like any posted draft.
/// </summary>
/// <param name="db">The database.</param>
/// <param name="clock">The time.</param>
public sealed class Templates(IDbContextFactory<CutroomDb> db, TimeProvider clock)
{
    /// <summary>The longest template name.</summary>
    public const int MaxNameLength = 128;

    /// <summary>Saves a template for <paramref name="accountId"/>.</summary>
    /// <param name="accountId">The owner.</param>
    /// <param name="body">The parsed body.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="ApiException">4000 for a missing name or a draft that is not an object.</exception>
    public async Task<V1Template> SaveAsync(string accountId, JsonElement body, CancellationToken cancellationToken)
    {
        var errors = new List<PathError>();
        if (body.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest("$", "the body must be a JSON object: {\"name\",\"draft\"}");
        var name = body.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!.Trim() : "";
        if (name.Length is 0 or > MaxNameLength) errors.Add(new PathError("name", $"required: 1-{MaxNameLength} characters"));
        if (!body.TryGetProperty("draft", out var draft) || draft.ValueKind != JsonValueKind.Object)
            errors.Add(new PathError("draft", "required: a draft (JSON object) with {{field}} placeholders in its strings"));
        if (errors.Count > 0) throw new ApiException(ApiCodes.BadRequest, $"invalid request: {errors[0].Path}: {errors[0].Message}", new ErrorsData(errors));
        var row = new RenderTemplate
        {
            Id = Ids.New("tpl"), AccountId = accountId, Name = name, DraftJson = draft.GetRawText(),
            Fields = JsonSerializer.Serialize(MergeFields.Find(draft)), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        ctx.Templates.Add(row);
        await ctx.SaveChangesAsync(cancellationToken);
        return Shape(row);
    }

    /// <summary>The caller's template <paramref name="id"/>.</summary>
    /// <param name="accountId">The caller's account.</param>
    /// <param name="id">A template id.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="ApiException">4004 when it is missing or another account's.</exception>
    public async Task<V1Template> GetAsync(string accountId, string id, CancellationToken cancellationToken) => Shape(await RequireAsync(accountId, id, cancellationToken));

    /// <summary>
    /// A render body made from template <paramref name="templateId"/> filled with <paramref name="merge"/>:
    /// <c>{"draft":&lt;filled&gt;,"output":&lt;the body's&gt;}</c>, or null when <paramref name="errors"/> got problems.
    /// </summary>
    /// <param name="accountId">The caller's account.</param>
    /// <param name="templateId">The template.</param>
    /// <param name="merge">The body's <c>merge</c>.</param>
    /// <param name="body">The whole body (its <c>output</c> is kept).</param>
    /// <param name="errors">Receives problems of <c>merge</c>.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="ApiException">4004 for an unknown template (field <c>template_id</c>).</exception>
    public async Task<JsonDocument?> FillAsync(string accountId, string templateId, JsonElement merge, JsonElement body, List<PathError> errors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var row = await RequireAsync(accountId, templateId, cancellationToken);
        using var draft = JsonDocument.Parse(row.DraftJson);
        var fields = JsonSerializer.Deserialize<List<string>>(row.Fields) ?? [];
        var before = errors.Count;
        var values = MergeFields.Read(merge, fields, errors);
        if (errors.Count > before) return null;
        var output = body.TryGetProperty("output", out var o) ? o.GetRawText() : "null";
        return JsonDocument.Parse(Encoding.UTF8.GetBytes("{\"draft\":" + MergeFields.Fill(draft.RootElement, values) + ",\"output\":" + output + "}"));
    }

    private async Task<RenderTemplate> RequireAsync(string accountId, string id, CancellationToken ct)
    {
        await using var ctx = await db.CreateDbContextAsync(ct);
        return await ctx.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.AccountId == accountId, ct)
               ?? throw new ApiException(ApiCodes.NotFound, "template not found: check the id", new ErrorsData([new PathError("template_id", "no template of yours has this id")]));
    }

    private static V1Template Shape(RenderTemplate t)
    {
        using var draft = JsonDocument.Parse(t.DraftJson);
        return new V1Template(t.Id, t.Name, JsonSerializer.Deserialize<List<string>>(t.Fields) ?? [], draft.RootElement.Clone(), t.CreatedAt);
    }
}
