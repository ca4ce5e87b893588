using Cutroom.Contract.Errors;
using Cutroom.Server.Data;
using Cutroom.Server.Storage;
using Cutroom.Timeline.Model;
using Cutroom.Timeline.Validation;
using Microsoft.EntityFrameworkCore;

namespace Cutroom.Server.Render;

/// <summary>A media item a draft's <c>src</c> may name: an upload (<c>med_</c>) or a generated output (<c>gen_</c>) of the session.</summary>
/// <param name="Id">The media id.</param>
/// <param name="Name">Its readable name (the client's file name or the output's name), for messages.</param>
/// <param name="HasPicture">Whether it can be on a video track (a video or an image).</param>
/// <param name="HasSound">Whether it can be on an audio track (audio, or a video with sound; generated videos are assumed to have sound).</param>
/// <param name="Path">Its local file (absolute; with S3 storage a copy in the scratch folder, there only when loaded with <c>fetch</c>), or null when its file record or blob is gone.</param>
/// <param name="DurationMs">Its duration in ms when it plays in time (a video or a sound), else null: for the in-point check.</param>
public sealed record RenderSource(string Id, string Name, bool HasPicture, bool HasSound, string? Path, long? DurationMs = null);

/// <summary>
/// Resolves the <c>src</c> media ids of a draft within ONE session (docs/security.md §12: another
/// session's or user's id is unknown here), checks that each can be where the draft puts it, and
/// gives the renderer the stored files.
/// </summary>
/// <param name="db">The database.</param>
/// <param name="store">The file store.</param>
public sealed class RenderSources(IDbContextFactory<CutroomDb> db, FileStore store)
{
    /// <summary>Generated kinds a draft can use (archives and JSON cannot be rendered).</summary>
    private static readonly string[] RenderableGenerated = ["image", "video", "audio"];

    /// <summary>The session's media named by the draft's segments (unknown ids are absent from the result).</summary>
    /// <param name="sessionId">A session already checked against its owner.</param>
    /// <param name="draft">The draft.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="fetch">True for a job that reads the files: each is copied to local scratch when the store is remote (S3); false to check ids and kinds only.</param>
    public async Task<IReadOnlyDictionary<string, RenderSource>> LoadAsync(string sessionId, Draft draft, CancellationToken cancellationToken, bool fetch = false)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var ids = draft.AllSegments().Where(x => x.Track.Type != TrackType.Text && x.Segment.Src is not null)
            .Select(x => x.Segment.Src!).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) return new Dictionary<string, RenderSource>();
        await using var ctx = await db.CreateDbContextAsync(cancellationToken);
        var media = await ctx.Media.AsNoTracking().Where(m => m.SessionId == sessionId && ids.Contains(m.Id))
            .Select(m => new { m.Id, m.Name, m.Kind, m.HasAudio, m.FileKey, m.DurationMs }).ToListAsync(cancellationToken);
        var generated = await ctx.Generated.AsNoTracking().Where(g => g.SessionId == sessionId && ids.Contains(g.Id) && RenderableGenerated.Contains(g.Kind))
            .Select(g => new { g.Id, g.Name, g.Kind, g.FileKey, g.DurationMs }).ToListAsync(cancellationToken);
        var keys = media.Select(m => m.FileKey).Concat(generated.Select(g => g.FileKey)).ToList();
        var files = await ctx.Files.AsNoTracking().Where(f => keys.Contains(f.Key)).ToDictionaryAsync(f => f.Key, cancellationToken);
        var paths = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var f in files.Values) paths[f.Key] = fetch ? await LocalCopyOrNullAsync(f, cancellationToken) : store.PathOf(f);
        string? PathOf(string key) => paths.GetValueOrDefault(key);

        var result = new Dictionary<string, RenderSource>(StringComparer.Ordinal);
        foreach (var m in media)
            result[m.Id] = new RenderSource(m.Id, m.Name, m.Kind is "video" or "image", m.Kind == "audio" || (m.Kind == "video" && m.HasAudio), PathOf(m.FileKey),
                m.Kind is "video" or "audio" ? m.DurationMs : null);
        foreach (var g in generated)
            result[g.Id] = new RenderSource(g.Id, g.Name, g.Kind is "video" or "image", g.Kind is "audio" or "video", PathOf(g.FileKey),
                g.Kind is "video" or "audio" ? g.DurationMs : null);
        return result;
    }

    private async Task<string?> LocalCopyOrNullAsync(Data.Entities.StoredFile file, CancellationToken cancellationToken)
    {
        try { return await store.LocalCopyAsync(file, cancellationToken); }
        catch (FileNotFoundException) { return null; }
    }

    /// <summary>
    /// Every segment whose <c>src</c> is not a media item of the session (<c>not_found</c>), or cannot be
    /// on its track by the track rule (<see cref="TrackMedia"/>: <c>unsupported_media</c>), each at the
    /// draft's JSON path of its <c>src</c> (<c>t[0].sg[2].src</c>; <see cref="RenderRequest.InBody"/> makes it a body path).
    /// </summary>
    /// <param name="draft">The draft.</param>
    /// <param name="sources">The result of <see cref="LoadAsync"/>.</param>
    public static IReadOnlyList<JobError> Check(Draft draft, IReadOnlyDictionary<string, RenderSource> sources)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(sources);
        var errors = new List<JobError>();
        foreach (var placement in TrackMedia.Placements(draft))
        {
            if (!sources.TryGetValue(placement.Src, out var m))
                errors.Add(new JobError(JobErrorCodes.NotFound, placement.Path,
                    $"unknown media '{Short(placement.Src)}': use a media_id (or generated media id) of this session, as listed in its state"));
            else if (TrackMedia.Check(placement, new MediaFacts(m.Name, m.HasPicture, m.HasSound, m.DurationMs)) is { } wrong)
                errors.Add(wrong);
        }
        return errors;
    }

    private static string Short(string s) => s.Length <= 64 ? s : s[..64] + "…";
}
