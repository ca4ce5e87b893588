using System.Globalization;
using Cutroom.Server.Contract;

namespace Cutroom.Server.Uploads;

/// <summary>The refusals of an upload request, each with the contract's code and <c>data</c> (contract §2, §5).</summary>
public static class UploadRefusals
{
    /// <summary>4002: one file passed the per-file limit.</summary>
    /// <param name="name">The file's sanitised name.</param>
    /// <param name="limitBytes">The limit (bytes).</param>
    public static ApiException FileTooLarge(string name, long limitBytes)
    {
        var reason = $"larger than the limit of {Size(limitBytes)} per file";
        return new ApiException(ApiCodes.TooLarge, $"'{name}' is {reason}: compress or trim it and upload again",
            new UploadRejectionData([new RejectedFile(name, reason)], ApiCodes.AcceptedFormats, limitBytes));
    }

    /// <summary>4002: the request would pass the session's disk quota.</summary>
    /// <param name="name">The file that passed it, or null when the whole request was refused before reading.</param>
    /// <param name="quotaBytes">The session's quota (bytes).</param>
    /// <param name="limitBytes">The per-file limit (bytes), for <c>data.limit_bytes</c>.</param>
    public static ApiException QuotaExceeded(string? name, long quotaBytes, long limitBytes)
    {
        var reason = $"the session's disk quota of {Size(quotaBytes)} would be exceeded";
        return new ApiException(ApiCodes.TooLarge, $"upload refused: {reason}; start a new session or upload smaller files",
            new UploadRejectionData(name is null ? [] : [new RejectedFile(name, reason)], ApiCodes.AcceptedFormats, limitBytes));
    }

    /// <summary>4002 before reading: the body's <c>Content-Length</c> is more than its files could be.</summary>
    /// <param name="contentLength">The announced body size (bytes).</param>
    /// <param name="limitBytes">The per-file limit (bytes).</param>
    public static ApiException BodyTooLarge(long contentLength, long limitBytes) =>
        new(ApiCodes.TooLarge,
            $"the request body ({Size(contentLength)}) is larger than {UploadLimits.MaxFilesPerRequest} files of at most {Size(limitBytes)} each; send fewer or smaller files",
            new UploadRejectionData([], ApiCodes.AcceptedFormats, limitBytes));

    /// <summary>The refusal of files that failed the content checks: 4001 when any is unsupported, else 4002.</summary>
    /// <param name="rejected">Each refused file with its reason.</param>
    /// <param name="anyUnsupported">Whether any was refused for its type or content (not its size).</param>
    /// <param name="limitBytes">The per-file limit (bytes).</param>
    public static ApiException Rejected(IReadOnlyList<RejectedFile> rejected, bool anyUnsupported, long limitBytes)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var what = rejected.Count == 1 ? $"'{rejected[0].Name}' was refused: {rejected[0].Reason}" : $"{rejected.Count} files were refused (see data.rejected)";
        return anyUnsupported
            ? new ApiException(ApiCodes.UnsupportedMedia, $"{what}; nothing from this upload was kept. Accepted: {string.Join(", ", ApiCodes.AcceptedFormats)}",
                new UploadRejectionData(rejected, ApiCodes.AcceptedFormats, limitBytes))
            : new ApiException(ApiCodes.TooLarge, $"{what}; nothing from this upload was kept",
                new UploadRejectionData(rejected, ApiCodes.AcceptedFormats, limitBytes));
    }

    /// <summary>A size for messages: <c>500 MB</c>, <c>1.5 GB</c>, <c>12 KB</c> (binary units).</summary>
    /// <param name="bytes">Bytes.</param>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
