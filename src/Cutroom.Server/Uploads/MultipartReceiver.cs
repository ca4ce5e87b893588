using Cutroom.Server.Contract;
using Cutroom.Server.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Cutroom.Server.Uploads;

/// <summary>
/// Streams a <c>multipart/form-data</c> body (parts named <c>files</c>, contract §5) into temp
/// files, one part at a time, never holding a file in memory (docs/security.md §8). Each part is
/// counted while it is copied and the request is refused (4002) at the first byte over the
/// per-file limit or the session's quota, without reading the rest of the body. A body whose
/// <c>Content-Length</c> is more than its files could be (<see cref="UploadLimits.MultipartOverheadBytes"/>)
/// is refused before it is read.
/// </summary>
public static class MultipartReceiver
{
    private const int ReaderBufferBytes = 64 * 1024;

    /// <summary>Whether <paramref name="request"/> is multipart/form-data.</summary>
    /// <param name="request">The request.</param>
    public static bool Accepts(HttpRequest request) =>
        request is not null && MediaTypeHeaderValue.TryParse(request.ContentType, out var mt) &&
        mt.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>Receives every part into <paramref name="batch"/>.</summary>
    /// <param name="request">A multipart/form-data request.</param>
    /// <param name="store">Makes temp paths.</param>
    /// <param name="budget">The size limits.</param>
    /// <param name="batch">Collects the temp files (deleted by the caller on failure).</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="ApiException">4000 for a malformed body, a part not named <c>files</c>, too many parts or no file; 4002 for a file over the limit or the quota.</exception>
    /// <exception cref="IOException">Writing a temp file failed (a full disk: 507).</exception>
    public static async Task ReceiveAsync(HttpRequest request, FileStore store, ByteBudget budget, UploadBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(batch);
        var boundary = Boundary(request.ContentType);
        var filesCap = budget.MaxFileBytes > long.MaxValue / (2 * UploadLimits.MaxFilesPerRequest) ? long.MaxValue / 2 : UploadLimits.MaxFilesPerRequest * budget.MaxFileBytes;
        var quotaIsTighter = budget.QuotaLeftBytes < filesCap;
        var cap = Math.Min(filesCap, budget.QuotaLeftBytes) + UploadLimits.MultipartOverheadBytes;
        if (request.ContentLength > cap) throw TooLarge(request.ContentLength.Value);

        var reader = new MultipartReader(boundary, new CappedReadStream(request.Body, cap), ReaderBufferBytes)
        {
            HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024,
        };
        var index = 0;
        try
        {
            while (await NextAsync(reader, cancellationToken) is { } section)
            {
                if (index == UploadLimits.MaxFilesPerRequest)
                    throw ApiException.BadRequest($"files[{index}]", $"at most {UploadLimits.MaxFilesPerRequest} files per request");
                var name = FileNameOf(section, index);
                var temp = batch.Track(store.NewTempPath());
                var size = await budget.CopyAsync(section.Body, temp, name, cancellationToken);
                batch.Add(new ReceivedFile(name, temp, size, $"files[{index}]"));
                index++;
            }
        }
        catch (BodyCapExceededException)
        {
            throw TooLarge(null);
        }
        catch (SourceReadException e)
        {
            throw Malformed(e.InnerException!);
        }
        if (index == 0) throw ApiException.BadRequest("files", "no file: send one or more parts named 'files' (curl -F \"files=@clip.mp4\")");

        ApiException TooLarge(long? contentLength) => quotaIsTighter
            ? UploadRefusals.QuotaExceeded(null, budget.QuotaBytes, budget.MaxFileBytes)
            : UploadRefusals.BodyTooLarge(contentLength ?? cap, budget.MaxFileBytes);
    }

    private static async Task<MultipartSection?> NextAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try { return await reader.ReadNextSectionAsync(cancellationToken); }
        catch (IOException e) { throw Malformed(e); }
        catch (InvalidDataException e) { throw Malformed(e); }
    }

    private static string Boundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mt)) throw ApiException.BadRequest("$", "Content-Type is not multipart/form-data");
        var boundary = HeaderUtilities.RemoveQuotes(mt.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
            throw ApiException.BadRequest("$", "the multipart Content-Type has no valid boundary (1-70 characters)");
        return boundary;
    }

    private static string FileNameOf(MultipartSection section, int index)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var cd) || !cd.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            throw ApiException.BadRequest($"parts[{index}]", "each part needs Content-Disposition: form-data; name=\"files\"; filename=\"...\"");
        var field = HeaderUtilities.RemoveQuotes(cd.Name).Value;
        if (!string.Equals(field, "files", StringComparison.Ordinal))
            throw ApiException.BadRequest($"parts[{index}]", $"unexpected part '{FileNames.Sanitize(field)}': send each file as a part named 'files'");
        var fileName = cd.FileNameStar.HasValue ? cd.FileNameStar.Value : HeaderUtilities.RemoveQuotes(cd.FileName).Value;
        return FileNames.Sanitize(fileName);
    }

    private static ApiException Malformed(Exception e) => e is BadHttpRequestException bad && bad.StatusCode == StatusCodes.Status408RequestTimeout
        ? ApiException.BadRequest("$", "the upload was too slow and was dropped; try again on a faster connection")
        : ApiException.BadRequest("$", "the multipart body is malformed or ended early");
}
