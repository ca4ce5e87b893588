using System.Globalization;
using Cutroom.Agent.Sessions;
using Cutroom.Server.Data;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Cutroom.Server.Storage;
using Cutroom.Timeline.Json;
using Cutroom.Timeline.Model;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Sessions;

/// <summary>
/// The agent's <see cref="IAgentSession"/> over the database: loaded once per turn (under the
/// session's lock), every change written through at once. Draft revisions are append-only rows;
/// undo moves the session's cursor to the current revision's parent and remembers it for redo;
/// a new commit forgets what was undone (as <see cref="DraftHistory"/> does in memory). Outputs
/// are registered in the file store where the engine wrote them (the session's work folder).
/// Every change of the current draft is told to <see cref="DraftChanges"/> once it is saved.
/// </summary>
public sealed class DbAgentSession : IAgentSession
{
    private readonly IDbContextFactory<CutroomDb> _db;
    private readonly FileStore _store;
    private readonly TimeProvider _clock;
    private readonly DraftChanges _changes;
    private readonly string _accountId;
    private readonly List<SessionMedia> _media;
    private readonly List<GeneratedMedia> _generated;
    private long _revisionId;
    private long? _parentId;
    private List<long> _redo;

    internal DbAgentSession(IDbContextFactory<CutroomDb> db, FileStore store, TimeProvider clock, DraftChanges changes, SessionRow row, Draft draft,
        List<SessionMedia> media, List<GeneratedMedia> generated, ICreditAccount credits)
    {
        _db = db;
        _store = store;
        _clock = clock;
        _changes = changes;
        _accountId = row.AccountId;
        Id = row.Id;
        Version = row.Version;
        Draft = draft;
        _media = media;
        _generated = generated;
        _revisionId = row.CurrentRevisionId;
        _redo = ParseStack(row.RedoStack);
        Credits = credits;
        Language = row.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh" : null;
    }

    /// <inheritdoc/>
    public string Id { get; }

    /// <inheritdoc/>
    public int Version { get; private set; }

    /// <inheritdoc/>
    public Draft Draft { get; private set; }

    /// <inheritdoc/>
    public IReadOnlyList<SessionMedia> Media => _media;

    /// <inheritdoc/>
    public IReadOnlyList<GeneratedMedia> Generated => _generated;

    /// <inheritdoc/>
    public string? Language { get; }

    /// <inheritdoc/>
    public ICreditAccount Credits { get; }

    /// <inheritdoc/>
    public bool CanUndo => ParentOfCurrent() is not null;

    /// <inheritdoc/>
    public bool CanRedo => _redo.Count > 0;

    /// <inheritdoc/>
    public async Task CommitDraftAsync(Draft draft, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        await using var ctx = await _db.CreateDbContextAsync(cancellationToken);
        var rev = new DraftRevision { SessionId = Id, ParentId = _revisionId, Json = DraftJson.Serialize(draft), Reason = reason ?? "edit", CreatedAt = Now };
        ctx.DraftRevisions.Add(rev);
        await ctx.SaveChangesAsync(cancellationToken);
        await MoveAsync(ctx, rev.Id, [], cancellationToken);
        Draft = draft;
        _changes.Notify(Id);
    }

    /// <inheritdoc/>
    public async Task<bool> UndoAsync(CancellationToken cancellationToken = default)
    {
        await using var ctx = await _db.CreateDbContextAsync(cancellationToken);
        var parent = await ctx.DraftRevisions.AsNoTracking().Where(r => r.Id == _revisionId).Select(r => r.ParentId).FirstAsync(cancellationToken);
        if (parent is null) return false;
        var json = await ctx.DraftRevisions.AsNoTracking().Where(r => r.Id == parent).Select(r => r.Json).FirstAsync(cancellationToken);
        await MoveAsync(ctx, parent.Value, [.. _redo, _revisionId], cancellationToken);
        Draft = SessionStore.ParseDraft(json);
        _changes.Notify(Id);
        return true;
    }

    /// <inheritdoc/>
    public async Task<bool> RedoAsync(CancellationToken cancellationToken = default)
    {
        if (_redo.Count == 0) return false;
        var next = _redo[^1];
        await using var ctx = await _db.CreateDbContextAsync(cancellationToken);
        var json = await ctx.DraftRevisions.AsNoTracking().Where(r => r.Id == next).Select(r => r.Json).FirstAsync(cancellationToken);
        await MoveAsync(ctx, next, _redo[..^1], cancellationToken);
        Draft = SessionStore.ParseDraft(json);
        _changes.Notify(Id);
        return true;
    }

    /// <inheritdoc/>
    public string? PathOf(string id) =>
        _media.FirstOrDefault(m => m.Id == id)?.Path ?? _generated.FirstOrDefault(g => g.Id == id)?.Path;

    /// <inheritdoc/>
    public string NewWorkFolder(string op) =>
        Path.Combine(_store.SessionWorkDir(Id), string.Create(CultureInfo.InvariantCulture, $"{_clock.GetUtcNow():yyyyMMdd-HHmmss}-{Ids.Random(4)}-{op}"));

    /// <inheritdoc/>
    public string NewGroup() => Ids.New("op");

    /// <inheritdoc/>
    public async Task<GeneratedMedia> AddGeneratedAsync(GeneratedMedia item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Path is null) throw new InvalidOperationException("a generated item needs its file");
        var file = await _store.RegisterAsync(_accountId, item.Path, item.Name, cancellationToken);
        // The engine's file stays where it was written: the stored file itself with the local store, this job's scratch with S3.
        var stored = item with { Id = Ids.New("gen"), Path = Path.GetFullPath(item.Path) };
        await using var ctx = await _db.CreateDbContextAsync(cancellationToken);
        var seq = await ctx.Generated.CountAsync(g => g.SessionId == Id, cancellationToken);
        ctx.Generated.Add(new GeneratedRow
        {
            Id = stored.Id, SessionId = Id, Seq = seq, Kind = stored.Kind, Op = stored.Op, Name = stored.Name, GroupId = stored.Group,
            FileKey = file.Key, SourceMediaId = stored.SourceMediaId, Width = stored.Width, Height = stored.Height,
            DurationMs = stored.DurationMs, TimeMs = stored.TimeMs, CreatedAt = Now,
        });
        var row = await ctx.Sessions.FirstAsync(s => s.Id == Id, cancellationToken);
        row.Version++;
        row.UpdatedAt = Now;
        await ctx.SaveChangesAsync(cancellationToken);
        Version = row.Version;
        _generated.Add(stored);
        return stored;
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    private long? ParentOfCurrent()
    {
        if (_parentId is { } p) return p;
        using var ctx = _db.CreateDbContext();
        _parentId = ctx.DraftRevisions.AsNoTracking().Where(r => r.Id == _revisionId).Select(r => r.ParentId).First();
        return _parentId;
    }

    private async Task MoveAsync(CutroomDb ctx, long revisionId, List<long> redo, CancellationToken ct)
    {
        var row = await ctx.Sessions.FirstAsync(s => s.Id == Id, ct);
        row.CurrentRevisionId = revisionId;
        row.RedoStack = string.Join(',', redo.Select(r => r.ToString(CultureInfo.InvariantCulture)));
        row.Version++;
        row.UpdatedAt = Now;
        await ctx.SaveChangesAsync(ct);
        _revisionId = revisionId;
        _redo = redo;
        _parentId = null;
        Version = row.Version;
    }

    private static List<long> ParseStack(string s) =>
        string.IsNullOrEmpty(s) ? [] : [.. s.Split(',').Select(x => long.Parse(x, CultureInfo.InvariantCulture))];
}
