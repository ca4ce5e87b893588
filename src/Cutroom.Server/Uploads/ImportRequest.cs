using System.Text.Json;
using Cutroom.Server.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Cutroom.Server.Uploads;

/// <summary>The JSON form of upload (contract §5): <c>{"urls":["https://..."],"source_type":"url"}</c>.</summary>
public static class ImportRequest
{
    /// <summary>Whether <paramref name="request"/> carries JSON.</summary>
    /// <param name="request">The request.</param>
    public static bool Accepts(HttpRequest request) =>
        request is not null && MediaTypeHeaderValue.TryParse(request.ContentType, out var mt) &&
        (mt.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mt.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads and checks the URLs (every problem at once, each with its JSON path).</summary>
    /// <param name="request">A JSON request.</param>
    /// <param name="allowAnyPort">Tests only (<see cref="Hosting.UploadOptions.AllowLoopbackImports"/>): URLs may name any port.</param>
    /// <returns>The URLs, in order.</returns>
    /// <exception cref="ApiException">4000 with <c>data.errors</c>.</exception>
    public static async Task<IReadOnlyList<Uri>> ReadAsync(HttpRequest request, bool allowAnyPort)
    {
        using var doc = await RequestJson.ReadAsync(request);
        var root = doc!.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw ApiException.BadRequest("$", "the body must be a JSON object: {\"urls\":[\"https://...\"],\"source_type\":\"url\"}");
        var errors = new List<PathError>();
        if (root.TryGetProperty("source_type", out var type) && (type.ValueKind != JsonValueKind.String || type.GetString() != "url"))
            errors.Add(new PathError("source_type", "must be \"url\""));
        var uris = new List<Uri>();
        if (!root.TryGetProperty("urls", out var urls) || urls.ValueKind != JsonValueKind.Array)
            errors.Add(new PathError("urls", "required: an array of http(s) URLs"));
        else if (urls.GetArrayLength() is 0 or > UploadLimits.MaxFilesPerRequest)
            errors.Add(new PathError("urls", $"give 1 to {UploadLimits.MaxFilesPerRequest} URLs"));
        else
        {
            var i = 0;
            foreach (var u in urls.EnumerateArray())
            {
                Uri? uri = null;
                var problem = u.ValueKind == JsonValueKind.String ? UrlImporter.Problem(u.GetString(), allowAnyPort, out uri) : "must be a string";
                if (problem is not null) errors.Add(new PathError($"urls[{i}]", problem));
                else uris.Add(uri!);
                i++;
            }
        }
        if (errors.Count > 0)
            throw new ApiException(ApiCodes.BadRequest, $"invalid request: {errors[0].Path}: {errors[0].Message}", new ErrorsData(errors));
        return uris;
    }
}
