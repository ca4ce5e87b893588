using System.Text.Json;
using Cutroom.Server.Contract;
using Cutroom.Server.Data.Entities;
using Cutroom.Server.Jobs;
using Cutroom.Server.Storage;

namespace Cutroom.Server.Render;

/// <summary>The result a finished render job stores (its <see cref="JobRow.ResultJson"/>, snake_case).</summary>
/// <param name="FileKey">The stored output's key (<see cref="StoredFile.Key"/>).</param>
/// <param name="Format">mp4, webm, mov or gif.</param>
/// <param name="Width">Width (pixels), as probed.</param>
/// <param name="Height">Height (pixels), as probed.</param>
/// <param name="DurationMs">Duration (ms), as probed.</param>
/// <param name="SizeBytes">File size (bytes).</param>
/// <param name="ElapsedMs">Wall time of the render (ms).</param>
public sealed record RenderOutputFile(string FileKey, string Format, int Width, int Height, long DurationMs, long SizeBytes, long ElapsedMs)
{
    /// <summary>The result as JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ServerJson.Options);

    /// <summary>Reads a stored result, or null when there is none or it is not a render's.</summary>
    /// <param name="json">A job's result.</param>
    public static RenderOutputFile? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try { return JsonSerializer.Deserialize<RenderOutputFile>(json, ServerJson.Options); }
        catch (JsonException) { return null; }
    }
}

/// <summary><c>data</c> of the POST's 202: the render id and its state.</summary>
/// <param name="Id">The client's render id.</param>
/// <param name="Status">queued, rendering, completed or failed.</param>
public sealed record RenderAccepted(string Id, string Status);

/// <summary><c>data</c> of <c>GET /api/render/proxy/lambda/&lt;id&gt;</c> (contract §7).</summary>
/// <param name="Id">The client's render id.</param>
/// <param name="Status">queued, rendering, completed or failed.</param>
/// <param name="Progress">0-100.</param>
/// <param name="Output">The output when completed, else null.</param>
/// <param name="Error">Why it failed, else null.</param>
/// <param name="CreatedAt">Posted at (UTC).</param>
/// <param name="UpdatedAt">Last change (UTC).</param>
public sealed record RenderStatusData(string Id, string Status, int Progress, RenderOutputData? Output, RenderErrorData? Error, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A completed render's output.</summary>
/// <param name="Url">A fresh signed download link (contract §8).</param>
/// <param name="Format">mp4, webm, mov or gif.</param>
/// <param name="Width">Width (pixels).</param>
/// <param name="Height">Height (pixels).</param>
/// <param name="DurationMs">Duration (ms).</param>
/// <param name="SizeBytes">Size (bytes).</param>
public sealed record RenderOutputData(string Url, string Format, int Width, int Height, long DurationMs, long SizeBytes);

/// <summary>A failed render's error.</summary>
/// <param name="Code">The contract's code.</param>
/// <param name="Message">Why, for the user (no paths).</param>
/// <param name="RequestId">For a 5000 error (contract §1), the id to report: the render job's id, which its log and the server log carry; else null.</param>
public sealed record RenderErrorData(int Code, string Message, string? RequestId = null);

/// <summary>The contract's view of a render job.</summary>
public static class RenderStatus
{
    /// <summary>The contract's status of a job state: running → rendering, cancelled → failed.</summary>
    /// <param name="jobState">A <see cref="JobStates"/> value.</param>
    public static string Of(string jobState) => jobState switch
    {
        JobStates.Queued => "queued",
        JobStates.Running => "rendering",
        JobStates.Completed => "completed",
        _ => "failed",
    };

    /// <summary>The GET answer's data for <paramref name="job"/>, with a fresh signed link to its output.</summary>
    /// <param name="job">A render job of the caller.</param>
    /// <param name="urlOf">The download link of a stored file's key (<see cref="DownloadLinks.ForAsync"/>).</param>
    public static RenderStatusData Describe(JobRow job, Func<string, string> urlOf)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(urlOf);
        var status = Of(job.Status);
        RenderOutputData? output = null;
        if (status == "completed" && RenderOutputFile.Parse(job.ResultJson) is { } r)
            output = new RenderOutputData(urlOf(r.FileKey), r.Format, r.Width, r.Height, r.DurationMs, r.SizeBytes);
        var code = job.ErrorCode ?? ApiCodes.ServerError;
        RenderErrorData? error = status == "failed"
            ? new RenderErrorData(code, job.ErrorMessage ?? "the render was cancelled", code == ApiCodes.ServerError ? job.Id : null)
            : null;
        return new RenderStatusData(job.ExternalId ?? job.Id, status, status == "completed" ? 100 : job.Progress, output, error, job.CreatedAt, job.UpdatedAt);
    }
}
