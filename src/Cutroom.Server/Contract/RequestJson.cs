using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Cutroom.Server.Contract;

/// <summary>Reads a JSON request body with a size cap; malformed JSON is a 4000 with the place it broke.</summary>
public static class RequestJson
{
    /// <summary>The largest JSON body accepted (bytes): 4 MiB (a draft with hundreds of segments fits).</summary>
    public const long MaxBytes = 4 * 1024 * 1024;

    /// <summary>Parses the body.</summary>
    /// <param name="request">The request.</param>
    /// <param name="allowEmpty">Whether an empty body gives null instead of an error.</param>
    /// <param name="maxBytes">The cap (bytes); default <see cref="MaxBytes"/>.</param>
    /// <exception cref="ApiException">4000 when the body is too large or not JSON.</exception>
    public static async Task<JsonDocument?> ReadAsync(HttpRequest request, bool allowEmpty = false, long maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes) throw ApiException.BadRequest("$", $"the body is larger than {maxBytes / 1024 / 1024} MiB");
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int n;
        while ((n = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > maxBytes) throw ApiException.BadRequest("$", $"the body is larger than {maxBytes / 1024 / 1024} MiB");
        }
        if (buffer.Length == 0)
        {
            if (allowEmpty) return null;
            throw ApiException.BadRequest("$", "the body is empty; send a JSON object");
        }
        try
        {
            return JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new ApiException(ApiCodes.BadRequest, "malformed JSON body",
                new ErrorsData([new PathError("$", $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})")]));
        }
    }
}
