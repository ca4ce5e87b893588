using System.Globalization;
using Cutroom.Engine.Common;
using Cutroom.FFmpeg.Probe;
using Cutroom.Timeline.Model;

namespace Cutroom.Agent.Sessions;

/// <summary>
/// An <see cref="IAgentSession"/> held in memory with its outputs in a folder: what the CLI's
/// chat and the tests use (the server keeps the same things in its database). Uploads are
/// referenced where they are (not copied); outputs go under <see cref="Root"/>.
/// </summary>
public sealed class FolderSession : IAgentSession
{
    private readonly List<SessionMedia> _media = [];
    private readonly List<GeneratedMedia> _generated = [];
    private readonly DraftHistory _history;
    private int _nextGenerated;
    private int _nextGroup;
    private int _nextFolder;

    /// <summary>Creates a session whose outputs go under <paramref name="root"/> (created).</summary>
    /// <param name="root">The work folder.</param>
    /// <param name="credits">The credits (default: 100 in memory).</param>
    /// <param name="language">The reply language (<c>en</c>/<c>zh</c>), or null to follow each message.</param>
    /// <param name="draft">The starting draft (default: empty 1920x1080).</param>
    public FolderSession(string root, ICreditAccount? credits = null, string? language = null, Draft? draft = null)
    {
        Root = Directory.CreateDirectory(root).FullName;
        Credits = credits ?? new MemoryCreditAccount();
        Language = language;
        _history = new DraftHistory(draft ?? Draft.Create());
        Id = "ses_" + Path.GetFileName(Root);
    }

    /// <summary>The work folder.</summary>
    public string Root { get; }

    /// <inheritdoc/>
    public string Id { get; }

    /// <inheritdoc/>
    public string? Language { get; set; }

    /// <inheritdoc/>
    public IReadOnlyList<SessionMedia> Media => _media;

    /// <inheritdoc/>
    public IReadOnlyList<GeneratedMedia> Generated => _generated;

    /// <inheritdoc/>
    public Draft Draft => _history.Current;

    /// <inheritdoc/>
    public int Version { get; private set; }

    /// <inheritdoc/>
    public bool CanUndo => _history.CanUndo;

    /// <inheritdoc/>
    public bool CanRedo => _history.CanRedo;

    /// <inheritdoc/>
    public ICreditAccount Credits { get; }

    /// <summary>
    /// Uploads files: probes each, adds it to the bin as <c>med_N</c>, and (while the draft is
    /// empty) places it on the draft by the contract's upload rule (<see cref="UploadPlacement"/>).
    /// </summary>
    /// <param name="engine">The engine (its prober).</param>
    /// <param name="paths">The files, in order.</param>
    /// <param name="cancellationToken">Cancels probing.</param>
    /// <returns>The new media.</returns>
    /// <exception cref="Cutroom.FFmpeg.Errors.MediaProbeException">A file is missing or not media (nothing is added then).</exception>
    public async Task<IReadOnlyList<SessionMedia>> UploadAsync(EngineContext engine, IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(paths);
        var added = new List<SessionMedia>();
        foreach (var path in paths)
        {
            var info = await engine.Prober.ProbeAsync(path, measureFrames: false, cancellationToken);
            added.Add(Describe($"med_{_media.Count + added.Count + 1}", info));
        }
        var empty = UploadPlacement.IsEmpty(Draft);
        var draft = Draft;
        foreach (var m in added) draft = UploadPlacement.Apply(draft, m, empty);
        _media.AddRange(added);
        if (!ReferenceEquals(draft, Draft)) await CommitDraftAsync(draft, "upload", cancellationToken);
        return added;
    }

    /// <summary>The bin entry of a probed file.</summary>
    /// <param name="id">The media id.</param>
    /// <param name="info">What the probe found.</param>
    public static SessionMedia Describe(string id, MediaInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var kind = info.IsStillImage ? MediaKind.Image : info.Video is null && info.Audio is not null ? MediaKind.Audio : MediaKind.Video;
        var v = info.Video;
        return new SessionMedia(id, kind, Path.GetFileName(info.Path))
        {
            DurationMs = kind == MediaKind.Image ? null : info.DurationMs,
            Width = v?.DisplayWidth,
            Height = v?.DisplayHeight,
            Fps = kind == MediaKind.Video && v is not null && v.FrameRate.IsPositive ? Math.Round(v.FrameRate.ToDouble(), 3) : null,
            HasAudio = info.Audio is not null,
            VideoCodec = v?.Codec,
            AudioCodec = info.Audio?.Codec,
            SizeBytes = info.SizeBytes,
            Path = Path.GetFullPath(info.Path),
        };
    }

    /// <inheritdoc/>
    public Task CommitDraftAsync(Draft draft, string reason, CancellationToken cancellationToken = default)
    {
        _history.Commit(draft, reason);
        Version++;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<bool> UndoAsync(CancellationToken cancellationToken = default)
    {
        var moved = _history.Undo(out _);
        if (moved) Version++;
        return Task.FromResult(moved);
    }

    /// <inheritdoc/>
    public Task<bool> RedoAsync(CancellationToken cancellationToken = default)
    {
        var moved = _history.Redo(out _);
        if (moved) Version++;
        return Task.FromResult(moved);
    }

    /// <inheritdoc/>
    public string? PathOf(string id) =>
        _media.FirstOrDefault(m => m.Id == id)?.Path ?? _generated.FirstOrDefault(g => g.Id == id)?.Path;

    /// <inheritdoc/>
    public string NewWorkFolder(string op)
    {
        return Path.Combine(Root, string.Create(CultureInfo.InvariantCulture, $"{++_nextFolder:D3}-{op}"));
    }

    /// <inheritdoc/>
    public string NewGroup() => string.Create(CultureInfo.InvariantCulture, $"op_{++_nextGroup}");

    /// <inheritdoc/>
    public Task<GeneratedMedia> AddGeneratedAsync(GeneratedMedia item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var stored = item with { Id = string.Create(CultureInfo.InvariantCulture, $"gen_{++_nextGenerated}") };
        _generated.Add(stored);
        return Task.FromResult(stored);
    }
}
