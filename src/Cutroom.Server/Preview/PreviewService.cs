using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Time;
using Cutroom.Engine.Common;
using Cutroom.Engine.Render;
using Cutroom.Engine.Render.Preview;
using Cutroom.Server.Contract;
using Cutroom.Server.Data;
using Cutroom.Server.Hosting;
using Cutroom.Server.Render;
using Cutroom.Server.Sessions;
using Cutroom.Server.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cutroom.Server.Preview;

/// <summary>A preview ready to serve.</summary>
/// <param name="Path">The MP4 (absolute), in the session's work folder.</param>
/// <param name="DraftHash">The hash of the draft it shows (<see cref="PreviewService.HashOf"/>).</param>
/// <param name="Version">The session's state version whose draft it shows.</param>
public sealed record PreviewFile(string Path, string DraftHash, int Version);

/// <summary>A frame of the current draft.</summary>
/// <param name="Jpeg">The JPEG's bytes.</param>
/// <param name="DraftHash">The hash of the draft it shows.</param>
/// <param name="Version">The session's state version whose draft it shows.</param>
/// <param name="Frame">The timeline frame shown (from 0).</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public sealed record PreviewFrame(byte[] Jpeg, string DraftHash, int Version, long Frame, int Width, int Height);

/// <summary>
/// The live preview of each session's draft (Cutroom's addition to the contract): a small, fast render
/// (<see cref="DraftPreview"/>: the draft scaled to <see cref="PreviewOptions.Height"/> lines, x264
/// ultrafast) made by the export's renderer from cached chunks, so that after an edit only the chunks
/// the edit touched are rendered again.
/// <para>
/// After every change of a draft (<see cref="DraftChanges"/>) the running preview of the session is
/// cancelled (it shows a draft that is no longer current) and, after <see cref="PreviewOptions.Debounce"/>
/// of quiet, the preview of the new draft starts in the background. Per session one preview renders at
/// a time (a new one waits until the cancelled one has stopped); across sessions at most
/// <see cref="PreviewOptions.Concurrency"/> run at once, so that previews never take the cores exports
/// need. A preview is written under a temporary name in <c>work/&lt;session&gt;/preview/</c> and renamed
/// to <c>&lt;hash&gt;.mp4</c> when complete; the two newest are kept.
/// </para>
/// <para>
/// <see cref="GetAsync"/> answers the preview of the current draft: the file when it exists, else it
/// waits for the render in progress (or starts one), at most <see cref="PreviewOptions.WaitLimit"/>.
/// </para>
/// </summary>
public sealed class PreviewService : IHostedService, IDisposable
{
    /// <summary>The version of the preview's key: bump it when what a preview shows changes for the same draft.</summary>
    private const string KeyVersion = "preview/1";

    private readonly EngineContext _engine;
    private readonly RenderSources _sources;
    private readonly FileStore _store;
    private readonly IDbContextFactory<CutroomDb> _db;
    private readonly DraftChanges _changes;
    private readonly PreviewOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<PreviewService> _logger;
    private readonly SemaphoreSlim _renders;
    private readonly SemaphoreSlim _frames;
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;
    private readonly ConcurrentDictionary<string, SessionPreviews> _sessions = new(StringComparer.Ordinal);

    /// <summary>Creates the service and listens to draft changes.</summary>
    /// <param name="engine">ffmpeg and ffprobe, with the render cache.</param>
    /// <param name="sources">Resolves media ids.</param>
    /// <param name="store">Work folders and temp names.</param>
    /// <param name="db">The database (the current draft).</param>
    /// <param name="changes">Draft changes.</param>
    /// <param name="options">Settings (<see cref="ServerOptions.Preview"/>).</param>
    /// <param name="clock">The time.</param>
    /// <param name="logger">The log.</param>
    public PreviewService(EngineContext engine, RenderSources sources, FileStore store, IDbContextFactory<CutroomDb> db, DraftChanges changes,
        ServerOptions options, TimeProvider clock, ILogger<PreviewService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(changes);
        _engine = engine;
        _sources = sources;
        _store = store;
        _db = db;
        _changes = changes;
        _options = options.Preview;
        _clock = clock;
        _logger = logger;
        _renders = new SemaphoreSlim(Math.Max(1, _options.Concurrency));
        _frames = new SemaphoreSlim(Math.Max(1, _options.FrameConcurrency));
        changes.Changed += OnDraftChanged;
    }

    /// <summary>
    /// The key of a draft's preview: SHA-256 (first 128 bits, hex) of the key version, the preview
    /// height and the draft's stored JSON. A media id always names the same file, so the JSON decides the picture.
    /// </summary>
    /// <param name="draftJson">The draft as stored.</param>
    /// <param name="height">The preview height.</param>
    public static string HashOf(string draftJson, int height)
    {
        ArgumentNullException.ThrowIfNull(draftJson);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{KeyVersion}\n{height}\n{draftJson}"));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }

    /// <summary>
    /// The preview of the session's current draft: the file when it is made, else after waiting for its
    /// render (started now when none runs). When a newer edit replaces the draft while waiting, waits for
    /// the newer draft's preview instead.
    /// </summary>
    /// <param name="sessionId">A session already checked against its owner.</param>
    /// <param name="cancellationToken">Stops waiting (the render goes on).</param>
    /// <exception cref="ApiException">4000 for an empty or invalid draft (<c>nothing_selected</c> at <c>draft.t</c>), 4004/4001 for media
    /// that are gone or cannot be where the draft puts them, 5000 when the render failed or did not finish within <see cref="PreviewOptions.WaitLimit"/>.</exception>
    public async Task<PreviewFile> GetAsync(string sessionId, CancellationToken cancellationToken)
    {
        var deadline = _clock.GetUtcNow() + _options.WaitLimit;
        while (true)
        {
            var current = await ReadCurrentAsync(sessionId, cancellationToken);
            if (current.Draft is null) throw Refused(current.Errors);
            var path = PathOf(sessionId, current.Hash);
            if (File.Exists(path)) return new PreviewFile(path, current.Hash, current.Version);
            var run = GetOrStart(sessionId, current);
            var left = deadline - _clock.GetUtcNow();
            if (left <= TimeSpan.Zero) throw NotReady();
            try
            {
                return new PreviewFile(await run.Task.WaitAsync(left, _clock, cancellationToken), current.Hash, current.Version);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && run.Stale)
            {
                // A newer edit replaced the draft while this one rendered: wait for the newer one's preview.
            }
            catch (TimeoutException)
            {
                throw NotReady();
            }
        }
    }

    /// <summary>
    /// A JPEG of the current draft's frame at <paramref name="at"/>, at the preview's size, rendered now
    /// with the renderer's own graph for that frame (<see cref="DraftFrameRenderer"/>).
    /// </summary>
    /// <param name="sessionId">A session already checked against its owner.</param>
    /// <param name="at">The time on the timeline.</param>
    /// <param name="cancellationToken">Stops the render.</param>
    /// <exception cref="ApiException">4000 for an <paramref name="at"/> outside the draft (path <c>at</c>) or an empty draft; the codes of <see cref="GetAsync"/> otherwise.</exception>
    public async Task<PreviewFrame> FrameAsync(string sessionId, MediaTime at, CancellationToken cancellationToken)
    {
        var current = await ReadCurrentAsync(sessionId, cancellationToken);
        if (current.Draft is null) throw Refused(current.Errors);
        var output = _store.NewTempPath(".jpg");
        var request = new DraftFrameRequest(current.Draft, at, output, _ => null) { Height = _options.Height };
        if (request.Validate() is { Count: > 0 } invalid)
            throw new ApiException(ApiCodes.BadRequest, $"invalid request: {invalid[0].Field}: {invalid[0].Message}",
                new ErrorsData([.. invalid.Select(e => new PathError(e.Field, e.Message))]));
        var media = await LoadMediaAsync(sessionId, current.Draft, cancellationToken);
        await _frames.WaitAsync(cancellationToken);
        try
        {
            var result = await new DraftFrameRenderer(_engine).RunAsync(request with { ResolveMedia = id => media.TryGetValue(id, out var m) ? m.Path : null },
                null, cancellationToken);
            var bytes = await File.ReadAllBytesAsync(result.File, CancellationToken.None);
            return new PreviewFrame(bytes, current.Hash, current.Version, result.Frame, result.Width, result.Height);
        }
        catch (CutroomException e)
        {
            throw Failed(e, media, output);
        }
        finally
        {
            _frames.Release();
            TryDelete(output);
        }
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops every preview render (the server is stopping).</summary>
    /// <param name="cancellationToken">Unused.</param>
    public async Task StopAsync(CancellationToken cancellationToken) => await _stopping.CancelAsync();

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;   // registered as a singleton and as a hosted service
        _changes.Changed -= OnDraftChanged;
        _stopping.Cancel();
        _stopping.Dispose();
    }

    /// <summary>A draft changed: stop its stale preview, and start the new one after the quiet time.</summary>
    private void OnDraftChanged(string sessionId)
    {
        if (_stopping.IsCancellationRequested) return;
        while (true)
        {
            var s = Entry(sessionId);
            lock (s.Gate)
            {
                if (s.Forgotten) continue;   // trimmed between the lookup and the lock: take the new entry
                if (s.Debounce is { } previous)
                {
                    previous.Cancel();
                    previous.Dispose();   // a linked source holds a registration on _stopping until disposed
                }
                s.Debounce = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                var quiet = s.Debounce.Token;
                if (s.Current is { Task.IsCompleted: false } stale)
                {
                    stale.Stale = true;
                    stale.Cancel.Cancel();
                }
                s.Pending = StartAfterQuietAsync(sessionId, quiet);
                return;
            }
        }
    }

    private async Task StartAfterQuietAsync(string sessionId, CancellationToken quiet)
    {
        try
        {
            await Task.Delay(_options.Debounce, _clock, quiet);
            var current = await ReadCurrentAsync(sessionId, quiet);
            if (current.Draft is null || File.Exists(PathOf(sessionId, current.Hash))) return;
            GetOrStart(sessionId, current);
        }
        catch (OperationCanceledException)
        {
            // A newer change (or the server stopping) took over.
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "the preview of session {Session} could not be started", sessionId);
        }
    }

    /// <summary>The run of <paramref name="current"/>'s draft: the one in progress (or just made), else a new one that replaces the session's stale run.</summary>
    private PreviewRun GetOrStart(string sessionId, CurrentDraft current)
    {
        var s = Entry(sessionId);
        lock (s.Gate)
        {
            if (s.Forgotten) return GetOrStart(sessionId, current);   // trimmed between the lookup and the lock
            if (s.Current is { } run && run.Hash == current.Hash
                && (!run.Task.IsCompleted || (run.Task.IsCompletedSuccessfully && File.Exists(run.Task.Result))))
                return run;
            var previous = s.Current;
            if (previous is { Task.IsCompleted: false })
            {
                previous.Stale = true;
                previous.Cancel.Cancel();
            }
            var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var next = new PreviewRun(current.Hash, cancel);
            next.Task = RunAsync(sessionId, current, previous?.Task, cancel.Token);
            s.Current = next;
            return next;
        }
    }

    /// <summary>Renders one preview after the session's previous run has stopped, within the process-wide bound.</summary>
    private async Task<string> RunAsync(string sessionId, CurrentDraft current, Task? previous, CancellationToken ct)
    {
        await Task.Yield();   // the caller holds the session's gate
        if (previous is not null)
        {
            try { await previous; }
            catch (Exception) { /* its failure was its own: this one starts clean */ }
        }
        await _renders.WaitAsync(ct);
        try
        {
            return await RenderAsync(sessionId, current, ct);
        }
        catch (ApiException e) when (!ct.IsCancellationRequested)
        {
            _logger.LogWarning("the preview of session {Session} failed ({Code}): {Message}", sessionId, e.Code, e.Message);
            throw;
        }
        finally
        {
            _renders.Release();
        }
    }

    private async Task<string> RenderAsync(string sessionId, CurrentDraft current, CancellationToken ct)
    {
        var draft = current.Draft ?? throw Refused(current.Errors);
        var media = await LoadMediaAsync(sessionId, draft, ct);
        var final = PathOf(sessionId, current.Hash);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        var request = DraftPreview.Request(draft, final, id => media.TryGetValue(id, out var m) ? m.Path : null, _options.Height) with
        {
            Background = RenderJobHandler.Background(draft.Draft.Meta.Background),
        };
        var sw = Stopwatch.StartNew();
        RenderResult result;
        try
        {
            result = await new DraftRenderer(_engine).RunAsync(request, null, ct);
        }
        catch (CutroomException e)
        {
            throw Failed(e, media, final);
        }
        _logger.LogInformation("preview of session {Session} ({Hash}): {Width}x{Height} {DurationMs} ms in {Elapsed} ms, chunks rendered {Rendered}, reused {Reused}",
            sessionId, current.Hash, result.Width, result.Height, result.DurationMs, sw.ElapsedMilliseconds, result.Chunks?.Rendered ?? 1, result.Chunks?.Reused ?? 0);
        Prune(Path.GetDirectoryName(final)!, final);
        return final;
    }

    /// <summary>The session's media named by the draft, checked as an export checks them.</summary>
    private async Task<IReadOnlyDictionary<string, RenderSource>> LoadMediaAsync(string sessionId, RenderableDraft draft, CancellationToken ct)
    {
        var media = await _sources.LoadAsync(sessionId, draft.Draft, ct, fetch: true);
        var problems = RenderSources.Check(draft.Draft, media);
        if (problems.Count > 0)
        {
            var code = JobErrorMapping.ApiCodeOf(problems[0].Kind);
            throw new ApiException(code, $"the draft cannot be previewed: {RenderRequest.InBody(problems[0].Field)}: {problems[0].Message}",
                code == ApiCodes.BadRequest ? new ErrorsData([.. problems.Select(p => new PathError(RenderRequest.InBody(p.Field), p.Message))]) : null);
        }
        foreach (var m in media.Values)
            if (m.Path is null || !File.Exists(m.Path))
                throw new ApiException(ApiCodes.NotFound, $"media '{m.Name}' ({m.Id}) is missing from storage: upload it again");
        return media;
    }

    /// <summary>The session's current draft: its version, the key of its preview and the draft checked for rendering.</summary>
    private async Task<CurrentDraft> ReadCurrentAsync(string sessionId, CancellationToken ct)
    {
        await using var ctx = await _db.CreateDbContextAsync(ct);
        var row = await ctx.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.Version, s.CurrentRevisionId }).FirstAsync(ct);
        var json = await ctx.DraftRevisions.AsNoTracking().Where(r => r.Id == row.CurrentRevisionId).Select(r => r.Json).FirstAsync(ct);
        var errors = RenderableDraft.TryCreate(SessionStore.ParseDraft(json), out var renderable);
        return new CurrentDraft(row.Version, HashOf(json, _options.Height), renderable, errors);
    }

    /// <summary>Where the preview of <paramref name="hash"/> is kept.</summary>
    private string PathOf(string sessionId, string hash) => Path.Combine(_store.SessionWorkDir(sessionId), "preview", hash + ".mp4");

    /// <summary>Keeps <paramref name="keep"/> and the newest other preview; temporaries (names starting with a dot) are the renderer's.</summary>
    private static void Prune(string folder, string keep)
    {
        var old = new DirectoryInfo(folder).EnumerateFiles("*.mp4").Where(f => !f.Name.StartsWith('.') && f.FullName != keep)
            .OrderByDescending(f => f.LastWriteTimeUtc).Skip(1);
        foreach (var f in old) TryDelete(f.FullName);
    }

    /// <summary>4000 for a draft that cannot be rendered (the empty draft: <c>nothing_selected</c> at <c>draft.t</c>).</summary>
    private static ApiException Refused(IReadOnlyList<JobError> errors)
    {
        var first = errors.Count > 0 ? errors[0] : new JobError(JobErrorCodes.NothingSelected, "t", "the draft is empty");
        var code = first.Code == JobErrorCodes.NothingSelected ? "the draft is empty: upload media or ask for an edit first" : $"{RenderRequest.InBody(first.Field)}: {first.Message}";
        return new ApiException(ApiCodes.BadRequest, "nothing to preview: " + code,
            new ErrorsData([.. errors.Select(e => new PathError(RenderRequest.InBody(e.Field), e.Message))]));
    }

    private ApiException NotReady() =>
        new(ApiCodes.ServerError, $"the preview is still rendering after {_options.WaitLimit.TotalSeconds:0} s; ask again in a moment", retryAfterSeconds: 5);

    /// <summary>A failed render as the contract code of its kind, media named as the user knows them and no path.</summary>
    private static ApiException Failed(CutroomException e, IReadOnlyDictionary<string, RenderSource> media, string output)
    {
        if (e is RenderInputException input)
        {
            var text = string.Join("; ", input.Errors.Select(x => $"{RenderRequest.InBody(x.Field)}: {x.Message}"));
            return new ApiException(JobErrorMapping.ApiCodeOf(e), "the draft cannot be previewed: " + RenderJobHandler.Redact(text, media, output));
        }
        return new ApiException(JobErrorMapping.ApiCodeOf(e), "the preview failed: " + RenderJobHandler.Redact(e.Message, media, output));
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The current draft of a session as the preview sees it.</summary>
    private sealed record CurrentDraft(int Version, string Hash, RenderableDraft? Draft, IReadOnlyList<JobError> Errors);

    /// <summary>The preview state of one session: the quiet-time timer and the latest run.</summary>
    /// <summary>How many sessions are held in memory (tests: the bound of <see cref="PreviewOptions.MaxSessions"/>).</summary>
    internal int TrackedSessions => _sessions.Count;

    /// <summary>The session's entry, marked as just used; past <see cref="PreviewOptions.MaxSessions"/> the least recently used idle entries are forgotten.</summary>
    private SessionPreviews Entry(string sessionId)
    {
        var s = _sessions.GetOrAdd(sessionId, _ => new SessionPreviews());
        Interlocked.Exchange(ref s.LastUsed, Environment.TickCount64);
        if (_sessions.Count > Math.Max(1, _options.MaxSessions)) Trim(sessionId);
        return s;
    }

    /// <summary>Forgets idle entries (no pending start, no render in progress), least recently used first, until the bound holds.</summary>
    private void Trim(string keep)
    {
        var excess = _sessions.Count - Math.Max(1, _options.MaxSessions);
        foreach (var (id, s) in _sessions.ToArray().OrderBy(e => Interlocked.Read(ref e.Value.LastUsed)))
        {
            if (excess <= 0) break;
            if (id == keep) continue;
            lock (s.Gate)
            {
                if (s.Pending is { IsCompleted: false } || s.Current is { Task.IsCompleted: false }) continue;
                if (!_sessions.TryRemove(new KeyValuePair<string, SessionPreviews>(id, s))) continue;
                s.Forgotten = true;
                s.Debounce?.Dispose();
                s.Current?.Cancel.Dispose();
            }
            excess--;
        }
    }

    private sealed class SessionPreviews
    {
        public readonly Lock Gate = new();
        public CancellationTokenSource? Debounce;
        public PreviewRun? Current;
        public Task? Pending;
        public long LastUsed;
        public bool Forgotten;
    }

    /// <summary>One preview render: the draft it shows, its cancellation, and whether a newer draft replaced it.</summary>
    private sealed class PreviewRun(string hash, CancellationTokenSource cancel)
    {
        public string Hash { get; } = hash;
        public CancellationTokenSource Cancel { get; } = cancel;
        public Task<string> Task { get; set; } = null!;
        public volatile bool Stale;
    }
}
