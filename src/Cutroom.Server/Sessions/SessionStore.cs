using System.Collections.Concurrent;
using Cutroom.Agent.Sessions;
using Cutroom.Server.Auth;
using Cutroom.Server.Contract;
using Cutroom.Server.Credits;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Cutroom.Server.Storage;
using Cutroom.Timeline.Json;
using Cutroom.Timeline.Model;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Sessions;

/// <summary>
/// Sessions in the database: creation (with the first, empty draft revision), the ownership
/// check of every session id (another user's session answers exactly like a missing one:
/// 1002), a per-session lock that serialises whatever changes a session (uploads, chat turns;
/// on PostgreSQL across every server process too: <see cref="AdvisoryLock"/>),
/// and <see cref="DbAgentSession"/>s for the agent.
/// </summary>
/// <param name="db">The database.</param>
/// <param name="store">The file store.</param>
/// <param name="ledger">Credits.</param>
/// <param name="clock">The time.</param>
/// <param name="changes">Told after every change of a session's draft.</param>
/// <param name="options">The database settings (for the cross-process session lock on PostgreSQL).</param>
public sealed class SessionStore(IDbContextFactory<CutroomDb> db, FileStore store, CreditLedger ledger, TimeProvider clock, DraftChanges changes, ServerOptions options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>Creates a session for <paramref name="caller"/> with an empty 1920x1080 draft.</summary>
    /// <param name="caller">The owner.</param>
    /// <param name="taskName">The task name.</param>
    /// <param name="language">BCP 47 language.</param>
    /// <param name="attribution">Attribution headers (JSON) or null.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<SessionRow> CreateAsync(Caller caller, string taskName, string language, string? attribution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        await using var tx = await ctx.Database.BeginTransactionAsync(cancellationToken);
        var session = new SessionRow
        {
            Id = Ids.New("ses"), TaskId = Ids.New("tsk"), AccountId = caller.AccountId, TaskName = taskName, Language = language,
            Attribution = attribution, CreatedAt = now, UpdatedAt = now,
        };
        var first = new DraftRevision { SessionId = session.Id, Json = DraftJson.Serialize(Draft.Create()), Reason = "start", CreatedAt = now };
        ctx.DraftRevisions.Add(first);
        await ctx.SaveChangesAsync(cancellationToken);
        session.CurrentRevisionId = first.Id;
        ctx.Sessions.Add(session);
        await ctx.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return session;
    }

    /// <summary>The caller's session <paramref name="sessionId"/>.</summary>
    /// <param name="caller">The caller.</param>
    /// <param name="sessionId">The id from the path or body.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <exception cref="ApiException">1002 when it does not exist or is not the caller's.</exception>
    public async Task<SessionRow> RequireAsync(Caller caller, string? sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrEmpty(sessionId) || sessionId.Length > 64) throw ApiException.SessionNotFound();
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        var s = await ctx.Sessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == sessionId, cancellationToken);
        if (s is null || s.AccountId != caller.AccountId) throw ApiException.SessionNotFound();
        return s;
    }

    /// <summary>Changes a session's task name and/or reply language (null leaves it as it is); the state version grows.</summary>
    /// <param name="sessionId">A session id already checked against its owner.</param>
    /// <param name="taskName">The new task name, or null.</param>
    /// <param name="language">The new BCP 47 language, or null.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The updated row.</returns>
    public async Task<SessionRow> UpdateSettingsAsync(string sessionId, string? taskName, string? language, CancellationToken cancellationToken)
    {
        using var held = await LockAsync(sessionId, cancellationToken);
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        var row = await ctx.Sessions.FirstAsync(s => s.Id == sessionId, cancellationToken);
        if (taskName is null && language is null) return row;
        if (taskName is not null) row.TaskName = taskName;
        if (language is not null) row.Language = language;
        row.Version++;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await ctx.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>
    /// Takes the session's lock (uploads and chat turns of one session run one at a time): this
    /// process's gate first, then, on PostgreSQL, the session's advisory lock, which other server
    /// processes on the same database take too.
    /// </summary>
    /// <param name="sessionId">The session.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>Releases the lock when disposed.</returns>
    public async Task<IDisposable> LockAsync(string sessionId, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(sessionId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var across = await AdvisoryLock.AcquireAsync(options.Database, "session:" + sessionId, cancellationToken);
            return new Releaser(gate, across);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>Loads the session for the agent (call under <see cref="LockAsync"/>).</summary>
    /// <param name="sessionId">A session id already checked against its owner.</param>
    /// <param name="jobId">The job whose credit holds these are, or null.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="fetchFiles">True (a job that runs tools): with S3 storage every file is copied to local scratch; false (planning only): paths are where copies would be.</param>
    public async Task<DbAgentSession> OpenAsync(string sessionId, string? jobId, CancellationToken cancellationToken, bool fetchFiles = true)
    {
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        var row = await ctx.Sessions.AsNoTracking().FirstAsync(s => s.Id == sessionId, cancellationToken);
        var draft = await ctx.DraftRevisions.AsNoTracking().Where(r => r.Id == row.CurrentRevisionId).Select(r => r.Json).FirstAsync(cancellationToken);
        var media = await ctx.Media.AsNoTracking().Where(m => m.SessionId == sessionId).OrderBy(m => m.Seq).ToListAsync(cancellationToken);
        var generated = await ctx.Generated.AsNoTracking().Where(g => g.SessionId == sessionId).OrderBy(g => g.Seq).ToListAsync(cancellationToken);
        var keys = media.Select(m => m.FileKey).Concat(generated.Select(g => g.FileKey)).ToList();
        var files = await ctx.Files.AsNoTracking().Where(f => keys.Contains(f.Key)).ToDictionaryAsync(f => f.Key, cancellationToken);
        // The agent's tools read local files: with S3 storage each is copied to local scratch (once per machine).
        var paths = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var f in files.Values)
        {
            try { paths[f.Key] = fetchFiles ? await store.LocalCopyAsync(f, cancellationToken) : store.PathOf(f); }
            catch (FileNotFoundException) { paths[f.Key] = null; }
        }
        string? PathOfKey(string key) => paths.GetValueOrDefault(key);
        // Tools name their input by its file name (engine messages, highlights.json, summary.md): a job reads each file
        // through a link with the user's name, so no storage key reaches a text a person reads.
        string? Named(string id, string name, string? path) => fetchFiles && path is not null ? NamedLink(sessionId, id, name, path) : path;
        return new DbAgentSession(db, store, clock, changes, row, ParseDraft(draft),
            [.. media.Select(m => ToSessionMedia(m, Named(m.Id, m.Name, PathOfKey(m.FileKey))))],
            [.. generated.Select(g => ToGenerated(g, Named(g.Id, g.Name, PathOfKey(g.FileKey))))],
            ledger.For(row.AccountId, jobId));
    }

    /// <summary>
    /// A symbolic link to <paramref name="path"/> named <paramref name="name"/> (sanitised) in the session's work
    /// folder (<c>by-name/&lt;id&gt;/&lt;name&gt;</c>), made once; the stored path itself when no link can be made.
    /// </summary>
    private string NamedLink(string sessionId, string id, string name, string path)
    {
        var link = Path.Combine(store.SessionWorkDir(sessionId), "by-name", id, FileNames.Sanitize(name));
        try
        {
            var existing = new FileInfo(link);
            if (existing.LinkTarget == path) return link;
            Directory.CreateDirectory(Path.GetDirectoryName(link)!);
            if (existing.LinkTarget is not null) File.Delete(link);
            File.CreateSymbolicLink(link, path);
            return link;
        }
        catch (IOException) { return path; }
        catch (UnauthorizedAccessException) { return path; }
    }

    /// <summary>Adds uploads to the bin (in order) and, while the draft is empty, places them on it (contract §5); one transaction, under the session lock.</summary>
    /// <param name="sessionId">A session id already checked against its owner.</param>
    /// <param name="media">The new rows (ids and files made by the caller; <see cref="MediaRow.Seq"/> is set here).</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task AddUploadsAsync(string sessionId, IReadOnlyList<MediaRow> media, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(media);
        if (media.Count == 0) return;
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        await using var tx = await ctx.Database.BeginTransactionAsync(cancellationToken);
        var row = await ctx.Sessions.FirstAsync(s => s.Id == sessionId, cancellationToken);
        var seq = await ctx.Media.CountAsync(m => m.SessionId == sessionId, cancellationToken);
        var current = await ctx.DraftRevisions.AsNoTracking().FirstAsync(r => r.Id == row.CurrentRevisionId, cancellationToken);
        var before = ParseDraft(current.Json);
        var empty = UploadPlacement.IsEmpty(before);
        var draft = before;
        foreach (var m in media)
        {
            m.SessionId = sessionId;
            m.Seq = seq++;
            ctx.Media.Add(m);
            draft = UploadPlacement.Apply(draft, ToSessionMedia(m, null), empty);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (!ReferenceEquals(draft, before))
        {
            var rev = new DraftRevision { SessionId = sessionId, ParentId = current.Id, Json = DraftJson.Serialize(draft), Reason = "upload", CreatedAt = now };
            ctx.DraftRevisions.Add(rev);
            await ctx.SaveChangesAsync(cancellationToken);
            row.CurrentRevisionId = rev.Id;
            row.RedoStack = "";
        }
        row.Version++;
        row.UpdatedAt = now;
        await ctx.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        if (!ReferenceEquals(draft, before)) changes.Notify(sessionId);
    }

    /// <summary>Reads a stored draft (written by the server, so always valid).</summary>
    /// <param name="json">Contract §6 JSON.</param>
    public static Draft ParseDraft(string json) =>
        DraftJson.Parse(json).Draft ?? throw new InvalidOperationException("a stored draft could not be read");

    /// <summary>The agent's view of an upload.</summary>
    /// <param name="m">The row.</param>
    /// <param name="path">Its file, if resolved.</param>
    public static SessionMedia ToSessionMedia(MediaRow m, string? path)
    {
        ArgumentNullException.ThrowIfNull(m);
        var kind = m.Kind switch { "image" => MediaKind.Image, "audio" => MediaKind.Audio, _ => MediaKind.Video };
        return new SessionMedia(m.Id, kind, m.Name)
        {
            DurationMs = m.DurationMs, Width = m.Width, Height = m.Height, Fps = m.Fps, HasAudio = m.HasAudio,
            VideoCodec = m.VideoCodec, AudioCodec = m.AudioCodec, SizeBytes = m.SizeBytes, Path = path,
        };
    }

    /// <summary>The bin row of an upload described by the probe (the inverse of <see cref="ToSessionMedia"/>), with a new <c>med_</c> id.</summary>
    /// <param name="d">What the probe found (<c>FolderSession.Describe</c>).</param>
    /// <param name="sessionId">The session.</param>
    /// <param name="name">The client's sanitised file name.</param>
    /// <param name="file">The stored file.</param>
    /// <param name="mime">The MIME type decided by content.</param>
    /// <param name="createdAt">Uploaded at (UTC).</param>
    public static MediaRow ToMediaRow(SessionMedia d, string sessionId, string name, StoredFile file, string mime, DateTime createdAt)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(file);
        return new MediaRow
        {
            Id = Ids.New("med"), SessionId = sessionId, Kind = d.Kind.ToString().ToLowerInvariant(), Name = name, FileKey = file.Key,
            Mime = mime, SizeBytes = file.SizeBytes, DurationMs = d.DurationMs, Width = d.Width, Height = d.Height, Fps = d.Fps,
            HasAudio = d.HasAudio, VideoCodec = d.VideoCodec, AudioCodec = d.AudioCodec, CreatedAt = createdAt,
        };
    }

    /// <summary>The agent's view of an output.</summary>
    /// <param name="g">The row.</param>
    /// <param name="path">Its file, if resolved.</param>
    public static GeneratedMedia ToGenerated(GeneratedRow g, string? path)
    {
        ArgumentNullException.ThrowIfNull(g);
        return new GeneratedMedia(g.Id, g.Kind, g.Op, g.Name, g.GroupId)
        {
            Path = path, SourceMediaId = g.SourceMediaId, Width = g.Width, Height = g.Height, DurationMs = g.DurationMs, TimeMs = g.TimeMs,
        };
    }

    private sealed class Releaser(SemaphoreSlim gate, AdvisoryLock? across) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) != 0) return;
            try { across?.Dispose(); }
            finally { gate.Release(); }
        }
    }
}
