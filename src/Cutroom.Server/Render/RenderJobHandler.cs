using System.Globalization;
using Cutroom.Contract.Errors;
using Cutroom.Contract.Jobs;
using Cutroom.Contract.Output;
using Cutroom.Engine.Common;
using Cutroom.Engine.Render;
using Cutroom.Server.Contract;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Hosting;
using Cutroom.Server.Jobs;
using Cutroom.Server.Storage;
using Microsoft.Extensions.Logging;

namespace Cutroom.Server.Render;

/// <summary>
/// Runs render jobs (kind <c>render</c>): resolves the draft's media ids to the session's stored
/// files (copied to local scratch first when the store is S3), renders with <see cref="DraftRenderer"/> to a temp name (the renderer verifies the output by
/// probing it once, docs/security.md §16, and returns that probe), then puts it into storage (moved, or uploaded to S3) under a new key with a readable download name
/// (the draft's title, or <c>render</c>). Every attempt starts from scratch with a new temp name, so
/// re-running after a crash is safe; a failed attempt leaves nothing behind. ffmpeg's command line
/// and log of every attempt are appended to <c>logs/render/&lt;job&gt;.log</c> in the data folder.
/// Failures are thrown as <see cref="ApiException"/> with the contract code of their kind
/// (<see cref="JobErrorMapping"/>) and a message for the user in which media appear by their names, never by a path.
/// </summary>
/// <param name="engine">ffmpeg and ffprobe.</param>
/// <param name="sources">Resolves media ids.</param>
/// <param name="store">Temp names and storage.</param>
/// <param name="logger">The server log.</param>
/// <param name="options">The render time limit (<see cref="RenderOptions.FFmpegTimeLimitFor"/>: it grows with the output's duration), and whether chunks are queued as jobs (<see cref="RenderOptions.ChunkJobs"/>).</param>
/// <param name="jobs">The jobs table (chunks queued as jobs).</param>
/// <param name="queue">The engine's queue (chunks queued as jobs).</param>
public sealed class RenderJobHandler(EngineContext engine, RenderSources sources, FileStore store, ServerOptions options, ILogger<RenderJobHandler> logger,
    JobStore jobs, JobQueue queue) : IJobHandler
{
    /// <inheritdoc/>
    public string Kind => JobKinds.Render;

    /// <summary>The per-job ffmpeg log of <paramref name="jobId"/> (absolute path).</summary>
    /// <param name="jobId">A job id.</param>
    public string LogPathOf(string jobId) => Path.Combine(store.Root, "logs", "render", jobId + ".log");

    /// <inheritdoc/>
    /// <exception cref="ApiException">4004 when a media item or its file is gone; 4001 when media cannot be on its track; 4000 when the draft cannot be rendered; 5000 when ffmpeg fails or the output does not verify.</exception>
    public async Task<string?> RunAsync(JobRow job, string payload, IProgress<int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        var request = RenderPayload.Parse(payload);
        var draft = request.Draft.Draft;
        var media = await sources.LoadAsync(request.SessionId, draft, cancellationToken, fetch: true);
        var problems = RenderSources.Check(draft, media);
        if (problems.Count > 0)
            throw new ApiException(JobErrorMapping.ApiCodeOf(problems[0].Kind), $"{RenderRequest.InBody(problems[0].Field)}: {problems[0].Message}; post a new render");
        foreach (var m in media.Values)
            if (m.Path is null || !File.Exists(m.Path))
                throw new ApiException(ApiCodes.NotFound, $"media '{m.Name}' ({m.Id}) is missing from storage: upload it again and post a new render");

        var extension = "." + RenderRequest.NameOf(request.Format);
        var log = LogPathOf(job.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        await File.AppendAllTextAsync(log, string.Create(CultureInfo.InvariantCulture,
            $"# {job.Id} ({job.ExternalId}) attempt {job.Attempts} at {DateTime.UtcNow:O}\n"), CancellationToken.None);

        var temp = store.NewTempPath(extension);
        try
        {
            var render = new DraftRenderRequest(request.Draft, temp, id => media.TryGetValue(id, out var m) ? m.Path : null)
            {
                Spec = OutputSpecs.ForRender(request.Format, request.Quality),
                Background = Background(draft.Meta.Background),
                LogFile = log,
            };
            // The renderer probed the output once to verify it (a picture, sound unless GIF, a duration): its numbers are stored.
            var limit = options.Render.FFmpegTimeLimitFor(draft.DurationMs);
            var context = RenderLimits.WithTimeLimit(engine, limit);
            // Chunks as jobs: any worker process takes the pieces of this render (docs/render.md, "Chunks as jobs").
            if (options.Render.QueuesChunks(options.Role))
                context = context.WithChunkScheduler(new Chunks.QueuedRenderChunkScheduler(job, request, jobs, queue, store, engine.RenderCache, limit));
            var rendered = await new DraftRenderer(context).RunAsync(render, new PercentProgress(progress, 97), cancellationToken);
            progress.Report(98);
            var title = DownloadTitle(draft, media);
            var file = await store.StoreAsync(job.AccountId, temp, extension, ContentTypes.Of(temp), title + extension, CancellationToken.None);
            return new RenderOutputFile(file.Key, RenderRequest.NameOf(request.Format), rendered.Width, rendered.Height, rendered.DurationMs,
                file.SizeBytes, rendered.ElapsedMs).ToJson();
        }
        catch (OperationCanceledException)
        {
            Delete(temp);
            throw;
        }
        catch (RenderInputException e)
        {
            Delete(temp);
            var text = string.Join("; ", e.Errors.Select(x => $"{RenderRequest.InBody(x.Field)}: {x.Message}"));
            throw new ApiException(JobErrorMapping.ApiCodeOf(e), "the draft cannot be rendered: " + Redact(text, media, temp));
        }
        catch (CutroomException e)
        {
            Delete(temp);
            logger.LogWarning("render job {Job} failed ({Code}): {Message}", job.Id, e.Code, Redact(e.Message, media, temp));
            throw new ApiException(JobErrorMapping.ApiCodeOf(e), "the render failed: " + Redact(e.Message, media, temp));
        }
        catch
        {
            Delete(temp);
            throw;
        }
    }

    /// <summary>
    /// The name a download of the render gets: the draft's title, else the first picture's upload name
    /// with <c>-export</c> (<c>cockatoo-export.mp4</c>), else <c>export</c>; never a storage key.
    /// </summary>
    internal static string DownloadTitle(Cutroom.Timeline.Model.Draft draft, IReadOnlyDictionary<string, RenderSource> media)
    {
        if (!string.IsNullOrWhiteSpace(draft.Meta.Title)) return draft.Meta.Title.Trim();
        var first = draft.Tracks.Where(t => t.Type == Cutroom.Timeline.Model.TrackType.Video).SelectMany(t => t.Segments).OrderBy(s => s.StartMs)
            .Select(s => s.Src is { } src && media.TryGetValue(src, out var m) ? m.Name : null).FirstOrDefault(n => n is not null);
        return first is null ? "export" : Path.GetFileNameWithoutExtension(first) + "-export";
    }

    /// <summary>The draft's <c>m.bg</c> (<c>#RRGGBB</c>, validated) in ffmpeg's colour syntax, or black.</summary>
    internal static string Background(string? bg) =>
        bg is { Length: 7 } && bg[0] == '#' && bg.Skip(1).All(char.IsAsciiHexDigit) ? "0x" + bg[1..] : "black";

    /// <summary>The message with stored files named as the user knows them and any other path reduced to a file name.</summary>
    internal static string Redact(string message, IReadOnlyDictionary<string, RenderSource> media, string temp)
    {
        foreach (var m in media.Values.Where(m => m.Path is not null))
        {
            message = message.Replace(m.Path!, m.Name, StringComparison.Ordinal)
                .Replace(Path.GetFileName(m.Path!), m.Name, StringComparison.Ordinal);
        }
        message = message.Replace(temp, "the output", StringComparison.Ordinal);
        return PathRedaction.Redact(message, [temp]);
    }

    private static void Delete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Turns the renderer's 0-1 into 0-<c>max</c> percent (a render job, and a piece of one).</summary>
    internal sealed class PercentProgress(IProgress<int> target, int max) : IProgress<JobProgress>
    {
        public void Report(JobProgress value) => target.Report((int)Math.Clamp(value.Fraction * max, 0, max));
    }
}
