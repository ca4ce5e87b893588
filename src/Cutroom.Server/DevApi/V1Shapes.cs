using Cutroom.Server.Data.Entities;
using Cutroom.Server.Jobs;
using Cutroom.Server.Render;

namespace Cutroom.Server.DevApi;

/// <summary>A media item of the developer API (<c>GET /v1/media/{id}</c>).</summary>
/// <param name="Id">The media id (<c>med_…</c>), used as <c>src</c> in a draft.</param>
/// <param name="Name">The (sanitised) file name.</param>
/// <param name="Kind"><c>video</c>, <c>image</c> or <c>audio</c>.</param>
/// <param name="Mime">Its MIME type.</param>
/// <param name="SizeBytes">Size (bytes).</param>
/// <param name="DurationMs">Duration (ms), or null for an image.</param>
/// <param name="Width">Width (pixels), or null for audio.</param>
/// <param name="Height">Height (pixels), or null for audio.</param>
/// <param name="Fps">Frame rate, or null.</param>
/// <param name="HasAudio">Whether it has sound.</param>
/// <param name="Url">A signed download link (expires).</param>
/// <param name="CreatedAt">Uploaded at (UTC).</param>
public sealed record V1Media(string Id, string Name, string Kind, string Mime, long SizeBytes, long? DurationMs, int? Width, int? Height, double? Fps,
    bool HasAudio, string Url, DateTime CreatedAt)
{
    /// <summary>The shape of a stored media row.</summary>
    /// <param name="m">The row.</param>
    /// <param name="url">Its signed link.</param>
    public static V1Media Of(MediaRow m, string url)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new V1Media(m.Id, m.Name, m.Kind, m.Mime, m.SizeBytes, m.DurationMs, m.Width, m.Height, m.Fps, m.HasAudio, url, m.CreatedAt);
    }
}

/// <summary>The answer of <c>POST /v1/media</c>: the new media items, in request order.</summary>
/// <param name="Data">The items.</param>
public sealed record V1MediaList(IReadOnlyList<V1Media> Data);

/// <summary>A finished render's output.</summary>
/// <param name="Url">A fresh signed download link (expires after the server's link lifetime, 24 h by default).</param>
/// <param name="Format">mp4, webm, mov or gif.</param>
/// <param name="Width">Width (pixels).</param>
/// <param name="Height">Height (pixels).</param>
/// <param name="DurationMs">Duration (ms).</param>
/// <param name="SizeBytes">Size (bytes).</param>
public sealed record V1RenderOutput(string? Url, string Format, int Width, int Height, long DurationMs, long SizeBytes);

/// <summary>Why a render or job failed.</summary>
/// <param name="Code">The problem code (<see cref="V1Problem.CodeName"/>).</param>
/// <param name="Message">Why, for a person (no paths).</param>
public sealed record V1JobError(string Code, string Message);

/// <summary>A render of the developer API.</summary>
/// <param name="Id">The render's id (<c>job_…</c>).</param>
/// <param name="Status"><c>queued</c>, <c>running</c>, <c>completed</c>, <c>failed</c> or <c>cancelled</c> (the last three never change).</param>
/// <param name="Progress">0-100.</param>
/// <param name="Output">The output when completed, else null.</param>
/// <param name="Error">Why it failed, else null.</param>
/// <param name="IdempotencyKey">The client's idempotency key (or the one the server chose).</param>
/// <param name="CallbackUrl">Where its end is posted, or null.</param>
/// <param name="CreatedAt">Posted at (UTC).</param>
/// <param name="UpdatedAt">Last change (UTC).</param>
public sealed record V1Render(string Id, string Status, int Progress, V1RenderOutput? Output, V1JobError? Error, string? IdempotencyKey,
    string? CallbackUrl, DateTime CreatedAt, DateTime UpdatedAt)
{
    /// <summary>The shape of a render job.</summary>
    /// <param name="job">A render job.</param>
    /// <param name="urlOf">Stored-file key → signed link, or null to leave links out (webhook events).</param>
    public static V1Render Of(JobRow job, Func<string, string>? urlOf)
    {
        ArgumentNullException.ThrowIfNull(job);
        V1RenderOutput? output = null;
        if (job.Status == JobStates.Completed && RenderOutputFile.Parse(job.ResultJson) is { } r)
            output = new V1RenderOutput(urlOf?.Invoke(r.FileKey), r.Format, r.Width, r.Height, r.DurationMs, r.SizeBytes);
        var error = job.Status switch
        {
            JobStates.Failed => new V1JobError(V1Problem.CodeName(job.ErrorCode ?? Contract.ApiCodes.ServerError), job.ErrorMessage ?? "the render failed"),
            JobStates.Cancelled => new V1JobError("cancelled", "the render was cancelled"),
            _ => null,
        };
        return new V1Render(job.Id, job.Status, job.Status == JobStates.Completed ? 100 : job.Progress, output, error, job.ExternalId, job.CallbackUrl,
            job.CreatedAt, job.UpdatedAt);
    }
}

/// <summary>A page of a list, newest first.</summary>
/// <typeparam name="T">The items' shape.</typeparam>
/// <param name="Data">The items.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
public sealed record V1Page<T>(IReadOnlyList<T> Data, string? NextCursor);
