using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Cutroom.Server.Sessions;
using Cutroom.Server.State;
using Cutroom.Server.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cutroom.Server.Uploads;

/// <summary>The answer of an upload: <c>{"files":[...]}</c> (contract §5).</summary>
/// <param name="Files">The new media items, in request order.</param>
public sealed record UploadData(IReadOnlyList<StateEndpoints.VideoInfo> Files);

/// <summary>
/// One upload request, all or nothing (contract §5): receive every file into temp files
/// (multipart or URL import), check each by content and probe, then, under the session's lock,
/// check the quota, move the files into storage and commit their media rows with the upload rule
/// in one transaction. Any refusal or failure leaves no temp file, stored file or row behind.
/// </summary>
/// <param name="store">Temp paths and storage.</param>
/// <param name="sessions">Ownership, the session lock and the commit.</param>
/// <param name="acceptance">The content checks.</param>
/// <param name="importer">URL downloads.</param>
/// <param name="links">Download links of the answer.</param>
/// <param name="db">The database (to remove stored files of a failed commit).</param>
/// <param name="options">Limits.</param>
/// <param name="clock">The time.</param>
/// <param name="logger">Upload log.</param>
public sealed class UploadService(FileStore store, SessionStore sessions, MediaAcceptance acceptance, UrlImporter importer, DownloadLinks links,
    IDbContextFactory<CutroomDb> db, ServerOptions options, TimeProvider clock, ILogger<UploadService> logger)
{
    /// <summary>Handles <c>POST /api/upload-video/nemo_agent/me/{sessionId}</c>.</summary>
    /// <param name="http">The request (authenticated by the bearer filter).</param>
    /// <param name="sessionId">The session id from the path.</param>
    /// <returns>The new media items.</returns>
    /// <exception cref="ApiException">1002 unknown session; 4000 malformed request or refused URL; 4001 unsupported content; 4002 too large or over quota.</exception>
    /// <exception cref="IOException">The disk is full (the error middleware answers 507); temp files are removed first.</exception>
    public async Task<UploadData> HandleAsync(HttpContext http, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(http);
        IReadOnlyList<Uri>? urls = null;
        if (!MultipartReceiver.Accepts(http.Request))
        {
            if (!ImportRequest.Accepts(http.Request))
                throw ApiException.BadRequest("$", "send multipart/form-data with parts named 'files', or JSON {\"urls\":[\"https://...\"],\"source_type\":\"url\"}");
            urls = await ImportRequest.ReadAsync(http.Request, options.Upload.AllowLoopbackImports);
        }
        var rows = await ReceiveAsync(http, sessionId, urls);
        var url = await links.ForAsync(http.Request, rows.Select(r => r.FileKey), CancellationToken.None);
        return new UploadData([.. rows.Select(r => StateEndpoints.ToInfo(r, url(r.FileKey)))]);
    }

    /// <summary>
    /// Receives the multipart files of <paramref name="http"/> (when <paramref name="urls"/> is null) or
    /// downloads <paramref name="urls"/>, checks every file and commits them to the session, all or nothing.
    /// </summary>
    /// <param name="http">The request (authenticated).</param>
    /// <param name="sessionId">The caller's session.</param>
    /// <param name="urls">URLs to import (checked by <see cref="UrlImporter.Problem(string?, bool, out Uri?)"/>), or null for a multipart body.</param>
    /// <returns>The new media rows, in request order.</returns>
    /// <exception cref="ApiException">As <see cref="HandleAsync"/>.</exception>
    /// <exception cref="IOException">The disk is full.</exception>
    public async Task<IReadOnlyList<MediaRow>> ReceiveAsync(HttpContext http, string sessionId, IReadOnlyList<Uri>? urls)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ct = http.RequestAborted;
        var caller = Caller.Of(http);
        var session = await sessions.RequireAsync(caller, sessionId, ct);
        var limits = options.Upload;
        var used = await store.SessionBytesAsync(session.Id, ct);
        var budget = new ByteBudget(limits.MaxFileBytes, limits.SessionQuotaBytes - used, limits.SessionQuotaBytes);

        using var batch = new UploadBatch();
        if (urls is null) await MultipartReceiver.ReceiveAsync(http.Request, store, budget, batch, ct);
        else
            for (var i = 0; i < urls.Count; i++) await importer.ImportAsync(urls[i], i, store, budget, batch, ct);

        return await FinishAsync(http, caller, session.Id, batch, ct);
    }

    /// <summary>
    /// Uploads the files of a chat message's <c>inlineData</c> parts into the session, with the same
    /// limits, content checks, quota and all-or-nothing commit as <see cref="HandleAsync"/>.
    /// </summary>
    /// <param name="http">The chat request (authenticated).</param>
    /// <param name="sessionId">The session (already checked against the caller).</param>
    /// <param name="files">The decoded files.</param>
    /// <returns>The new media items.</returns>
    /// <exception cref="ApiException">4000 too many files; 4001 unsupported content; 4002 too large or over quota.</exception>
    public async Task<UploadData> AcceptInlineAsync(HttpContext http, string sessionId, IReadOnlyList<Chat.InlineFile> files)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(files);
        var ct = http.RequestAborted;
        var caller = Caller.Of(http);
        if (files.Count > UploadLimits.MaxFilesPerRequest)
            throw ApiException.BadRequest(files[UploadLimits.MaxFilesPerRequest].Source, $"at most {UploadLimits.MaxFilesPerRequest} files per message");
        var limits = options.Upload;
        var used = await store.SessionBytesAsync(sessionId, ct);
        var budget = new ByteBudget(limits.MaxFileBytes, limits.SessionQuotaBytes - used, limits.SessionQuotaBytes);
        using var batch = new UploadBatch();
        foreach (var f in files)
        {
            var name = FileNames.Sanitize(f.Name);
            var temp = batch.Track(store.NewTempPath());
            using var source = new MemoryStream(f.Bytes, writable: false);
            var size = await budget.CopyAsync(source, temp, name, ct);
            batch.Add(new ReceivedFile(name, temp, size, f.Source));
        }
        var rows = await FinishAsync(http, caller, sessionId, batch, ct);
        var url = await links.ForAsync(http.Request, rows.Select(r => r.FileKey), CancellationToken.None);
        return new UploadData([.. rows.Select(r => StateEndpoints.ToInfo(r, url(r.FileKey)))]);
    }

    private async Task<IReadOnlyList<MediaRow>> FinishAsync(HttpContext http, Caller caller, string sessionId, UploadBatch batch, CancellationToken ct)
    {
        var media = await CheckAllAsync(batch.Files, options.Upload.MaxFileBytes, ct);
        var rows = await CommitAsync(caller, sessionId, media, ct);
        logger.LogInformation("upload: {Count} file(s), {Bytes} bytes into {Session} (attribution {Attribution})",
            rows.Count, batch.TotalBytes, sessionId, Attribution.Json(http.Request) ?? "none");
        return rows;
    }

    /// <summary>Checks every file; refuses the request listing each refused file.</summary>
    private async Task<IReadOnlyList<CheckedMedia>> CheckAllAsync(IReadOnlyList<ReceivedFile> files, long limitBytes, CancellationToken ct)
    {
        var accepted = new List<CheckedMedia>();
        var rejected = new List<RejectedFile>();
        foreach (var file in files)
        {
            var verdict = await acceptance.CheckAsync(file, ct);
            if (verdict.Media is { } m) accepted.Add(m);
            else rejected.Add(new RejectedFile(file.Name, verdict.Reason!.Replace(store.Root, "", StringComparison.Ordinal)));
        }
        if (rejected.Count > 0) throw UploadRefusals.Rejected(rejected, anyUnsupported: true, limitBytes);
        return accepted;
    }

    /// <summary>Under the session lock: the quota again (other uploads may have landed), storage, and one transaction for the rows and the draft.</summary>
    private async Task<IReadOnlyList<MediaRow>> CommitAsync(Caller caller, string sessionId, IReadOnlyList<CheckedMedia> media, CancellationToken ct)
    {
        using var held = await sessions.LockAsync(sessionId, ct);
        var limits = options.Upload;
        var total = media.Sum(m => m.File.SizeBytes);
        if (await store.SessionBytesAsync(sessionId, ct) + total > limits.SessionQuotaBytes)
            throw UploadRefusals.QuotaExceeded(media[^1].File.Name, limits.SessionQuotaBytes, limits.MaxFileBytes);

        // From here on the request's cancellation is not honoured: the commit completes or is undone as a whole.
        var stored = new List<StoredFile>();
        try
        {
            var rows = new List<MediaRow>();
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var m in media)
            {
                var file = await store.StoreAsync(caller.AccountId, m.File.TempPath, m.Extension, m.Mime, m.File.Name, CancellationToken.None);
                stored.Add(file);
                rows.Add(SessionStore.ToMediaRow(m.Description, sessionId, m.File.Name, file, m.Mime, now));
            }
            await sessions.AddUploadsAsync(sessionId, rows, CancellationToken.None);
            return rows;
        }
        catch
        {
            await RemoveAsync(stored);
            throw;
        }
    }

    /// <summary>Undoes <see cref="FileStore.StoreAsync"/> for files of a failed commit: their files and their rows.</summary>
    private async Task RemoveAsync(IReadOnlyList<StoredFile> stored)
    {
        if (stored.Count == 0) return;
        foreach (var f in stored)
        {
            try { await store.DeleteBlobAsync(f, CancellationToken.None); }
            catch (Exception e) { logger.LogError(e, "could not remove the stored file {Key} of a failed upload", f.Key); }
        }
        try
        {
            var keys = stored.Select(f => f.Key).ToList();
            await using var ctx = await db.CreateDbContextAsync();
            await ctx.Files.Where(f => keys.Contains(f.Key)).ExecuteDeleteAsync();
        }
        catch (Exception e)
        {
            logger.LogError(e, "could not remove the file rows of a failed upload");
        }
    }
}
