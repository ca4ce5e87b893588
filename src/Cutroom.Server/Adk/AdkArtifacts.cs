using System.Text.Json.Nodes;
using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Adk;

/// <summary>
/// A session's generated files (contract §6a <c>generated_media</c>) as ADK artifacts: an artifact is
/// a file name, its versions are the outputs of that name in the order they were made (0 the first,
/// as <c>actions.artifactDelta</c> of the chat events numbers them), and loading one answers a
/// <c>Part</c>: <c>{"inlineData":{"mimeType","data":base64,"displayName"}}</c> for a file up to
/// <see cref="Hosting.AdkOptions.MaxInlineArtifactBytes"/> (16 MiB), else a link part <c>{"fileData":{"mimeType","fileUri":signed URL,"displayName"}}</c>
/// (contract §8's download link, so a large render is never held in memory). Uploads are not artifacts:
/// they are the session's media (state <c>video_infos</c>).
/// </summary>
/// <param name="db">The database.</param>
/// <param name="store">Reads the files.</param>
/// <param name="links">Signed links of large files.</param>
/// <param name="options">The inline size cap.</param>
public sealed class AdkArtifacts(IDbContextFactory<CutroomDb> db, FileStore store, DownloadLinks links, Hosting.ServerOptions options)
{
    /// <summary>The artifact names of a session: distinct output file names, in the order first made.</summary>
    /// <param name="sessionId">The session (already checked against its owner).</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<IReadOnlyList<string>> NamesAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        var names = await ctx.Generated.AsNoTracking().Where(g => g.SessionId == sessionId).OrderBy(g => g.Seq).Select(g => g.Name).ToListAsync(cancellationToken);
        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The versions of one artifact (0, 1, …); empty when the session made no file of that name.</summary>
    /// <param name="sessionId">The session (already checked against its owner).</param>
    /// <param name="name">The file name.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<IReadOnlyList<int>> VersionsAsync(string sessionId, string name, CancellationToken cancellationToken)
    {
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        var count = await ctx.Generated.AsNoTracking().CountAsync(g => g.SessionId == sessionId && g.Name == name, cancellationToken);
        return [.. Enumerable.Range(0, count)];
    }

    /// <summary>Loads one version of an artifact as an ADK <c>Part</c>.</summary>
    /// <param name="request">The request (its address makes the link of a large file absolute).</param>
    /// <param name="sessionId">The session (already checked against its owner).</param>
    /// <param name="name">The file name.</param>
    /// <param name="version">The version, or null for the latest.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="ApiException">4004 when there is no such artifact or version.</exception>
    public async Task<JsonObject> LoadAsync(HttpRequest request, string sessionId, string name, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        var keys = await ctx.Generated.AsNoTracking().Where(g => g.SessionId == sessionId && g.Name == name).OrderBy(g => g.Seq).Select(g => g.FileKey).ToListAsync(cancellationToken);
        if (keys.Count == 0) throw new ApiException(ApiCodes.NotFound, $"artifact not found: this session made no file named '{FileNames.Sanitize(name)}'; list them with GET …/artifacts");
        var v = version ?? keys.Count - 1;
        if (v < 0 || v >= keys.Count) throw new ApiException(ApiCodes.NotFound, $"artifact version not found: '{FileNames.Sanitize(name)}' has versions 0 to {keys.Count - 1}");
        var file = await ctx.Files.AsNoTracking().FirstOrDefaultAsync(f => f.Key == keys[v], cancellationToken)
                   ?? throw new ApiException(ApiCodes.NotFound, "artifact not found: its file is gone");
        if (file.SizeBytes > options.Adk.MaxInlineArtifactBytes)
        {
            var url = await links.ForAsync(request, [file.Key], cancellationToken);
            return new JsonObject { ["fileData"] = new JsonObject { ["mimeType"] = file.ContentType, ["fileUri"] = url(file.Key), ["displayName"] = name } };
        }
        byte[] bytes;
        try { bytes = await File.ReadAllBytesAsync(await store.LocalCopyAsync(file, cancellationToken), cancellationToken); }
        catch (FileNotFoundException) { throw new ApiException(ApiCodes.NotFound, "artifact not found: its file is gone"); }
        return new JsonObject { ["inlineData"] = new JsonObject { ["mimeType"] = file.ContentType, ["data"] = Convert.ToBase64String(bytes), ["displayName"] = name } };
    }
}
