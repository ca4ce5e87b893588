using System.Text.Json;
using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Hosting;
using Cutroom.Server.Storage;
using Cutroom.Server.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.DevApi;

/// <summary>
/// <c>POST /v1/media</c> (multipart parts named <c>files</c>, or JSON <c>{"url":"https://…"}</c> /
/// <c>{"urls":[…]}</c> through URL import and its address policy) and <c>GET /v1/media/{id}</c>.
/// Media land in the caller's API session (<see cref="ApiSessions"/>) with the upload checks and quota of the chat API.
/// </summary>
public static class V1MediaEndpoints
{
    private const string SingleUrl = "cutroom.v1.single_url";

    /// <summary>Maps the endpoints on the <c>/v1</c> group.</summary>
    /// <param name="v1">The group.</param>
    public static RouteGroupBuilder MapV1Media(this RouteGroupBuilder v1)
    {
        v1.MapPost("/media", PostAsync).WithName("V1MediaCreate").WithTags("v1 media")
            .WithSummary("Upload media (multipart parts named 'files') or import a URL (JSON {url} or {urls}); all or nothing")
            .Accepts<V1MediaImport>("application/json", "multipart/form-data")
            .Produces<V1MediaList>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(413).ProducesProblem(415);
        v1.MapGet("/media/{id}", GetAsync).WithName("V1MediaGet").WithTags("v1 media")
            .WithSummary("A media item with a fresh signed link")
            .Produces<V1Media>().ProducesProblem(404);
        return v1;
    }

    private static async Task<IResult> PostAsync(HttpContext http, ApiSessions sessions, UploadService uploads, DownloadLinks links, ServerOptions options)
    {
        var session = await sessions.ForAsync(Caller.Of(http), http.RequestAborted);
        IReadOnlyList<Uri>? urls = null;
        if (!MultipartReceiver.Accepts(http.Request))
        {
            if (!ImportRequest.Accepts(http.Request))
                throw ApiException.BadRequest("$", "send multipart/form-data with parts named 'files', or JSON {\"url\":\"https://...\"}");
            urls = await ReadUrlsAsync(http.Request, options.Upload.AllowLoopbackImports);
        }
        IReadOnlyList<Data.Entities.MediaRow> rows;
        try
        {
            rows = await uploads.ReceiveAsync(http, session.Id, urls);
        }
        catch (ApiException e) when (e.Payload is ErrorsData errors && urls is { Count: 1 } && http.Items[SingleUrl] is true)
        {
            // The import names its URLs urls[i]; the one-URL form calls it url.
            var renamed = errors.Errors.Select(x => x.Path == "urls[0]" ? x with { Path = "url" } : x).ToList();
            throw new ApiException(e.Code, e.Message, new ErrorsData(renamed), e.RetryAfterSeconds);
        }
        var url = await links.ForAsync(http.Request, rows.Select(r => r.FileKey), CancellationToken.None);
        return TypedResults.Json(new V1MediaList([.. rows.Select(r => V1Media.Of(r, url(r.FileKey)))]), ServerJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, IDbContextFactory<CutroomDb> db, DownloadLinks links)
    {
        var accountId = Caller.Of(http).AccountId;
        await using var ctx = await db.CreateDbContextAsync(http.RequestAborted);
        var row = await ctx.Media.AsNoTracking()
            .Where(m => m.Id == id && ctx.Sessions.Any(s => s.Id == m.SessionId && s.AccountId == accountId))
            .FirstOrDefaultAsync(http.RequestAborted) ?? throw ApiException.NotFound("media item");
        var url = await links.ForAsync(http.Request, [row.FileKey], http.RequestAborted);
        return TypedResults.Json(V1Media.Of(row, url(row.FileKey)), ServerJson.Options);
    }

    /// <summary><c>{"url":"…"}</c> or <c>{"urls":["…"]}</c>, each checked like URL import's.</summary>
    private static async Task<IReadOnlyList<Uri>> ReadUrlsAsync(HttpRequest request, bool allowAnyPort)
    {
        using var doc = await RequestJson.ReadAsync(request);
        var root = doc!.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest("$", "the body must be a JSON object: {\"url\":\"https://...\"}");
        var texts = new List<(string Field, JsonElement Value)>();
        if (root.TryGetProperty("url", out var one))
        {
            texts.Add(("url", one));
            request.HttpContext.Items[SingleUrl] = true;
        }
        else if (root.TryGetProperty("urls", out var many) && many.ValueKind == JsonValueKind.Array && many.GetArrayLength() is > 0 and <= UploadLimits.MaxFilesPerRequest)
            texts.AddRange(many.EnumerateArray().Select((u, i) => ($"urls[{i}]", u)));
        else throw ApiException.BadRequest("url", $"required: an http(s) URL (or urls: 1 to {UploadLimits.MaxFilesPerRequest} of them)");
        var errors = new List<PathError>();
        var uris = new List<Uri>();
        foreach (var (field, value) in texts)
        {
            Uri? uri = null;
            var problem = value.ValueKind == JsonValueKind.String ? UrlImporter.Problem(value.GetString(), allowAnyPort, out uri) : "must be a string";
            if (problem is not null) errors.Add(new PathError(field, problem));
            else uris.Add(uri!);
        }
        if (errors.Count > 0) throw new ApiException(ApiCodes.BadRequest, $"invalid request: {errors[0].Path}: {errors[0].Message}", new ErrorsData(errors));
        return uris;
    }
}

/// <summary>The JSON body of <c>POST /v1/media</c> (the other form is multipart with parts named <c>files</c>).</summary>
/// <param name="Url">One http(s) URL to import.</param>
/// <param name="Urls">Or several (1-10).</param>
public sealed record V1MediaImport(string? Url, IReadOnlyList<string>? Urls);
