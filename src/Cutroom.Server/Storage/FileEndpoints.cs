using Cutroom.Server.Contract;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Cutroom.Server.Storage;

/// <summary>
/// <c>GET /files/&lt;key&gt;?exp=&amp;sig=</c> (contract §8): no bearer token; a tampered or expired link
/// answers 403; HTTP range requests (players seek), the stored Content-Type, and a readable
/// <c>Content-Disposition</c> (<c>inline</c>, or <c>attachment</c> with <c>?download=1</c>). With S3 storage
/// answers name presigned URLs of the store instead (<see cref="DownloadLinks"/>); a <c>/files/</c> link
/// still works there and redirects (302) to a presigned URL valid for 15 minutes.
/// </summary>
public static class FileEndpoints
{
    /// <summary>The code of a refused link (HTTP 403; not in the contract's table).</summary>
    public const int Forbidden = 403;

    /// <summary>Maps the endpoint.</summary>
    /// <param name="app">The app.</param>
    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/files/{key}", ["GET", "HEAD"], async (string key, HttpContext http, UrlSigner signer, FileStore store) =>
        {
            var q = http.Request.Query;
            if (!signer.Verify(key, q["exp"], q["sig"]))
                return TypedResults.Json(new Envelope<object>(Forbidden, "download link invalid or expired: read state again for a fresh link", null) { Error = "download link invalid or expired: read state again for a fresh link" }, ServerJson.Options, statusCode: 403);
            var file = await store.FindAsync(key, http.RequestAborted);
            // S3: the object store serves the bytes (and ranges); a link made by Cutroom redirects to a presigned URL.
            if (file is not null && store.PresignedUrl(file, TimeSpan.FromMinutes(15), attachment: q["download"] == "1") is { } presigned)
                return TypedResults.Redirect(presigned);
            string? path = file is null ? null : store.PathOf(file);
            if (file is null || path is null || !File.Exists(path))
                return Api.Error<object>(ApiCodes.NotFound, "file not found: it was deleted", null);
            var disposition = new ContentDispositionHeaderValue(q["download"] == "1" ? "attachment" : "inline");
            disposition.SetHttpFileName(file.DownloadName);
            http.Response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
            http.Response.Headers[HeaderNames.CacheControl] = "private, max-age=3600";
            return TypedResults.PhysicalFile(path, file.ContentType, enableRangeProcessing: true);
        }).WithName("Download").WithTags("files").ExcludeFromDescription();
        return app;
    }
}
