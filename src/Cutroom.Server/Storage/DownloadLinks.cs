using Cutroom.Server.Data;
using Cutroom.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Storage;

/// <summary>
/// The download links of answers (contract §8, lifetime <see cref="ServerOptions.DownloadLinkLifetime"/>):
/// Cutroom's signed <c>/files/&lt;key&gt;</c> links with the local store, the object store's presigned
/// GET URLs with S3 (the store serves the bytes and their ranges; Cutroom is not in the path).
/// </summary>
/// <param name="store">The stored files.</param>
/// <param name="signer">Cutroom's signed links.</param>
/// <param name="options">The link lifetime.</param>
/// <param name="db">The database (file rows, for presigning).</param>
public sealed class DownloadLinks(FileStore store, UrlSigner signer, ServerOptions options, IDbContextFactory<CutroomDb> db)
{
    /// <summary>A function from stored-file key to link, for the keys an answer will name (one query for all of them).</summary>
    /// <param name="request">The request being answered (Cutroom's links start with the server's <see cref="PublicAddress"/>).</param>
    /// <param name="fileKeys">The keys the answer names.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>Key → absolute URL; a key without a row gets Cutroom's link (which answers 404).</returns>
    public async Task<Func<string, string>> ForAsync(HttpRequest request, IEnumerable<string> fileKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(fileKeys);
        if (store.IsLocal) return key => signer.Url(request, key);
        var keys = fileKeys.Distinct(StringComparer.Ordinal).ToList();
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        var files = keys.Count == 0 ? [] : await ctx.Files.AsNoTracking().Where(f => keys.Contains(f.Key)).ToDictionaryAsync(f => f.Key, cancellationToken);
        return key => files.TryGetValue(key, out var f) && store.PresignedUrl(f, options.DownloadLinkLifetime) is { } url ? url : signer.Url(request, key);
    }
}
